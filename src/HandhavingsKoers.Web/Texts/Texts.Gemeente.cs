namespace HandhavingsKoers.Web;

// The gemeente's own space, for its beheerders (decision 0018). In a file of its own beside Texts.cs, so this
// feature's sentences read together.
public static partial class Texts
{
    /// <summary>The beheerder's page of one gemeente.</summary>
    public static class Gemeente
    {
        public const string Title = "Gemeente {0}";
        public const string Lead = "Hier ziet u alle sessies van uw gemeente, ook de vervolgsessies. U kunt een nieuwe sessie starten, de link van een begeleider vervangen of intrekken, en andere beheerders uitnodigen.";

        public const string SessionsHeading = "Sessies";
        public const string NoSessions = "Er zijn nog geen sessies. Start hieronder de eerste.";
        public const string ChainHeading = "Reeks: {0}";
        public const string ChainOne = "1 sessie";
        public const string ChainMany = "{0} sessies, elke volgende is een vervolg op de vorige";
        public const string FollowUpOf = "Vervolg op “{0}”";
        public const string StatusOpen = "Open";
        public const string StatusClosed = "Afgesloten";
        public const string Edition = "Praatplaat";
        public const string Date = "Datum";
        public const string Status = "Status";
        public const string FacilitatorLink = "Begeleiderslink";
        public const string FacilitatorLinkActive = "werkt";
        public const string FacilitatorLinkRevoked = "ingetrokken";
        public const string ReissueFacilitator = "Nieuwe begeleiderslink maken";
        public const string ReissueFacilitatorHint = "De oude link werkt daarna meteen niet meer, ook niet in een browser die hem al gebruikte.";
        public const string RevokeFacilitator = "Begeleiderslink intrekken";
        public const string SessionLabel = "voor “{0}”";

        public const string NewFacilitatorLinkHeading = "Nieuwe begeleiderslink voor “{0}”";
        public const string NewFacilitatorLinkText = "Geef deze link aan de begeleider van de sessie. U ziet hem maar één keer: we bewaren alleen een versleutelde vorm. Wie de link heeft, kan de sessie leiden.";
        public const string NewFacilitatorLinkLabel = "Begeleiderslink";
        public const string OpenAsFacilitator = "Sessie nu openen als begeleider";
        public const string FacilitatorRevoked = "De begeleiderslink van “{0}” is ingetrokken, en ook de links van mede-begeleiders en notulisten. Maak een nieuwe begeleiderslink als de sessie weer een begeleider nodig heeft.";

        public const string StartHeading = "Nieuwe sessie starten";
        public const string StartLead = "De sessie komt in de lijst van uw gemeente. Daarna ziet u de begeleiderslink, één keer.";
        public const string StartSubmit = "Sessie starten";
        public const string ConceptLabel = "Als concept klaarzetten: deelnemers kunnen pas meedoen als de begeleider de sessie opent";
        public const string StatusConcept = "Concept (nog niet geopend)";
        public const string ConceptHeading = "Deze sessie is een concept";
        public const string ConceptText = "Deelnemers kunnen nog niet meedoen: de code werkt pas als u de sessie opent. Open de sessie als de zaal klaar is.";
        public const string OpenConcept = "Sessie openen voor deelnemers";

        public const string BeheerdersHeading = "Beheerders";
        public const string BeheerdersLead = "Iedere beheerder heeft een eigen link. Trek een link in als iemand geen beheerder meer is.";
        public const string ForWhom = "Voor wie";
        public const string ForWhomNone = "Link zonder naam";
        public const string YoursWithoutName = "Uw eigen link";
        public const string Made = "Gemaakt";
        public const string You = "(uw link)";
        public const string RevokeLink = "Intrekken";
        public const string RevokeLinkLabel = "Intrekken: beheerderslink voor {0}";
        public const string RevokeUnnamedLinkLabel = "Intrekken: beheerderslink zonder naam, gemaakt op {0} om {1}";
        public const string RevokeOwnLinkLabel = "Intrekken: uw eigen beheerderslink";
        public const string InviteHeading = "Beheerder uitnodigen";
        public const string InviteLabel = "Voor wie is de link?";
        public const string InviteHint = "Een naam of een rol, zodat u later weet welke link u moet intrekken. Niet verplicht.";
        public const string InviteSubmit = "Beheerderslink maken";
        public const string NewBeheerderLinkHeading = "Nieuwe beheerderslink";
        public const string NewBeheerderLinkText = "Geef deze link aan de nieuwe beheerder. U ziet hem maar één keer. Wie de link heeft, ziet alle sessies van uw gemeente en kan begeleiderslinks maken.";
        public const string NewBeheerderLinkLabel = "Beheerderslink";
        public const string LinkRevoked = "De beheerderslink is ingetrokken.";
        public const string OwnLinkRevoked = "Uw eigen beheerderslink is ingetrokken. U bent nu geen beheerder meer op dit apparaat.";

        public const string ThemeHeading = "Huisstijl";
        public const string ThemeLead = "Kies de huisstijl voor de pagina's, het scherm in de zaal en de PDF van de sessies van uw gemeente.";
        public const string ThemeLegend = "Huisstijl";
        public const string ThemeDefault = "De huisstijl van deze installatie";
        public const string ThemeSubmit = "Huisstijl bewaren";
        public const string ThemeSaved = "De huisstijl is bewaard.";

        public const string Started = "De sessie is gestart.";
    }

    public static class HomeClosedStart
    {
        public const string Text = "Op deze installatie starten de beheerders van een gemeente de sessies, op de pagina van hun gemeente. Vraag hun om een begeleiderslink.";
    }
}
