using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Web;

/// <summary>
/// Every message the product gives about a rule or a refusal, in plain Dutch (B1), in one place
/// so they can be reviewed together and translated later. A message that names a limit is formatted from the
/// constant that sets it, so the two cannot drift apart.
/// </summary>
public static class Messages
{
    public const string NoteEmpty = "Schrijf eerst iets op. Een lege notitie kunnen we niet bewaren.";
    public const string NoteBadCharacters = "Uw tekst bevat een teken dat we niet kunnen bewaren, bijvoorbeeld een onzichtbaar teken. Typ de tekst opnieuw en probeer het nog eens.";
    public const string ActionEmpty = "Schrijf eerst iets op.";
    public const string NoteNotFound = "Deze notitie bestaat niet meer. Misschien heeft iemand hem net verwijderd.";
    public const string NotYourNote = "U kunt alleen uw eigen notities wijzigen of verwijderen.";
    public const string WorkshopClosed = "Deze workshop is afgesloten. U kunt niets meer toevoegen of wijzigen.";
    public const string StepTakesNoNotes = "Bij deze stap kunt u geen notities schrijven.";
    public const string StepNotStarted = "Deze stap is nog niet begonnen. Wacht tot de begeleider de zaal hierheen brengt.";
    public const string StepLocked = "De begeleider heeft deze stap gesloten. U kunt hier niets meer toevoegen of veranderen.";
    public static readonly string TimerMinutes = $"Kies een tijd van {Workshop.MinTimerMinutes} tot {Workshop.MaxTimerMinutes} minuten.";
    public const string StepNotFound = "Deze stap bestaat niet in deze workshop.";
    public const string UnknownColumn = "Kies onder welke vraag uw notitie hoort.";
    public static readonly string TooManyActions = $"U kunt maximaal {Participant.MaxActions} zaken opschrijven.";
    public const string ActionsNotStarted = "De drie zaken voor morgen komen aan het eind van de workshop. Wacht tot de begeleider zover is.";
    public static readonly string DisplayNameTooLong = $"Uw naam mag maximaal {TextRules.DisplayNameMaxLength} tekens zijn.";
    public const string DisplayNameBadCharacters = "Uw naam bevat een teken dat we niet kunnen bewaren.";

    public const string JoinCodeMissing = "Vul de code in die u van de begeleider kreeg.";
    public static readonly string JoinCodeMalformed = $"Een code heeft {JoinCode.MinLength} tot {JoinCode.MaxLength} letters en cijfers. Kijk of u hem goed heeft overgenomen.";
    public static readonly string JoinCodeLeftOut = $"Een code heeft nooit een {string.Join(", ", JoinCode.LeftOut[..^1].ToCharArray())} of {JoinCode.LeftOut[^1]}, want die lijken op andere letters en cijfers. Kijk nog eens goed naar de code op het scherm.";
    /// <summary>For an unknown code and for a closed workshop's alike: the answer must not tell a guesser which codes exist.</summary>
    public const string JoinCodeUnknown = "Met deze code kunt u niet meedoen. Misschien is er een letter of cijfer anders, of is de workshop al afgesloten. Kijk de code na, of vraag de begeleider om de code.";
    public const string TooManyStarts = "Vanaf dit adres zijn in het afgelopen uur al veel workshops gestart. Wacht een uur en probeer het dan opnieuw, of ga verder met een workshop die u al heeft.";
    public const string TooManyJoinAttempts = "U heeft te vaak een code geprobeerd. Wacht een minuut en probeer het dan opnieuw.";
    public const string TooManyStreams = "Er staan al veel pagina's van deze workshop open op uw apparaten of in uw netwerk. Deze pagina werkt gewoon, maar ververst niet vanzelf. Sluit pagina's die u niet gebruikt, of laad de pagina opnieuw om het nieuwste te zien.";
    public const string ServerFullOfStreams = "De server houdt nu zoveel pagina's bij als hij aankan. Deze pagina werkt gewoon, maar ververst niet vanzelf. Laad de pagina opnieuw om het nieuwste te zien.";

    public const string GemeenteRequired = "Vul de naam van uw gemeente in.";
    public static readonly string GemeenteTooLong = $"De naam van de gemeente mag maximaal {Workshop.GemeenteMaxLength} tekens zijn.";
    public const string TitleRequired = "Geef de workshop een titel.";
    public static readonly string TitleTooLong = $"De titel mag maximaal {Workshop.TitleMaxLength} tekens zijn.";
    public const string DateRequired = "Vul de datum van de workshop in.";

    // The gemeente space (decision 0018).
    public const string NotBeheerder = "Deze pagina is alleen voor de beheerders van de gemeente. Open de beheerderslink die u kreeg.";
    public const string BeheerderLinkWrong = "Deze beheerderslink klopt niet. Kijk of u de hele link heeft gekopieerd.";
    public const string BeheerderLinkRevoked = "Deze beheerderslink is ingetrokken en werkt niet meer. Vraag een andere beheerder van uw gemeente om een nieuwe link.";
    public const string GemeenteNotFound = "Deze gemeente bestaat niet op deze installatie.";
    public const string BeheerderLinkNotFound = "Deze beheerderslink bestaat niet of is al ingetrokken.";
    public const string LastBeheerderLink = "Dit is de laatste beheerderslink die werkt. Maak eerst een link voor iemand anders en trek deze daarna in.";
    public static readonly string TooManyBeheerderLinks = $"Er kunnen hoogstens {Gemeenten.Gemeente.MaxActiveBeheerderLinks} beheerderslinks tegelijk werken. Trek eerst een link in die niet meer nodig is.";
    public const string ForWhomRequired = "Schrijf bij 'voor wie' een naam of een rol, of laat het veld leeg.";
    public static readonly string ForWhomTooLong = $"Bij 'voor wie' passen hoogstens {Gemeenten.BeheerderLink.ForWhomMaxLength} tekens.";
    public const string SessionNotInGemeente = "Deze sessie hoort niet bij uw gemeente, of bestaat niet meer.";
    public const string NotForBeheerder = "Dit kan alleen de begeleider, met de begeleiderslink. Als beheerder bereidt u de sessie voor en houdt u de acties bij. De begeleider opent de sessie als alles klaar is.";
    public const string StartClosed = "Op deze installatie starten de beheerders van een gemeente de sessies, op de pagina van hun gemeente. Vraag hun om een begeleiderslink.";
    public const string FacilitatorLinkRevoked = "De begeleiderslink van deze sessie is ingetrokken. Vraag de beheerder van uw gemeente om een nieuwe link.";
    public const string FacilitatorKeyReplaced = "Deze begeleiderslink werkt niet (meer). Misschien heeft de beheerder van uw gemeente een nieuwe gemaakt. Vraag hun om de nieuwe link.";
    public const string SessionIsConcept = "Deze sessie is nog niet geopend. Wacht tot de begeleider de sessie opent en probeer het dan opnieuw.";
    public const string PlanFixed = "Deze sessie is al geopend. Wat er besproken wordt, ligt nu vast en kan niet meer veranderen.";
    public const string PlanPanelNotFound = "Dit onderdeel staat niet (meer) in de sessie. Vernieuw de pagina en probeer het opnieuw.";
    public const string PlanAlreadyFirst = "Dit onderdeel staat al bovenaan.";
    public const string PlanAlreadyLast = "Dit onderdeel staat al onderaan.";
    public const string PlanNeedsOnePrinciple = "Er moet minstens één principe van de praatplaat in de sessie blijven.";
    public static readonly string OwnQuestionsFull = $"Er passen hoogstens {Workshops.WorkshopPlan.MaxOwnQuestions} eigen vragen in een sessie. Haal eerst een vraag weg.";
    public const string OwnQuestionTitleRequired = "Geef de eigen vraag een korte titel.";
    public static readonly string OwnQuestionTitleTooLong = $"De titel mag hoogstens {Workshops.WorkshopPlan.OwnTitleMaxLength} tekens hebben, op één regel.";
    public const string OwnQuestionRequired = "Schrijf de vraag die u de groep wilt stellen.";
    public const string PlanTimerNotNumber = "Vul bij de tijd een heel aantal minuten in, of laat het vak leeg.";
    public const string ThemeUnknown = "Kies een van de thema's uit de lijst.";
    public const string EditionUnknown = "Kies een van de praatplaten uit de lijst.";

    // Sharing the facilitation (decision 0021).
    public const string FacilitatorRoleUnknown = "Kies wie u uitnodigt: een medebegeleider of een notulist.";
    public const string FacilitatorForWhomRequired = "Schrijf bij 'voor wie' voor wie deze link is, bijvoorbeeld een naam.";
    public static readonly string FacilitatorForWhomTooLong = $"Bij 'voor wie' passen hoogstens {Workshops.FacilitatorLink.ForWhomMaxLength} tekens.";
    public static readonly string TooManyFacilitatorLinks = $"Er kunnen hoogstens {Workshop.MaxActiveFacilitatorLinks} links van medebegeleiders en notulisten tegelijk werken. Trek eerst een link in die niet meer nodig is.";
    public const string FacilitatorLinkNotFound = "Deze link bestaat niet of is al ingetrokken.";
    public const string SharedLinkRevoked = "Deze link is ingetrokken door de begeleider en werkt niet meer. Vraag de begeleider om een nieuwe link als u weer mee moet doen.";
    public const string NotForCoFacilitator = "Dit kan alleen de begeleider die de workshop startte. Als medebegeleider kunt u de workshop niet verwijderen en geen links maken of intrekken.";
    public const string NotForNotulist = "Dit kan alleen de begeleider of een medebegeleider. Als notulist schrijft u notities, ruimt u ze op en zet u de timer aan; de rest doet de begeleider.";

    public const string NotFacilitator = "Deze pagina is alleen voor de begeleider van de workshop. Open de begeleiderslink die u kreeg toen u de workshop startte.";
    public const string FacilitatorKeyWrong = "Deze begeleiderslink klopt niet. Kijk of u de hele link heeft gekopieerd.";
    public const string NotParticipant = "U doet nog niet mee aan deze workshop. Vul eerst de code in die u van de begeleider kreeg.";
    public const string WorkshopNotFound = "Deze workshop bestaat niet (meer).";
    public const string PosterNotFound = "Deze praatplaat kennen we niet. Kies een praatplaat op de startpagina.";
    public const string PageNotFound = "Deze pagina bestaat niet. Misschien is de link niet helemaal goed overgenomen.";
    public const string BadRequest = "Uw verzoek kon niet worden verwerkt. Ga terug en probeer het opnieuw.";
    public const string FormExpired = "Dit formulier kunnen we niet meer aannemen. Misschien stond de pagina lang open. Ga terug, vernieuw de pagina en probeer het opnieuw.";
    public const string ServerError = "Er ging bij ons iets mis. Uw eerdere werk is bewaard. Probeer het over een paar tellen opnieuw.";

    // Model binding messages, so a mistyped value never shows an English framework message.
    public const string ValueInvalid = "De waarde '{0}' is niet geldig.";
    public const string ValueMissing = "Vul dit veld in.";

    public const string FollowUpBeforePrevious = "Een vervolgsessie kan niet eerder zijn dan de sessie waar hij op volgt. Kies een latere datum.";
    public const string ScoreOutOfRange = "Kies een van de vijf antwoorden.";
    public const string StepTakesNoScores = "Bij deze stap kunt u geen score geven.";
    public const string OwnerRequired = "Vul in wie dit oppakt: een functie of een naam.";
    public static readonly string OwnerTooLong = $"Wie het oppakt mag maximaal {TeamAction.OwnerMaxLength} tekens zijn.";
    public const string DueDateFormat = "Vul de datum in als dag-maand-jaar, bijvoorbeeld 31-03-2027.";
    public const string DueDateRequired = "Vul in wanneer het klaar moet zijn.";
    public const string DueDateBeforeWorkshop = "Die datum ligt voor de dag van de workshop. Kies een datum op of na de workshop.";
    public static readonly string DueDateTooFar = $"Die datum ligt meer dan {TeamAction.MaxYearsAhead} jaar na de workshop. Kies een datum die dichterbij ligt.";
    public static readonly string TooManyTeamActions = $"Een workshop kan maximaal {Workshop.MaxTeamActions} teamacties hebben. Haal eerst een actie weg.";
    public const string TeamActionNotFound = "Deze teamactie bestaat niet meer. Misschien is hij net weggehaald.";
    public const string PreviousActionNotFound = "Deze actie van vorige keer kennen we niet.";
    public const string ActionStatusRequired = "Kies wat er met de actie is gebeurd: nog niet begonnen, mee bezig, gedaan of vervallen.";
    public const string DueDateBeforeAction = "Die datum ligt vóór de dag waarop de actie is afgesproken. Kies een latere datum.";
    public const string NotActionFollower = "Alleen de begeleider van deze sessie of een beheerder van de gemeente kan de acties bijhouden.";
    public const string ActionsFollowedUp = "Deze acties lopen door in de vervolgsessie “{0}”. Pas ze daar aan: hier verandert er niets meer.";

    public static string TextTooLong(int length, int max) =>
        $"Deze tekst is {length} tekens lang. Dat is te lang: maximaal {max} tekens.";

    public const string DeleteNotConfirmed = "Vink eerst aan dat u de workshop echt wilt verwijderen.";

    public static string WorkshopDeleted(string gemeente, string title) =>
        $"De workshop “{title}” van {gemeente} is verwijderd, met alle notities en acties.";

    public const string NoteIdTaken = "Deze notitie is al bewaard. Vernieuw de pagina en schrijf uw nieuwe notitie opnieuw.";

    public static string EditConflict(string current, string yours) =>
        $"Iemand anders heeft deze notitie net veranderd. Er staat nu: “{current}”. Uw versie is niet bewaard: “{yours}”. Pas de notitie zo nodig opnieuw aan.";

    public static string TooManyNotesInWorkshop(int max) =>
        $"Deze workshop heeft al {max} notities. Er kunnen geen notities meer bij. Vraag de begeleider om een nieuwe sessie.";

    public static string NotesTooFast(int perMinute) =>
        $"U schrijft erg snel: per minuut kunt u {perMinute} notities toevoegen. Wacht een minuut en probeer het dan opnieuw.";

    public static string NoteTooLong(int length) =>
        $"Uw notitie is {length} tekens lang. Dat is te lang: maximaal {Note.MaxLength} tekens. Maak hem korter of verdeel hem over twee notities.";

    public static string ActionTooLong(int length) =>
        $"Dit punt is {length} tekens lang. Dat is te lang: maximaal {ParticipantAction.MaxLength} tekens.";

    public const string ConcludeBeforeClosing = "Sluit eerst de workshop af. Daarna kunt u het verslag afronden.";

    public static string TooManyKeyPoints(int chosen) =>
        $"U koos {chosen} kernpunten. Kies er hoogstens {PanelConclusion.MaxKeyPoints}.";

    public const string KeyPointMerged = "Deze notitie is samengevoegd met een andere. Kies de samengevoegde notitie als kernpunt. Vernieuw de pagina en kies opnieuw.";
    public const string KeyPointNotOfPanel = "Een kernpunt kiest u uit de notities van dit principe in deze workshop. Vernieuw de pagina en kies opnieuw.";

    public static string ConclusionConflict(string current, string yours) =>
        $"Deze tekst is intussen op een ander apparaat of in een ander tabblad veranderd. Er staat nu: “{current}”. Uw versie is niet bewaard: “{yours}”. Vernieuw de pagina en pas de tekst zo nodig opnieuw aan.";

    public const string PublishBeforeClosing = "Sluit eerst de workshop af. Alleen een afgesloten workshop kunt u openbaar maken.";
    public const string AlreadyPublished = "Er is al een openbare link. Trek die eerst in als u een nieuwe wilt maken.";
    public const string PublicationEndsInPast = "Die datum is al voorbij. Kies vandaag of een latere datum, of laat het veld leeg.";
    public static readonly string PublicationEndsTooFar = $"Een openbare link werkt hoogstens {Publication.MaxYearsAhead} jaar. Kies een eerdere datum, of laat het veld leeg.";
    public const string PublicationEndFormat = "Vul de datum in als dag-maand-jaar, bijvoorbeeld 31-03-2027, of laat het veld leeg.";
    public const string NothingToRevoke = "Er is geen openbare link om in te trekken.";

    /// <summary>For a revoked, expired or unknown public link alike: the answer must not tell a guesser which links exist.</summary>
    public const string PublicationGone = "Dit verslag is niet meer beschikbaar. De gemeente heeft de link ingetrokken, of de link is verlopen of niet helemaal goed overgenomen.";

    // The prioritising round (stippen) and merging duplicates.
    public const string RoundExists = "Er is al een stemronde. Begin opnieuw als u een nieuwe ronde wilt.";
    public const string RoundNotOpen = "Er is geen stemronde. De begeleider opent die eerst.";
    public const string RoundClosed = "De stemronde is gesloten. U kunt geen stippen meer zetten of terugnemen.";
    public const string RoundScopeUnknown = "Kies een van de principes, of alle principes.";
    public static readonly string DotsPerParticipant = $"Kies {PriorityRound.MinDots} tot {PriorityRound.MaxDots} stippen per deelnemer.";
    public static string NoDotsLeft(int dots) => $"U heeft al uw {dots} stippen gezet. Neem eerst een stip terug als u hem ergens anders wilt zetten.";
    public const string OneDotPerNote = "U heeft al een stip op deze notitie. In deze ronde mag er maar één stip per persoon op een notitie.";
    public const string NoDotToTakeBack = "U heeft geen stip op deze notitie.";
    public const string NoteNotInRound = "Deze notitie doet niet mee in de stemronde.";
    public static readonly string PaperDotsRange = $"Vul een aantal stippen in van 0 tot {Note.MaxPaperDots}.";
    public const string MergeTooFew = "Kies minstens twee notities om samen te voegen.";
    public const string MergeAcrossSteps = "U kunt alleen notities samenvoegen die bij hetzelfde principe en dezelfde vraag horen.";
    public const string MergeTwice = "Een van deze notities is al samengevoegd. Maak dat eerst ongedaan.";
    public const string MergedNoteNotDeleted = "Deze notitie is samengevoegd uit andere. Maak het samenvoegen ongedaan op de pagina Prioriteren met stippen; dan komen de oude notities terug.";
    public const string RoundChangedMeanwhile = "Iemand anders heeft de stemronde net veranderd, bijvoorbeeld in een ander tabblad. Hieronder ziet u hoe die er nu voor staat.";
    public const string NotesChangedMeanwhile = "Iemand heeft een van deze notities net veranderd. Hieronder ziet u hoe ze er nu voor staan. Probeer het zo nodig opnieuw.";
    public const string NotAMerge = "Deze notitie is niet samengevoegd.";
    public const string MergeOriginalsGone = "De notities die hier zijn samengevoegd, zijn intussen verwijderd. Samenvoegen ongedaan maken kan daarom niet; de stippen blijven op deze notitie staan.";
}
