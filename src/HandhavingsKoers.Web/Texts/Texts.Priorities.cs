namespace HandhavingsKoers.Web;

public static partial class Texts
{
    /// <summary>The prioritising round: the facilitator's page, the participant's dots page, the projector and the report.</summary>
    public static class Priorities
    {
        // The facilitator's page.
        public const string Title = "Prioriteren met stippen";
        public const string LinkFromFacilitator = "Prioriteren met stippen";
        public const string Lead = "Laat de zaal kiezen wat het belangrijkst is. Iedereen zet een paar stippen bij de notities onder “Wat moeten we nog doen?”. Niemand ziet wie welke stip zette. De zaal ziet de stippen pas als u ze laat zien.";
        public const string OpenHeading = "Stemronde openen";
        public const string ScopeLabel = "Welke notities?";
        public const string ScopeAll = "Alle principes";
        public const string DotsLabel = "Stippen per deelnemer";
        public static readonly string DotsHint = Format("Van {0} tot {1}.", Workshops.PriorityRound.MinDots, Workshops.PriorityRound.MaxDots);
        public const string SeveralLabel = "Deelnemers mogen meer dan één stip op dezelfde notitie zetten";
        public const string Open = "Stemronde openen";
        public const string Reveal = "Stippen aan de zaal laten zien";
        public const string Close = "Stemronde sluiten";
        public const string StartOver = "Opnieuw beginnen";
        public const string StartOverText = "Alle stippen worden gewist, ook die van papier. Samengevoegde notities blijven samengevoegd.";
        public const string StartOverConfirm = "Stemronde en stippen wissen";
        public const string StatusOpenOne = "De stemronde is open. {0} heeft gestemd, met in totaal {1}.";
        public const string StatusOpenMany = "De stemronde is open. {0} hebben gestemd, met in totaal {1}.";
        public const string StatusClosedOne = "De stemronde is gesloten. {0} deelnemer heeft gestemd, met in totaal {1}.";
        public const string StatusClosedMany = "De stemronde is gesloten. {0} deelnemers hebben gestemd, met in totaal {1}.";
        public const string StatusHidden = "Alleen u ziet nu de stippen. De zaal ziet ze nog niet.";
        public const string StatusRevealed = "De zaal ziet de stippen.";
        public const string Settings = "{0} per deelnemer · {1}";
        public const string SeveralAllowed = "meer stippen op één notitie mag";
        public const string OneEach = "één stip per notitie";
        public const string NoRound = "Er is nog geen stemronde. Voeg eerst dubbele notities samen als dat nodig is.";
        public const string RankingHeading = "De notities";
        public const string NoNotes = "Er zijn nog geen notities onder “Wat moeten we nog doen?”.";
        public const string DotsOne = "{0} stip";
        public const string DotsMany = "{0} stippen";
        public const string MergedFrom = "Samengevoegd uit:";
        public const string ChooseToMerge = "Kies om samen te voegen";
        public const string MergeHeading = "Dubbele notities samenvoegen";
        public const string MergeText = "Vink hieronder twee of meer notities aan die hetzelfde zeggen, bij hetzelfde principe. De oude notities blijven zichtbaar onder de nieuwe. Hun stippen tellen samen.";
        public const string MergeWordingLabel = "Nieuwe tekst (niet verplicht)";
        public const string MergeWordingHint = "Leeg laten: de tekst van de oudste notitie.";
        public const string Merge = "Gekozen notities samenvoegen";
        public const string Merged = "De notities zijn samengevoegd.";
        public const string Unmerge = "Samenvoegen ongedaan maken";
        public const string Unmerged = "Het samenvoegen is ongedaan gemaakt.";
        public const string PaperHeading = "Stippen van papier";
        public const string PaperText = "Werkt een tafel op de A3-praatplaat? Tel de stippen per notitie en vul het aantal in. Het telt mee met de stippen van de telefoons.";
        public const string PaperLabel = "Stippen op papier";
        public const string PaperSave = "Stippen van papier bewaren";
        public const string PaperSaved = "De stippen van papier zijn bewaard.";
        public const string Opened = "De stemronde is geopend.";
        public const string Revealed = "De zaal ziet nu de stippen.";
        public const string ClosedNotice = "De stemronde is gesloten.";
        public const string Removed = "De stemronde en alle stippen zijn gewist.";
        public const string BackToStep = "← Terug naar de stap";

        /// <summary>
        /// "De stemronde is open. 1 van de 3 deelnemers heeft gestemd, met in totaal 1 stip.": who voted and how many dots
        /// they placed (dots from paper are counted on the notes, not here).
        /// </summary>
        public static string Status(bool closed, int voters, int participants, int dots)
        {
            var placed = Count(dots, DotsOne, DotsMany);
            return closed
                ? Format(voters == 1 ? StatusClosedOne : StatusClosedMany, voters, placed)
                : SomeOf(voters, participants, StatusOpenOne, StatusOpenMany, placed);
        }

        // The participant's page.
        public const string ParticipantTitle = "Stippen zetten";
        public const string ParticipantLead = "Zet uw stippen bij wat u het belangrijkst vindt om te doen. Niemand ziet wie welke stip zette.";
        public const string ParticipantSeveral = "U mag meer dan één stip op dezelfde notitie zetten.";
        public const string ParticipantOneEach = "U mag één stip per notitie zetten.";
        public const string LeftMany = "U heeft nog {0} stippen.";
        public const string LeftOne = "U heeft nog 1 stip.";
        public const string LeftNone = "U heeft al uw stippen gezet. Wilt u iets veranderen? Neem dan eerst een stip terug.";
        public const string NoRoundForParticipant = "Er is nu geen stemronde. De begeleider zegt het als het zover is.";
        public const string RoundClosedForParticipant = "De stemronde is gesloten.";
        public const string Place = "Stip geven";
        public const string TakeBack = "Stip terugnemen";
        public const string YourDots = "Uw stippen: {0}";
        public const string Placed = "Uw stip is gezet.";
        public const string TakenBack = "Uw stip is teruggenomen.";
        public const string HiddenUntilReveal = "Hoeveel stippen elke notitie heeft, ziet u als de begeleider het laat zien.";
        public const string RoundOpenNotice = "De begeleider heeft een stemronde geopend.";
        public const string RoundResultNotice = "De uitslag van de stemronde staat klaar.";
        public const string GoToDots = "Naar de stippen";

        // The projector.
        public const string StageHeading = "Wat vinden we het belangrijkst?";
        public const string StageVotingOne = "Zet uw stippen op uw telefoon. {0} heeft al gestemd.";
        public const string StageVotingMany = "Zet uw stippen op uw telefoon. {0} hebben al gestemd.";
        public const string StageHidden = "De uitslag komt straks in beeld.";
        public const string StageTop = "Top van de stemronde";
        public const string RankingLabel = "Rangorde, meeste stippen eerst";

        // Reports and exports.
        public const string ReportHeading = "Wat de zaal het belangrijkst vond";
        public const string ReportIntro = "Uit de stemronde met stippen: de notities met de meeste stippen eerst. Samengevoegde notities tellen als één.";
        public const string CsvMergedInto = "{0} (samengevoegd in de notitie erboven)";
    }
}
