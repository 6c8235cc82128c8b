namespace HandhavingsKoers.Web;

// Concluding the report after the session and publishing it for the council (decision 0014). In a file of its own
// beside Texts.cs, so this feature's sentences read together.
public static partial class Texts
{
    /// <summary>The "Verslag afronden" page.</summary>
    public static class Conclude
    {
        public const string Title = "Verslag afronden";
        public const string Lead = "Schrijf per principe een korte conclusie en kies de kernpunten uit de notities. Schrijf daarna een bestuurlijke samenvatting voor het college. Alles komt in het verslag voor raad en college.";
        // Without JavaScript nothing is saved until the button is pressed; the script replaces this with Autosave.
        public const string SaveWithButton = "Druk op Opslaan om uw tekst te bewaren.";
        public const string Autosave = "Wat u typt, wordt vanzelf bewaard. Werkt dat niet, druk dan op Opslaan.";
        public const string NotClosed = "U kunt het verslag afronden als de workshop is afgesloten. Sluit de workshop af op de pagina van de begeleider.";
        public const string ConclusionLabel = "Conclusie: {0}";
        public const string ConclusionHint = "Een paar zinnen: wat is de uitkomst bij dit principe? Hoogstens {0} tekens.";
        public const string KeyPointsLegend = "Kernpunten bij {0}: kies er hoogstens {1}";
        public const string KeyPointsHint = "Kies de notities die het belangrijkst zijn. Ze komen in deze volgorde in het verslag.";
        public const string NoNotesToChoose = "Bij dit principe zijn geen notities om uit te kiezen.";
        public const string SummaryHeading = "Bestuurlijke samenvatting";
        public const string SummaryLabel = "Samenvatting voor het college";
        public const string SummaryHint = "Een paar alinea's: wat is de uitkomst, en wat vraagt die van het bestuur? Laat een regel leeg tussen twee alinea's. Hoogstens {0} tekens.";
        public const string Save = "Opslaan";
        public const string Saved = "Het verslag is opgeslagen.";
        public const string BackToSummary = "Naar de samenvatting";
        public const string LinkFromFacilitator = "Verslag afronden: conclusies, kernpunten en samenvatting";
        public const string LinkFromSummary = "Verslag afronden of openbaar maken";

        /// <summary>What the autosave script says; handed to it as data, so the script holds no Dutch of its own.</summary>
        public static readonly IReadOnlyDictionary<string, string> ForScript = new Dictionary<string, string>
        {
            ["autosave"] = Autosave,
            ["saving"] = "Bezig met opslaan…",
            ["failed"] = "Niet opgeslagen. Controleer uw verbinding. Uw tekst staat er nog; we proberen het zo opnieuw.",
        };

        /// <summary>"Opgeslagen om 14:03": the server says it, after the save, in Dutch time.</summary>
        public const string SavedAt = "Opgeslagen om {0}";
    }

    /// <summary>Publishing the report for the council: the public link and the public page.</summary>
    public static class Publish
    {
        public const string Heading = "Openbaar maken voor de raad";
        public const string Text = "Maak een openbare link naar het verslag. Iedereen met de link kan het verslag lezen, zonder in te loggen. Namen van deelnemers, hun eigen drie zaken en notities die verborgen bleven, staan er niet in. Wat u zelf schreef (conclusies, samenvatting, teamacties met wie ze oppakt) staat er wel in.";
        public const string OnlyClosed = "U kunt het verslag openbaar maken als de workshop is afgesloten.";
        public const string EndsOnLabel = "Werkt tot en met (niet verplicht)";
        public const string EndsOnHint = "Laat leeg als de link moet blijven werken tot u hem intrekt.";
        public const string Button = "Openbare link maken";
        public const string Made = "De openbare link is gemaakt. Kopieer hem en zet hem in uw stuk voor de raad.";
        public const string IsPublic = "Het verslag is openbaar.";
        public const string PausedWhileOpen = "De workshop is weer geopend. Wie de openbare link opent, ziet het verslag pas weer als u de workshop opnieuw afsluit.";
        public const string WorksUntil = "De link werkt tot en met {0}.";
        public const string WorksUntilRevoked = "De link werkt tot u hem intrekt.";
        public const string LinkLabel = "Openbare link";
        public const string LinkElsewhere = "U maakte deze link op een ander apparaat of in een andere browser. We bewaren de link zelf niet. Kwijt? Trek hem in en maak een nieuwe.";
        public const string Open = "Openbare pagina bekijken";
        public const string RevokeText = "Na het intrekken werkt de link meteen niet meer. Ook niet via de QR-code in een PDF.";
        public const string Revoke = "Link intrekken";
        public const string Revoked = "De openbare link is ingetrokken. Hij werkt niet meer.";
        public const string SummaryIsPublic = "Dit verslag is openbaar via een link.";
    }

    /// <summary>The public page of a published report.</summary>
    public static class PublicReport
    {
        public const string Kicker = "Openbaar verslag";
        public const string Intro = "Dit is het verslag van een workshop over de handhavingskoers van de gemeente. Namen van deelnemers staan er niet in.";
        public const string Pdf = "Verslag voor raad en college (PDF)";
        public const string Word = "Verslag voor raad en college (Word)";
        public const string Conclusion = "Conclusie";
        public const string KeyPoints = "Kernpunten";
    }
}
