using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace HandhavingsKoers.Web;

/// <summary>
/// Every sentence the pages say, in plain Dutch (B1), in one place so they can be reviewed together and translated
/// later. Rule and refusal messages are in <see cref="Messages"/> beside this file; the praatplaat's own questions
/// come from the seeds, word for word. A test (<c>InterfaceTextTests</c>) keeps Dutch literals out of the pages.
///
/// Texts with <c>{0}</c> are filled in with <see cref="Format"/> (plain text) or <see cref="Html"/> (when the
/// sentence itself holds markup such as <c>&lt;strong&gt;</c>; the values put into it are always encoded).
/// </summary>
public static partial class Texts
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Format(string text, params object?[] values) => string.Format(Dutch, text, values);

    /// <summary>A sentence with markup of our own (trusted) and values from users (encoded).</summary>
    public static IHtmlContent Html(string text, params object?[] values) =>
        new HtmlString(string.Format(Dutch, text, values.Select(v => (object)HtmlEncoder.Default.Encode(Convert.ToString(v, Dutch) ?? "")).ToArray()));

    /// <summary>"1 score", "3 scores": Dutch plurals are not regular, so both forms are written out.</summary>
    public static string Count(int count, string one, string many) => Format(count == 1 ? one : many, count);

    public const string SomeOfOneParticipant = "{0} van de {1} deelnemer";
    public const string SomeOfParticipants = "{0} van de {1} deelnemers";

    /// <summary>
    /// "1 van de 3 deelnemers heeft …", "2 van de 3 deelnemers hebben …", "0 van de 1 deelnemer heeft …": the noun
    /// follows the second number, the verb the first (singular for 1, and for none of one). <paramref name="one"/> and
    /// <paramref name="many"/> say the rest of the sentence with {0} for who; further values fill {1} and on.
    /// </summary>
    public static string SomeOf(int some, int all, string one, string many, params object?[] values)
    {
        var who = Format(all == 1 ? SomeOfOneParticipant : SomeOfParticipants, some, all);
        return Format(some == 1 || (some == 0 && all == 1) ? one : many, [who, .. values]);
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);

    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", Dutch);

    /// <summary>The Netherlands' time zone: the server may run in UTC, the room reads Dutch time.</summary>
    public static readonly TimeZoneInfo DutchTime = FindDutchTime();

    /// <summary>
    /// The calendar day in the Netherlands at a moment stored in UTC: after 23:00 UTC in winter (22:00 in summer) it is
    /// already the next day there. The one rule for "which day was that" (a link's last day, an action's first day,
    /// today's date on a form); the server's own time zone is never asked, it is often UTC.
    /// </summary>
    public static DateOnly DutchDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), DutchTime));

    /// <summary>"1 december 2026": the Dutch date of a moment stored in UTC.</summary>
    public static string Date(DateTime utc) => Date(DutchDate(utc));

    /// <summary>"14:05" in Dutch time, for a moment stored in UTC.</summary>
    public static string Time(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), DutchTime).ToString("HH:mm", Dutch);

    private static TimeZoneInfo FindDutchTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    public static class Site
    {
        public const string Name = "HandhavingsKoers";
        public const string Tagline = "Werken aan uw eigen handhavingskoers";
        public const string SkipLink = "Naar de inhoud";
        public const string Attribution = "De vragen komen uit de praatplaten van de VNG over de handhavingskoers. De uitleg is van HandhavingsKoers.";
        public const string AccessibilityLink = "Toegankelijkheid";
        public const string OpensInNewWindow = " (opent in een nieuw venster)";
        public const string ErrorPrefix = "Fout: ";
        public const string ErrorSummaryHeading = "Er ging iets mis";
        public const string Save = "Bewaren";
        public const string Back = "← Terug naar de workshop";
    }

    public static class Home
    {
        public const string Title = "Startpagina";
        public const string Heading = "Samen werken aan de handhavingskoers";
        public const string Lead = "Bespreek met uw team de zes uitgangspunten van de handhavingskoers. Iedereen schrijft mee vanaf de eigen laptop of telefoon. De begeleider laat alles zien op het grote scherm. Aan het eind heeft u een ingevulde praatplaat voor uw gemeente.";
        public const string JoinHeading = "Meedoen";
        public const string JoinText = "Heeft u een code gekregen van de begeleider? Vul die hier in.";
        public const string CodeLabel = "Code";
        public const string Continue = "Verder";
        public const string StartHeading = "Een workshop starten";
        public const string StartText = "U bent de begeleider. U start de workshop en krijgt een code voor de deelnemers.";
        public const string StartButton = "Workshop starten";
        public const string PaperHeading = "Liever op papier?";
        public const string PaperText = "Download de lege praatplaat. Druk hem af op A3 en vul hem samen in.";
        public const string BlankPoster = "{0}, leeg (PDF, A3 liggend)";
        public const string HowHeading = "Hoe werkt het?";
        public const string How1 = "De begeleider start een workshop en deelt de code.";
        public const string How2 = "U bespreekt de zes uitgangspunten: {0}.";
        public const string How3 = "Bij elk uitgangspunt schrijft u op: <q>Wat doet mijn gemeente al?</q> en <q>Wat moeten we nog doen?</q>";
        public const string How4 = "Daarna volgt de vraag over de visie van uw gemeente.";
        public const string How5 = "U sluit af met drie dingen die u morgen zelf in gang kunt zetten.";
        public const string How6 = "Alles wordt bewaard. U kunt de uitkomst downloaden en delen.";
    }

    public static class Error
    {
        public const string ToHome = "Naar de startpagina";
        public const string ToJoin = "Meedoen met een code";
        public const string ToRoomsStep = "Terug naar de stap van de zaal";
    }

    public static class Join
    {
        public const string Title = "Meedoen";
        public const string Heading = "Meedoen met een workshop";
        public const string LeadWithCode = "Kijk of de code klopt. U kunt ook uw naam invullen.";
        public const string Lead = "Vul de code in die de begeleider laat zien.";
        public const string LeadAlreadyIn = "U doet al mee met deze workshop. Druk op Meedoen om verder te gaan. Wilt u een andere naam? Verander die dan eerst.";
        public const string CodeLabel = "Code";
        public const string CodeHint = "6 tot 8 letters en cijfers, bijvoorbeeld KDR 4P7";
        public const string NameLabel = "Uw naam (niet verplicht)";
        public const string NameHint = "Anderen zien deze naam bij uw notities. Laat het leeg als u liever anoniem meedoet.";
        public const string Submit = "Meedoen";
    }

    public static class Start
    {
        public const string Title = "Workshop starten";
        public const string Lead = "Vul in voor welke gemeente de workshop is. Daarna krijgt u een code voor de deelnemers en een geheime link voor uzelf.";
        public const string GemeenteLabel = "Gemeente";
        public const string GemeenteHint = "Bijvoorbeeld: Gemeente Utrecht";
        public const string TitleLabel = "Titel van de workshop";
        public const string TitleHint = "Bijvoorbeeld: Teamsessie handhaving Werk en Inkomen";
        public const string DateLabel = "Datum";
        public const string EditionLegend = "Praatplaat";
        public const string Submit = "Workshop starten";
    }

    public static class FollowUp
    {
        public const string Title = "Vervolgsessie starten";
        public const string DefaultTitle = "Vervolg: {0}";
        public const string BackTo = "← Terug naar “{0}”";
        public const string Lead = "Een vervolgsessie laat zien hoe ver uw gemeente nu is. Ze begint met de teamacties van vorige keer: hoe staat het ermee? Bij elk onderwerp staat de score van vorige keer naast de nieuwe.";
        public const string Gemeente = "Gemeente";
        public const string FollowsOn = "Vervolg op";
        public const string PreviousTeamActions = "Teamacties van vorige keer";
        public const string NoTeamActions = "geen (u kunt ze nog toevoegen bij “Drie zaken voor morgen” van die sessie)";
        public const string TitleLabel = "Titel van de vervolgsessie";
        public const string TitleHint = "Bijvoorbeeld: Vervolgsessie handhaving, voorjaar";
        public const string OtherEditionHint = "Kiest u een andere praatplaat dan vorige keer? Dan vergelijken we de onderwerpen die in allebei staan.";
    }

    /// <summary>What the participant's and the facilitator's step pages share.</summary>
    public static class Step
    {
        public const string Counter = "Stap {0} van {1}";
        public const string TimerUntil = "De timer loopt tot {0}.";
        public const string StepsLabel = "Stappen van de workshop";
        public const string Now = "nu";
        public const string ReadMore = "Lees meer over {0}";
        public const string SilentForFacilitatorOne = "Stil schrijven: de zaal ziet de notities van anderen nog niet ({0} notitie).";
        public const string SilentForFacilitatorMany = "Stil schrijven: de zaal ziet de notities van anderen nog niet ({0} notities).";
        public const string SilentForParticipant = "Stil schrijven: u ziet alleen uw eigen notities. De begeleider laat straks alles zien.";
        public const string SilentOthersOne = " Er is al {0} andere notitie.";
        public const string SilentOthersMany = " Er zijn al {0} andere notities.";
        public const string LockedForFacilitator = "Deze stap is gesloten voor de zaal. U kunt nog wel notities aanpassen.";
    }

    public static class Notes
    {
        public const string FacilitatorLabel = "Notitie voor de groep";
        public const string ParticipantLabel = "Uw notitie";
        public const string Hint = "Maximaal 1000 tekens.";
        public const string Add = "Toevoegen";
        public const string AddTo = " bij: {0}";
        public const string ShowingNewest = "U ziet de nieuwste {0} van {1} notities.";
        public const string ShowAll = "Toon alle notities";
        public const string OnlyYours = "U ziet alleen uw eigen notities tot de begeleider alles laat zien.";
        public const string None = "Nog geen notities.";
        public const string EditLabel = "Notitie bewerken";
        public const string SaveEdit = "Opslaan";
        public const string Cancel = "Annuleren";
        public const string By = "Door {0}";
        public const string ByYou = "u";
        public const string Edited = " · bewerkt";
        public const string Edit = "Bewerken";
        public const string Delete = "Verwijderen";
        public const string RoomAuthor = "Begeleider, voor de groep";
        public const string Anonymous = "Anoniem";
    }

    public static class Scores
    {
        /// <summary>A median between two points: "tussen 2 en 3".</summary>
        public const string Between = "tussen {0} en {1}";

        public const string Heading = "Waar staan we?";
        public const string Explanation = "Hoe ver is uw gemeente met {0}? Kies wat het beste past. Uw score is anoniem: niemand ziet wat u koos, ook de begeleider niet.";
        public const string MyScore = "Mijn score";
        public const string Save = "Score bewaren";
        public const string Remove = "Mijn score weghalen";
        public const string Yours = "Uw score: <strong>{0} – {1}</strong>";
        public const string RoomCaption = "Scores van de zaal";
        public const string RoomCaptionOnlyYou = "Scores van de zaal (alleen u ziet dit nu)";
        public const string StageCaption = "Waar staan we? Scores van de zaal";
        /// <summary>With <see cref="SomeOf"/>: "1 van de 3 deelnemers heeft …".</summary>
        public const string GivenOne = "{0} heeft een score gegeven. De begeleider laat de uitkomst straks aan iedereen zien.";
        public const string GivenMany = "{0} hebben een score gegeven. De begeleider laat de uitkomst straks aan iedereen zien.";
        public const string Answer = "Antwoord";
        public const string Number = "Aantal";
        public const string Bar = "Balk";
        public const string Median = "Mediaan: {0} ({1})";
        public const string One = "{0} score";
        public const string Many = "{0} scores";
        public const string NoneYet = "Nog geen scores.";
        public const string Previous = "Vorige keer ({0}{1}): {2}.";
        public const string PreviousTopic = ", bij “{0}”";
        public const string PreviousMedian = "mediaan {0}, {1}";
        public const string PreviousNone = "geen scores";
        public const string Saved = "Uw score is bewaard. Niemand ziet wat u koos.";
        public const string Removed = "Uw score is weggehaald.";
    }

    public static class TeamActions
    {
        public const string Heading = "Teamacties";
        public const string ForFacilitator = "Maak van wat de deelnemers opschreven afspraken voor het team: wat, wie en wanneer. Teamacties komen in het verslag. Een vervolgsessie begint ermee.";
        public const string ForParticipant = "Dit spreekt het team af: wat, wie en wanneer. Een vervolgsessie begint ermee.";
        public const string None = "Nog geen teamacties.";
        public const string WhoAndWhen = "Wie: {0} · Klaar op: {1}";
        public const string Remove = "Weghalen";
        public const string AddHeading = "Teamactie toevoegen";
        public const string TextLabel = "Wat gaat het team doen?";
        public const string OwnerLabel = "Wie pakt het op?";
        public const string OwnerHint = "Een functie of een naam, bijvoorbeeld: teamleider handhaving";
        public const string DueLabel = "Klaar op";
        public const string DueHint = "Bijvoorbeeld 31-03-2027";
        public const string Add = "Teamactie toevoegen";
        public const string Added = "De teamactie is toegevoegd.";
        public const string Removed = "De teamactie is weggehaald.";
    }

    public static class PreviousActions
    {
        public const string OpenSinceMonths = "sinds {0} maanden open";
        public const string OpenSinceMonth = "sinds 1 maand open";
        public const string OpenSinceThisMonth = "sinds minder dan een maand open";
        public const string CarriedOver = "Meegenomen uit een eerdere sessie, afgesproken op {0}.";
        public const string HistoryHeading = "Geschiedenis";
        public const string HistoryRow = "{0}: {1}";
        public const string Heading = "Wat is er gebeurd met de acties van vorige keer?";
        public const string FollowsOn = "Deze sessie is een vervolg op “{0}” van {1}.";
        public const string FollowsOnDeleted = "Deze sessie is een vervolg op een eerdere sessie. Die is inmiddels verwijderd; de acties zijn bewaard.";
        public const string None = "Vorige keer zijn geen teamacties vastgelegd.";
    }

    public static class Participant
    {
        public const string Closed = "De workshop is afgesloten. U kunt alles nog lezen, maar niets meer veranderen.";
        public const string GroupIsAt = "De groep is nu bij <strong>{0}</strong>. <a href=\"{1}\">Ga naar die stap</a>";
        public const string YouTakePart = "U doet mee als <strong>{0}</strong>. De begeleider bepaalt welke vraag aan de beurt is. Eerdere vragen kunt u altijd terugkijken.";

        /// <summary>With the page's script: the screen follows the room by itself.</summary>
        public const string FollowsByItself = "Uw scherm gaat vanzelf mee naar de vraag die aan de beurt is.";

        /// <summary>Without it (switched off, or an old phone): the participant fetches the room's step themselves.</summary>
        public const string FollowYourself = "Uw scherm gaat niet vanzelf mee met de groep. Is de begeleider verder? <a href=\"{0}\">Ga naar de vraag van nu</a>";
        public const string AnonymousName = "anoniem";
        public const string NameLabel = "Uw naam (niet verplicht)";
        public const string SaveName = "Naam bewaren";
        public const string MyActions = "Mijn drie zaken voor morgen";
        public const string NoActions = "U heeft niets opgeschreven.";
        public const string ActionsHint = "Wat u hier schrijft, komt in de samenvatting van de workshop. Lege vakken slaan we over.";
        public const string ActionLabel = "Zaak {0}";
        public const string ActionsSaved = "Uw drie zaken zijn bewaard.";
        public const string Thanks = "Bedankt voor het meedoen! Alles wat de groep heeft opgeschreven, is bewaard.";
        public const string SeeResult = "Bekijk de ingevulde praatplaat";
        public const string PagerLabel = "Vorige en volgende stap";
        public const string PreviousStep = "Vorige stap: {0}";
        public const string NextStep = "Volgende stap: {0}";
        public const string AllSteps = "Alle stappen";
    }

    public static class Facilitator
    {
        public const string Title = "Begeleider: {0}";
        public const string Context = "Begeleider · {0} · {1} · {2}";
        public const string LinkHeading = "Bewaar uw geheime begeleiderslink";
        public const string LinkText = "Met deze link komt u later terug als begeleider, ook op een andere computer. Deel hem niet met deelnemers. We laten hem maar één keer zien.";
        public const string LinkLabel = "Begeleiderslink";
        public const string CopyLink = "Kopieer de link";
        public const string LinkCopied = "De link is gekopieerd. Zet hem nu op een veilige plek, bijvoorbeeld in uw agenda bij deze sessie.";
        public const string RoomHeading = "De zaal";
        public const string CodeToJoin = "Code om mee te doen:";
        public const string OrLink = "Of via de link:";
        public const string ParticipantsOne = "<strong>{0}</strong> deelnemer doet mee.";
        public const string ParticipantsMany = "<strong>{0}</strong> deelnemers doen mee.";
        public const string RoomIsAt = "De zaal is bij: <strong>{0}</strong>";
        public const string OpenPresenter = "Presentatiescherm openen";
        public const string Closed = "De workshop is afgesloten. Niemand kan nog iets veranderen.";
        public const string PreviousStep = "← Vorige stap";
        public const string NextStep = "Volgende stap: {0} →";
        public const string RoomIsHere = " · hier is de zaal nu";
        public const string ViewingOtherStep = "U bekijkt een andere stap dan de zaal.";
        public const string MoveRoomHere = "Zet de zaal op deze stap";
        public const string Welcome = "Laat de code of de link zien. Deelnemers hebben geen account nodig. Als iedereen binnen is, gaat u naar de volgende stap.";
        public const string ControlsHeading = "Knoppen voor deze stap";
        public const string RevealNotes = "Notities aan iedereen laten zien";
        public const string HideNotes = "Stil schrijven: notities verbergen";
        public const string RevealScores = "Scores aan de zaal laten zien";
        public const string HideScores = "Scores weer verbergen";
        public const string Unlock = "Stap weer openen";
        public const string Lock = "Stap sluiten";
        public const string TimerLabel = "Timer (minuten)";
        public const string StartTimer = "Start timer";
        public const string TimerRunsUntil = "Timer loopt tot {0}";
        public const string StopTimer = "Stop timer";
        public const string WhatTheyWrote = "Wat de deelnemers opschreven";
        public const string NobodyWrote = "Nog niemand heeft iets opgeschreven.";
        public const string MakeTeamAction = "Maak er een teamactie van";
        public const string ClosingLead = "Rond de workshop af. Als u de workshop afsluit, kan niemand meer iets veranderen. U kunt hem daarna weer openen.";
        public const string WorkshopHeading = "Workshop";
        public const string SeeResult = "Bekijk de ingevulde praatplaat";
        public const string ReportPdf = "Verslag voor raad en college (PDF, zonder namen)";
        public const string ReportPdfWithNames = "Verslag met namen van deelnemers (PDF)";
        public const string StartFollowUp = "Vervolgsessie starten";
        public const string StartFollowUpLater = "(later, om te zien hoe ver u bent)";
        public const string Reopen = "Workshop weer openen";
        public const string Close = "Workshop afsluiten";
        public const string DeleteSummary = "Workshop verwijderen";
        public const string DeleteText = "Verwijderen kan niet ongedaan worden gemaakt. Download eerst het verslag als u het wilt bewaren.";
        public const string DeletedAfterOne = " Afgesloten workshops worden na {0} maand vanzelf verwijderd.";
        public const string DeletedAfterMany = " Afgesloten workshops worden na {0} maanden vanzelf verwijderd.";
        public const string DeleteConfirm = "Ik begrijp dat de workshop met alle notities en acties voorgoed wordt verwijderd.";
        public const string DeleteNow = "Workshop nu verwijderen";
        public const string ParticipantNumber = "Deelnemer {0}";
    }

    public static class Presenter
    {
        public const string Title = "Presentatie: {0}";
        public const string Previous = "← Vorige";
        public const string Next = "Volgende →";
        public const string ShowNotes = "Laat notities zien";
        public const string HideNotes = "Verberg notities";
        public const string ShowScores = "Laat scores zien";
        public const string HideScores = "Verberg scores";
        public const string Timer = "Timer 5 minuten";
        public const string StopTimer = "Stop timer";
        public const string Keys = "Toetsen: <kbd>→</kbd> volgende stap · <kbd>←</kbd> vorige stap · <kbd>V</kbd> notities verbergen of laten zien · <kbd>S</kbd> scores laten zien of verbergen · <kbd>T</kbd> timer van 5 minuten aan of uit · <kbd>F</kbd> volledig scherm";
        public const string Counter = "Stap {0} van {1} · {2}";
        public const string JoinCorner = "Meedoen: <strong>{0}</strong><br><span class=\"muted\">{1}</span>";
        public const string ParticipantsOne = "{0} deelnemer";
        public const string ParticipantsMany = "{0} deelnemers";
        public const string TimerRuns = "Timer loopt";
        public const string QrLabel = "QR-code om mee te doen: {0}";
        public const string GoTo = "Ga naar <strong>{0}</strong>";
        public const string OrCode = "of vul deze code in op de startpagina:";
        public const string ScanQr = "Scan de QR-code met de camera van uw telefoon.";
        public const string SilentOne = "Stil schrijven. Er is al {0} notitie. Die komt straks in beeld.";
        public const string SilentMany = "Stil schrijven. Er zijn al {0} notities. Ze komen straks samen in beeld.";
        public const string Newest = "De nieuwste {0} van {1} notities, de nieuwste bovenaan.";
        public const string ScoresGiven = "Waar staan we? {0} gegeven. De uitkomst komt straks in beeld.";
        /// <summary>With <see cref="SomeOf"/>: "1 van de 3 deelnemers heeft …".</summary>
        public const string ActionsWrittenOne = "{0} heeft drie zaken opgeschreven.";
        public const string ActionsWrittenMany = "{0} hebben hun drie zaken opgeschreven.";
        public const string Thanks = "Bedankt voor het meedoen!";
        public const string Saved = "Alles is bewaard. De begeleider deelt het verslag.";
    }

    public static class Summary
    {
        public const string Title = "Praatplaat {0}";
        public const string Gemeente = "Gemeente";
        public const string Date = "Datum";
        public const string Edition = "Praatplaat";
        public const string Participants = "Deelnemers";
        public const string Status = "Status";
        public const string Closed = "Afgesloten";
        public const string Open = "Nog bezig";
        public const string DownloadHeading = "Downloaden";
        public const string DownloadText = "Neem de uitkomst mee naar uw eigen documenten of systemen. Namen van deelnemers staan er alleen in als de begeleider daarvoor kiest.";
        public const string ReportPdf = "Verslag voor raad en college (PDF)";
        public const string ReportPdfWithNames = "Verslag met namen van deelnemers (PDF)";
        public const string ReportWord = "Verslag voor raad en college (Word)";
        public const string ReportWordWithNames = "Verslag met namen van deelnemers (Word)";
        public const string Markdown = "Tekstbestand (Markdown)";
        public const string Csv = "Tabel voor Excel (CSV)";
        public const string Json = "Gegevens (JSON)";
        public const string Contents = "Inhoud";
        public const string NotesOne = "{0} notitie";
        public const string NotesMany = "{0} notities";
        public const string MarkdownWithNames = "Tekstbestand met namen van deelnemers (Markdown)";
        public const string CsvWithNames = "Tabel met namen van deelnemers (CSV)";
        public const string JsonWithNames = "Gegevens met namen van deelnemers (JSON)";
        public const string PreviousCaption = "De teamacties van vorige keer en wat ermee is gebeurd";
        public const string Action = "Actie";
        public const string Who = "Wie";
        public const string Due = "Klaar op";
        public const string WhatHappened = "Wat is ermee gebeurd?";
        public const string ScoresText = "De mediaan van de scores per onderwerp, van 1 ({0}) tot 5 ({1}).";
        public const string DashedIsPrevious = " De stippellijn is de vorige sessie.";
        public const string Sessions = "Sessies: {0}. " + DashMeans;
        public const string DashMeans = "Een streepje betekent: geen scores, of dat onderwerp stond toen niet op de praatplaat.";
        public const string NoNotes = "Geen notities.";
        public const string ScoresLater = "De scores van deze stap laat de begeleider later zien.";
        public const string ActionsHeading = "Drie zaken voor morgen";
        public const string NobodyWrote = "Nog niemand heeft iets opgeschreven.";
        public const string TeamActionsHeading = "Teamacties";
        public const string NoTeamActions = "Er zijn (nog) geen teamacties afgesproken.";
        public const string TeamActionsCaption = "Teamacties: wat, wie en wanneer";
    }

    public static class Radar
    {
        public const string CaptionSessions = "Mediaan per onderwerp, per sessie";
        public const string Caption = "Mediaan per onderwerp";
        public const string Topic = "Onderwerp";
        public const string Now = "Nu";
    }

    /// <summary>The accessibility statement (<c>/toegankelijkheid</c>).</summary>
    /// <summary>"Zo begeleidt u de sessie": the facilitator's guide, linked from the facilitator's page.</summary>
    public static class Guide
    {
        public const string Title = "Zo begeleidt u de sessie";
        public const string Lead = "Een korte handleiding voor de begeleider. U leest hier hoe u een sessie voorbereidt, hoe u de zaal door de vragen leidt en hoe u afsluit.";
        public const string LinkFromFacilitator = "Handleiding: zo begeleidt u de sessie";
        public const string KeysCaption = "Toetsen op het presentatiescherm";
        public const string Key = "Toets";
        public const string What = "Wat het doet";

        public sealed record Image(string File, int Width, int Height, string Alt, string Caption);

        public sealed record Part(string Id, string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<(string Key, string What)> Keys, Image? Image);

        public static readonly IReadOnlyList<Part> Parts =
        [
            new("voorbereiden", "Voorbereiden",
            [
                "Start de workshop op de pagina Workshop starten. Vul de gemeente, een titel en de datum in en kies een praatplaat.",
                "U krijgt dan een geheime begeleiderslink. Bewaar die link goed, bijvoorbeeld in uw agenda bij de sessie. Alleen met die link komt u later terug als begeleider. Deel hem niet met de deelnemers.",
                "Zorg voor een laptop met een projector of groot scherm. Test vooraf of de wifi in de zaal werkt.",
            ], [], null),
            new("starten", "De zaal laten meedoen",
            [
                "Open op uw pagina Presentatiescherm openen. Zet dat venster op de projector en maak het schermvullend met de toets F.",
                "Op het eerste scherm staan de code en een QR-code. Deelnemers gaan naar de link of scannen de code met hun telefoon. Een naam invullen hoeft niet.",
                "Bovenaan ziet u hoeveel mensen meedoen.",
            ], [], new Image("presentatiescherm.png", 1920, 1080, "Het presentatiescherm bij de vraag over vertrouwen: links en in het midden de nieuwste notities van de zaal, rechts hoe de zaal scoorde.", "Het presentatiescherm: de vraag bovenaan, de nieuwste notities eerst.")),
            new("toetsen", "De toetsen op het presentatiescherm",
            [
                "U bedient de sessie met het toetsenbord van de laptop. De knoppen op het scherm verdwijnen na een paar seconden. Beweeg de muis en ze komen terug.",
            ],
            [
                ("→", "Naar de volgende stap. Ook met Page Down."),
                ("←", "Naar de vorige stap. Ook met Page Up."),
                ("V", "Notities verbergen of laten zien."),
                ("S", "De scores laten zien of weer verbergen."),
                ("T", "Een timer van 5 minuten aan of uit."),
                ("F", "Volledig scherm aan of uit."),
            ], null),
            new("stil-schrijven", "Stil schrijven",
            [
                "Wilt u dat mensen eerst zelf nadenken? Verberg dan de notities (toets V of de knop op uw pagina). Iedereen ziet dan alleen zijn eigen notities. Het scherm laat alleen zien hoeveel notities er zijn.",
                "Laat de notities zien als iedereen klaar is. Dan bespreekt u ze samen.",
                "Ook de scores bij Waar staan we? blijven verborgen tot u ze laat zien. Zo kiest iedereen eerst zelf.",
            ], [], new Image("telefoon.png", 360, 2551, "Een telefoon bij de vraag over vertrouwen: de vraag, de notities van de zaal, een veld voor een eigen notitie en de keuze bij Waar staan we?.", "Zo ziet een deelnemer de vraag op de telefoon.")),
            new("timer", "De timer en een stap sluiten",
            [
                "Op uw pagina zet u bij een vraag een timer voor 1 tot 60 minuten. Iedereen ziet hoeveel tijd er nog is, ook op de telefoon.",
                "Met Stap sluiten kunnen deelnemers bij die vraag niets meer toevoegen. U kunt zelf nog wel schrijven en opruimen.",
            ], [], new Image("begeleider.png", 1280, 2016, "De pagina van de begeleider bij de vraag over vertrouwen, met de knoppen voor verbergen, scores, sluiten en de timer.", "Uw pagina: de knoppen staan boven de notities.")),
            new("stippen", "Kiezen wat het belangrijkst is",
            [
                "Zijn er veel notities bij Wat moeten we nog doen? Laat de zaal dan kiezen met stippen. Open op uw pagina Prioriteren met stippen. Kies één principe of alle principes, en hoeveel stippen iedereen krijgt (meestal 3).",
                "Zeggen twee notities hetzelfde? Voeg ze eerst samen, eventueel met een nieuwe tekst. De oude notities blijven eronder staan. Samenvoegen kunt u ongedaan maken.",
                "Deelnemers zetten hun stippen op de telefoon met de knop Stip geven. Niemand ziet wie welke stip zette. Alleen u ziet hoeveel stippen er zijn, tot u ze aan de zaal laat zien. Dan toont het scherm de volgorde.",
                "Werkt een tafel op de papieren praatplaat? Tel hun stippen en vul het aantal in bij Stippen op papier. Van de notities met de meeste stippen maakt u met één klik een teamactie.",
            ], [], null),
            new("afsluiten", "Afsluiten",
            [
                "Bij Drie zaken voor morgen schrijft iedereen op wat hij morgen kan doen. U maakt van de beste ideeën teamacties: wat, wie en wanneer.",
                "Sluit daarna de workshop af. Dan kan niemand meer iets veranderen. U kunt hem later weer openen.",
                "In de samenvatting staat alles. Daar haalt u het verslag voor raad en college (PDF) op. Namen van deelnemers staan er alleen in als u daarvoor kiest.",
            ], [], null),
            new("vervolg", "Een vervolgsessie",
            [
                "Na een paar maanden kunt u een vervolgsessie starten vanaf uw pagina. Die begint met de teamacties van vorige keer: wat is ermee gebeurd?",
                "Bij elke vraag ziet de zaal de score van vorige keer naast de nieuwe. Zo ziet u samen of uw gemeente vooruitgaat.",
            ], [], null),
        ];
    }

    public static class Accessibility
    {
        public const string Title = "Toegankelijkheid";
        public const string Lead = "HandhavingsKoers moet voor iedereen bruikbaar zijn: met een muis, met alleen een toetsenbord, met een schermlezer, op een telefoon en op een groot scherm. We volgen de richtlijnen WCAG 2.1, niveau AA.";
        public const string TestedHeading = "Wat we hebben getest";
        public static readonly IReadOnlyList<string> Tested =
        [
            "Elke pagina controleren we automatisch met axe-core in de browser Chromium: op telefoonbreedte en op laptopbreedte, leeg en ingevuld, en met foutmeldingen in beeld. Bij de laatste controle vond axe-core geen fouten.",
            "Een automatische test doorloopt een workshop met alleen het toetsenbord: starten, meedoen met de code, een notitie schrijven, naar de volgende stap gaan en afsluiten. De plek waar u bent (de focus) is steeds goed te zien.",
            "Alles werkt ook zonder JavaScript, met gewone formulieren. Met JavaScript komen nieuwe notities vanzelf in beeld.",
            "Nieuwe notities worden gemeld aan schermlezers, zonder dat de cursor verspringt.",
            "Foutmeldingen staan bovenaan de pagina en bij het veld waar het om gaat.",
            "Het verslag voor raad en college (PDF) heeft een taal, een titel, koppen, lijsten en een beschrijving bij elke QR-code en bij het diagram.",
            "Geen enkele pagina hoeft opzij te scrollen op een scherm van 360 pixels breed, of bij 200% vergroten op een laptop. Een automatische test controleert dat.",
            "Het diagram \"Waar staan we?\" heeft een tabel met dezelfde cijfers ernaast. De scores zijn ook zonder kleur te lezen: de vorige sessie is een stippellijn.",
            "De pagina's gebruiken de onderdelen en de huisstijl van het NL Design System, de ontwerpen die Nederlandse overheden samen maken.",
            "Alle teksten van de schermen staan op één plek in de broncode. Zo kunnen we ze samen nalezen op eenvoudig Nederlands (B1).",
        ];
        public const string NotTestedHeading = "Wat we nog niet hebben getest";
        public static readonly IReadOnlyList<string> NotTested =
        [
            "Het gebruik met schermlezers zoals NVDA en VoiceOver, door mensen die ze dagelijks gebruiken.",
            "Een eigen huisstijl van uw gemeente. Controleer de kleuren daarvan opnieuw als u die instelt.",
        ];
        public const string FoundHeading = "Iets gevonden?";
        public const string Found = "Werkt iets niet goed voor u? Meld het bij de beheerder van deze installatie, meestal de ICT-afdeling van uw gemeente. Zeg op welke pagina het was en wat er gebeurde.";
        public const string Updated = "Deze verklaring is bijgewerkt op 22 november 2026.";
    }

    /// <summary>The page to prepare a concept session ahead (decision 0020) and its invitation.</summary>
    public static class Prepare
    {
        public const string Link = "Sessie voorbereiden: principes kiezen, eigen vragen, inleiding en uitnodiging";
        public const string LinkShort = "Voorbereiden";
        public const string Title = "Sessie voorbereiden: {0}";
        public const string Context = "{0} · {1}";
        public const string ConceptHeading = "Deze sessie is nog een concept";
        public const string ConceptText = "Deelnemers kunnen nog niet meedoen. De code {0} werkt pas als u de sessie opent. Open de sessie pas als alles klaar is: daarna kunt u de vragen niet meer veranderen.";
        public const string ConceptTextBeheerder = "Deelnemers kunnen nog niet meedoen. De code {0} werkt pas als de begeleider de sessie opent. Dat doet de begeleider met de begeleiderslink, als alles klaar is. U kunt als beheerder de sessie niet openen. Na het openen kunt u de vragen niet meer veranderen.";
        public const string Open = "Sessie openen voor deelnemers";
        public const string Opened = "De sessie is geopend. Deelnemers kunnen nu meedoen met de code.";
        public const string OpenHeading = "Deze sessie is geopend";
        public const string OpenText = "Deelnemers kunnen meedoen met de code {0}. Wat er besproken wordt, ligt nu vast.";
        public const string ToFacilitator = "Naar de pagina van de begeleider";
        public const string ToGemeente = "Terug naar de pagina van de gemeente";

        public const string WalkHeading = "Wat bespreken we?";
        public const string WalkIntro = "Dit is de volgorde van de sessie. Kies welke principes meedoen en zet ze in de volgorde die u wilt. De sessie begint altijd met het welkom en eindigt met de visie, de drie zaken voor morgen en de afronding.";
        public const string Up = "omhoog";
        public const string Down = "omlaag";
        public const string Skip = "overslaan";
        public const string RemoveQuestion = "weghalen";
        public const string Include = "weer meenemen";
        public const string ItemLabel = "{0} ({1})";
        public const string VisieLast = "{0}: komt altijd na de vragen hierboven.";
        public const string SkippedHeading = "Overgeslagen principes";
        public const string NoneSkipped = "Alle principes van de praatplaat doen mee.";

        public const string OwnHeading = "Eigen vraag toevoegen";
        public const string OwnIntro = "U kunt tot drie eigen vragen van de gemeente toevoegen. Ze krijgen een eigen stap, met dezelfde twee vragen eronder. Overal staat bij dat het een eigen vraag van de gemeente is, niet een vraag van de praatplaat. Eigen vragen tellen niet mee in de vergelijking met eerdere sessies.";
        public const string OwnTitleLabel = "Korte titel";
        public const string OwnTitleHint = "Bijvoorbeeld: Samenwerking met de politie";
        public const string OwnQuestionLabel = "De vraag";
        public const string OwnAdd = "Eigen vraag toevoegen";
        public const string OwnFull = "Er staan al drie eigen vragen in de sessie. Haal er eerst een weg als u een andere wilt.";

        public const string IntroductionHeading = "Eigen inleiding";
        public const string IntroductionLabel = "Inleiding voor het welkom";
        public const string IntroductionHint = "Deze tekst staat bij het welkom: op het scherm van de begeleider, op de beamer en bij de deelnemers. Gewone tekst; een lege regel begint een nieuwe alinea.";
        public const string IntroductionSave = "Inleiding bewaren";

        public const string TimersHeading = "Tijd per vraag";
        public const string TimersIntro = "Hoeveel minuten wilt u per vraag? De timer van de begeleider begint dan met deze tijd. Leeg: 5 minuten.";
        public const string TimerLabel = "{0}: minuten";
        public const string TimersSave = "Tijden bewaren";

        public const string Saved = "Opgeslagen.";
        public const string QuestionAdded = "De eigen vraag staat in de sessie.";
        public const string QuestionRemoved = "De eigen vraag is weggehaald.";

        public const string InvitationHeading = "Uitnodiging";
        public const string InvitationIntro = "Kopieer deze tekst in een e-mail of agenda-uitnodiging, of druk de pagina af: dan komt alleen de uitnodiging op papier.";
        public const string InvitationTitle = "Uitnodiging: {0}";
        public const string InvitationWhen = "U bent uitgenodigd voor de sessie '{0}' van {1} op {2}.";
        public const string InvitationWhat = "We praten samen over de handhavingskoers van onze gemeente. We gebruiken daarvoor de praatplaat '{0}'.";
        public const string InvitationExpect = "Wat kunt u verwachten? We bespreken deze onderwerpen: {0}. Bij elk onderwerp schrijft u op wat we al doen en wat we nog moeten doen. Aan het eind kiest u drie zaken voor morgen.";
        public const string InvitationBring = "Neem een telefoon, tablet of laptop mee. U hoeft niets te installeren en u hoeft geen account te maken.";
        public const string InvitationJoin = "Meedoen: ga naar {0}. De code {1} staat daar al ingevuld. Of scan de QR-code.";
        public const string InvitationCodeLater = "De code werkt vanaf het begin van de sessie.";
        public const string InvitationQr = "QR-code naar {0}";
        public const string InvitationTextLabel = "De uitnodiging als tekst, om te kopiëren";
    }

    /// <summary>The "Acties volgen" page: a session's team actions, followed between sessions.</summary>
    public static class FollowActions
    {
        public const string Title = "Acties volgen";
        public const string Intro = "Houd hier bij hoe het staat met de teamacties, ook tussen de sessies door. Een vervolgsessie begint met alle teamacties die nog niet gedaan zijn. Daar vult u ze op dezelfde manier in.";
        public const string OfSession = "Sessie: {0} ({1})";
        public const string OwnHeading = "Teamacties van deze sessie";
        public const string CarriedHeading = "Teamacties van eerdere sessies";
        public const string None = "Deze sessie heeft geen teamacties.";
        public const string StatusLegend = "Hoe staat het ermee?";
        public const string NoteLabel = "Korte toelichting (niet verplicht)";
        public const string SaveStatus = "Status opslaan";
        public const string EditSummary = "Actie aanpassen";
        public const string TextLabel = "Wat";
        public const string OwnerLabel = "Wie pakt het op";
        public const string DueLabel = "Wanneer klaar";
        public const string SaveEdit = "Actie opslaan";
        public const string StatusSaved = "De status is opgeslagen.";
        public const string EditSaved = "De actie is aangepast.";
        public const string Link = "Acties volgen";
        public const string Back = "Terug naar de sessie";
        public const string BackToGemeente = "Terug naar de sessies van de gemeente";
        public const string FollowedUp = "Deze acties lopen door in de vervolgsessie “{0}” ({1}). Daar staat hoe het ermee staat, en daar past u ze aan. Hier ziet u hoe ze er bij het begin van het vervolg voor stonden.";
        public const string ToFollowUp = "Acties volgen in “{0}”";
        public const string DeletedOn = "Deze sessie wordt op {0} verwijderd, met haar acties. Start het vervolg vóór die datum: dan lopen de open acties daarin door.";
        public const string Published = "Deze sessie is openbaar gepubliceerd. Wat u hier verandert, ziet iedereen met de openbare link meteen, ook de toelichting bij een status. Schrijf daarom geen namen van personen.";
    }

    /// <summary>Words the domain gives to things: step names, score points, what became of an action.</summary>
    public static class Domain
    {
        public const string WelcomeStep = "Welkom";
        public const string ActionsStep = "Drie zaken voor morgen";
        public const string ClosingStep = "Afronding";

        /// <summary>The five points of "waar staan we?", from 1 to 5.</summary>
        public static readonly IReadOnlyList<string> ScoreLabels =
        [
            "Nog niet mee begonnen",
            "We denken erover na",
            "We zijn ermee bezig",
            "We doen het vaak",
            "Vast onderdeel van ons werk",
        ];

        public const string ActionDone = "Gedaan";
        public const string ActionBusy = "Mee bezig";
        public const string ActionNotStarted = "Nog niet begonnen";
        public const string ActionNotReviewed = "Nog niet besproken";
        public const string ActionDropped = "Vervallen";

        public const string Source = "Bron: {0}, {1}";
        public const string OwnQuestion = "Vraag opgesteld door HandhavingsKoers; geen officiële vraag van de VNG. Gebaseerd op: {0}, {1}";

        /// <summary>Marks a question the gemeente added in its plan, wherever it appears, instead of a source line.</summary>
        public const string GemeenteQuestion = "Eigen vraag van de gemeente";
    }

    /// <summary>Headings of the error page, per status code.</summary>
    public static class ErrorPage
    {
        public const string Failed = "Dat lukte niet";
        public const string NoAccess = "Geen toegang";
        public const string NotFound = "Niet gevonden";
        public const string Wait = "Even wachten";
        public const string Broken = "Er ging iets mis";
        public const string Gone = "Niet meer beschikbaar";
    }

    /// <summary>
    /// What the page's script says (wwwroot/js/live.js). The layout hands these to the script as a JSON block, so the
    /// script holds no Dutch of its own; <c>{0}</c> is filled in by the script.
    /// </summary>
    public static class Live
    {
        public static readonly IReadOnlyDictionary<string, string> ForScript = new Dictionary<string, string>
        {
            ["newNote"] = "Er is een nieuwe notitie.",
            ["newNotes"] = "Er zijn {0} nieuwe notities.",
            ["noteAdded"] = "Uw notitie is toegevoegd.",
            ["noteDeleted"] = "De notitie is verwijderd.",
            ["noteBy"] = Notes.By,
            ["scoreSaved"] = Scores.Saved,
            ["scoreRemoved"] = Scores.Removed,
            ["linkCopied"] = Facilitator.LinkCopied,
            ["sendFailed"] = "Het versturen lukte niet. Controleer uw verbinding en probeer het opnieuw. Uw tekst staat er nog.",
            ["groupMoved"] = "De groep is naar een andere stap gegaan. ",
            ["goToStep"] = "Ga naar die stap",
            ["timeLeft"] = "Nog {0}",
            ["timeUp"] = "De tijd is om",
        };
    }

    /// <summary>The council report (PDF), the blank poster and the exports (Markdown, CSV).</summary>
    public static class Report
    {
        public const string KeptFigures = "Sessies die na de bewaartermijn zijn verwijderd, staan in de trend met hun bewaarde cijfers (verdeling en mediaan, zonder namen of notities): {0}.";
        public const string KeptFiguresOf = "{0} uit bewaarde cijfers van {1}";
        public const string Kicker = "Praatplaat handhavingskoers";
        public const string PageFooter = "pagina {0} van {1}";
        public const string DocumentTitle = "Praatplaat handhavingskoers – {0} – {1}";
        public const string Subject = "{0}, ingevuld op {1}";
        public const string Fact = "{0}: {1}";
        public const string Closed = "afgesloten";
        public const string NotClosed = "nog niet afgesloten";
        public const string AboutHeading = "Over dit verslag";
        public const string About = "Elke gemeente vertaalt de landelijke koers naar haar eigen beleid. Dit verslag laat zien wat het team van {0} op {1} heeft opgeschreven. ";
        public const string AboutOfficial = "De vragen zijn overgenomen uit de praatplaat, met bron.";
        public const string AboutOwn = "De vragen zijn geschreven door HandhavingsKoers; het zijn geen officiële vragen van de VNG.";
        public const string AboutQr = " Bij elk onderdeel staat een QR-code naar meer uitleg.";
        public const string NoNames = "Namen van deelnemers staan niet in dit verslag.";
        public const string ScoreLine = "Mediaan: {0} ({1}). ";
        public const string Distribution = "Verdeling: {0}.";
        public const string ReadMore = "Lees meer: {0}";
        public const string QrTo = "QR-code naar {0}";
        public const string NoNotes = "Geen notities.";
        public const string NobodyWrote = "Niemand heeft acties opgeschreven.";

        /// <summary>The sheet in the workbook behind a Word chart, named as Dutch Word names its first sheet.</summary>
        public const string ChartSheet = "Blad1";
        public const string ScoresIntro = "De deelnemers gaven per onderwerp een score van 1 ({0}) tot 5 ({1}). Het diagram toont de mediaan.";
        public const string ScoresAnonymous = " De scores zijn anoniem.";
        public const string Now = "nu";
        public const string NoTeamActions = "Er zijn geen teamacties afgesproken.";
        public const string TeamActionsIntro = "Wat het team afsprak: wat, wie en wanneer. Een vervolgsessie begint met deze acties.";
        public const string ColophonHeading = "Colofon";
        public const string ColophonOfficial = "Bron van de vragen: {0}. De praatplaat hoort bij de {1} van het ministerie van SZW. Meer over naleving en handhaving: vng.nl/naleving.";
        public const string ColophonOwn = "{0}. Meer over naleving en handhaving: vng.nl/naleving.";
        public const string ColophonExplanation = "De uitleg in dit verslag is geschreven door HandhavingsKoers en is geen tekst van de VNG of het ministerie.";
        public const string MadeOn = "Gemaakt met HandhavingsKoers op {0}.";
        public const string MadeOnFormat = "d MMMM yyyy 'om' HH:mm";
        public const string OnlineLink = "De ingevulde praatplaat online";
        public const string OnlineQr = "QR-code naar de samenvatting van deze workshop";
        public const string StatusWithNote = "{0}: {1}";
        public const string RadarAlt = "Radardiagram van de mediaan per onderwerp (1 tot 5)";
        public const string RadarAltPrevious = ", deze sessie en de vorige ({0})";
        public const string RadarAltTable = ". Dezelfde cijfers staan ook als tekst bij het diagram.";
        public const string BlankTitle = "Lege praatplaat om op papier in te vullen ({0})";
        public const string BlankInstructions = "Schrijf bij elk onderdeel op wat uw gemeente al doet en wat er nog moet gebeuren. Sluit af met drie zaken die u morgen in gang zet. Scan een QR-code om meer te lezen.";
        public const string BlankReadMore = "Lees meer";
        public const string BlankDocumentTitle = "{0} – lege praatplaat";

        // The exports: Markdown and CSV.
        public const string TeamAction = "Teamactie";
        public const string PreviousAction = "Actie van vorige keer";
        public const string DueOn = "klaar op {0}";
        public const string MedianWord = "mediaan";
        public const string MdMedianPerTopic = "Mediaan per onderwerp, van 1 ({0}) tot 5 ({1}).";
        public const string MdNow = "Nu ({0})";
        public const string MdNothingYet = "_Nog niets opgeschreven._";
        public const string MdNoNotes = "_Geen notities._";

        /// <summary>The CSV's column names, for people who open it in Excel.</summary>
        public static readonly string[] CsvHeader = ["onderdeel", "vraag", "kolom", "tekst", "auteur"];

        public const string PosterColophon = "{0}. Uitleg, opmaak en QR-codes: HandhavingsKoers.";
        public const string MdNoTeamActions = "_Geen teamacties._";
        public const string MdScores = "Mediaan: {0} ({1})";
        public const string ExecutiveSummary = "Bestuurlijke samenvatting";
        public const string Conclusion = "Conclusie";
        public const string KeyPoints = "Kernpunten";
        public const string KeyPoint = "kernpunt {0}";

        // The front page for the raad (PDF and Word) and the annex after it.
        public const string CoverLine = "{0} · {1} · {2} · {3}";
        public const string ParticipantsOne = "{0} deelnemer";
        public const string ParticipantsMany = "{0} deelnemers";
        public const string ExecutiveSummaryHeading = "Bestuurlijke samenvatting";
        public const string PrioritiesHeading = "Wat het eerst moet gebeuren";
        public const string PrioritiesIntro = "De deelnemers verdeelden stippen over wat er nog moet gebeuren. Dit kreeg de meeste stippen.";
        public const string DotsOne = "{0} stip";
        public const string DotsMany = "{0} stippen";
        public const string PriorityLine = "{0} · {1}";
        public const string MergedFrom = "Samengevoegd uit: {0}";
        public const string ConclusionsHeading = "Conclusies per onderwerp";
        public const string KeyPointsHeading = "Kernpunten";
        public const string AnnexHeading = "Bijlage: alles wat de deelnemers opschreven";
        public const string AnnexIntro = "Hieronder staan alle notities per onderwerp en de acties van de deelnemers.";
        public const string MedianLine = "{0}: {1}";
        public const string ScoresTableCaption = "Mediaan per onderwerp, van 1 ({0}) tot 5 ({1})";
        public const string ScoreCount = "Aantal scores";
        public const string TeamActionsTableCaption = "Teamacties: wat, wie en wanneer";
        public const string PreviousActionsTableCaption = "De teamacties van vorige keer en wat ermee is gebeurd";
        public const string RadarChartTitle = "Waar staan we? Mediaan per onderwerp";
        public const string LinkLine = "{0}: {1}";
    }
}
