using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Web;

// Sharing the facilitation with a co-facilitator or a notulist (decision 0021).
public static partial class Texts
{
    /// <summary>"Samen begeleiden" on the facilitator's page, and what the other roles see of their role.</summary>
    public static class Sharing
    {
        public const string Heading = "Samen begeleiden";
        public const string Lead = "Nodig iemand uit om de workshop samen met u te begeleiden. Iedereen krijgt een eigen link. Die werkt tot u hem intrekt.";
        public const string CoFacilitator = "medebegeleider";
        public const string Notulist = "notulist";
        public const string CoFacilitatorLabel = "Medebegeleider";
        public const string NotulistLabel = "Notulist";
        public const string CoFacilitatorHint = "Kan alles wat u kunt, behalve de workshop verwijderen en links maken of intrekken.";
        public const string NotulistHint = "Schrijft notities voor de zaal, voegt notities samen, ruimt ze op en zet de timer aan. Kan de zaal niet verder zetten en de workshop niet sluiten.";
        public const string RoleLegend = "Wie nodigt u uit?";
        public const string ForWhomLabel = "Voor wie";
        public const string ForWhomHint = "Een naam of een rol, zodat u later weet welke link u moet intrekken.";
        public const string Submit = "Link maken";
        public const string ActiveHeading = "Links die nu werken";
        public const string NoLinks = "U heeft nog niemand uitgenodigd.";
        public const string Made = "gemaakt op {0}";
        public const string Revoke = "Intrekken";
        public const string RevokeLabel = "Link van {0} intrekken";
        public const string Revoked = "De link is ingetrokken. Hij werkt meteen niet meer.";
        public const string NewLinkHeading = "Nieuwe link";
        public const string NewLinkFor = "Link voor {0} ({1})";
        public const string NewLinkText = "Stuur deze link naar de persoon voor wie hij is. We laten hem maar één keer zien: we bewaren hem niet.";
        public const string YourRole = "U begeleidt deze workshop mee als {0}.";

        public static string RoleName(FacilitatorRole role) => role == FacilitatorRole.Notulist ? Notulist : CoFacilitator;
    }
}
