using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Web.Pages;

/// <summary>
/// Every address the app links or redirects to, in one place. The templates themselves are the pages' <c>@page</c>
/// directives (and <c>MapGet</c> for the endpoints); a test requests each address built here.
/// </summary>
public static class Routes
{
    public const string Home = "/";
    public const string Start = "/starten";
    public const string Join = "/doemee";
    public const string Guide = "/handleiding";

    /// <summary>A gemeente's own space, for its beheerders; their cookie is scoped to it.</summary>
    public static string Gemeente(Guid id) => $"/gemeente/{id}";

    public static string JoinWith(string code) => $"{Join}/{code}";

    /// <summary>Everything of one workshop lives under this path; the facilitator's cookie is scoped to it.</summary>
    public static string Workshop(Guid id) => $"/w/{id}";

    public static string ParticipantStep(Guid id, string? stepKey = null) => WithStep($"{Workshop(id)}/stap", stepKey);

    /// <summary>The facilitator link's query parameter for the key (moved into a cookie at once, never logged).</summary>
    public const string FacilitatorKeyParameter = "sleutel";

    public static string FacilitatorStep(Guid id, string? stepKey = null) => WithStep($"{Workshop(id)}/begeleider", stepKey);

    /// <summary>A step on the page of this viewer: the facilitator's page for the facilitator, else the participant's.</summary>
    public static string Step(Viewer viewer, Guid id, string? stepKey = null) =>
        viewer.IsFacilitator ? FacilitatorStep(id, stepKey) : ParticipantStep(id, stepKey);

    /// <summary>The facilitator's page for the prioritising round and merging duplicates.</summary>
    public static string Priorities(Guid id) => $"{Workshop(id)}/prioriteren";

    /// <summary>The participant's page for placing dots.</summary>
    public static string Dots(Guid id) => $"{Workshop(id)}/stippen";

    public static string Presenter(Guid id) => $"{Workshop(id)}/presenteren";

    public static string PresenterStage(Guid id) => $"{Presenter(id)}?handler=Stage";

    public static string Summary(Guid id) => $"{Workshop(id)}/samenvatting";

    /// <summary>A download of the summary: <c>Pdf</c>, <c>Markdown</c>, <c>Csv</c> or <c>Json</c>.</summary>
    public static string SummaryDownload(Guid id, string handler, bool withNames = false) =>
        $"{Summary(id)}?handler={handler}" + (withNames ? "&namen=ja" : "");

    /// <summary>The facilitator's page to finish the report after closing and to publish it.</summary>
    public static string Conclude(Guid id) => $"{Workshop(id)}/verslag";

    /// <summary>A published report: readable by anyone with the link, outside the workshop's path (no workshop cookie goes along).</summary>
    public static string PublicReport(string token) => PublicReportPrefix + token;

    /// <summary>The start of every public report's address; the token follows (and is kept out of logs).</summary>
    public const string PublicReportPrefix = "/openbaar/";

    public static string PublicReportPdf(string token) => $"{PublicReport(token)}?handler=Pdf";
    public static string PublicReportWord(string token) => $"{PublicReport(token)}?handler=Word";

    /// <summary>The page to prepare a concept session (decision 0020), at the facilitator's and a beheerder's address.</summary>
    public static SessionPage PreparePage { get; } = new("voorbereiden");

    /// <summary>The facilitator's page to prepare a concept session (decision 0020).</summary>
    public static string Prepare(Guid id) => PreparePage.Facilitator(id);

    /// <summary>The same page for a beheerder, under the gemeente's path (where the beheerder's cookie goes).</summary>
    public static string GemeentePrepare(Guid gemeenteId, Guid id) => PreparePage.Beheerder(gemeenteId, id);

    public static string FollowUp(Guid id) => $"{Workshop(id)}/vervolg";

    /// <summary>"Acties volgen" of one session (decision 0022), at the facilitator's and a beheerder's address.</summary>
    public static SessionPage ActionsPage { get; } = new("acties");

    /// <summary>"Acties volgen", for the session's facilitator (their cookie is scoped to the workshop).</summary>
    public static string Actions(Guid id) => ActionsPage.Facilitator(id);

    /// <summary>"Acties volgen" of one session, for a beheerder (their cookie is scoped to the gemeente's path).</summary>
    public static string GemeenteActions(Guid gemeenteId, Guid id) => ActionsPage.Beheerder(gemeenteId, id);

    public static string Live(Guid id, long lastEventId) => $"{Workshop(id)}/live?lastEventId={lastEventId}";

    public static string Poster(string editionKey) => $"/praatplaat/{editionKey}/poster.pdf";

    public static string WithQuery(string path, string query) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static string WithStep(string path, string? stepKey) => stepKey is null ? path : $"{path}/{stepKey}";

    /// <summary>
    /// A session's page outside the room with two addresses (decision 0023): the facilitator's under
    /// <c>/w/{id}/{segment}</c>, where their cookie goes, and a beheerder's under <c>/gemeente/{gemeenteId}/{segment}/{id}</c>,
    /// where theirs goes. <see cref="SessionAccess"/> reads the route values these templates name.
    /// </summary>
    public sealed record SessionPage(string Segment)
    {
        public const string GemeenteIdValue = "gemeenteId";

        public string Facilitator(Guid id) => $"{Workshop(id)}/{Segment}";

        public string Beheerder(Guid gemeenteId, Guid id) => $"{Gemeente(gemeenteId)}/{Segment}/{id}";

        /// <summary>The beheerder's address as a route template (the page's own directive holds the facilitator's).</summary>
        public string GemeenteTemplate => $"gemeente/{{{GemeenteIdValue}:guid}}/{Segment}/{{id:guid}}";
    }
}
