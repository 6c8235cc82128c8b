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

    /// <summary>The facilitator's page to prepare a concept session (decision 0020).</summary>
    public static string Prepare(Guid id) => $"{Workshop(id)}/voorbereiden";

    /// <summary>The same page for a beheerder, under the gemeente's path (where the beheerder's cookie goes).</summary>
    public static string GemeentePrepare(Guid gemeenteId, Guid id) => $"{Gemeente(gemeenteId)}/voorbereiden/{id}";

    /// <summary>The route template of <see cref="GemeentePrepare"/> (the page's own directive holds the other).</summary>
    public const string GemeentePrepareTemplate = "gemeente/{gemeenteId:guid}/voorbereiden/{id:guid}";

    public static string FollowUp(Guid id) => $"{Workshop(id)}/vervolg";

    /// <summary>"Acties volgen", for the session's facilitator (their cookie is scoped to the workshop).</summary>
    public static string Actions(Guid id) => $"{Workshop(id)}/acties";

    /// <summary>"Acties volgen" of one session, for a beheerder (their cookie is scoped to the gemeente's path).</summary>
    public static string GemeenteActions(Guid gemeenteId, Guid id) => $"{Gemeente(gemeenteId)}/acties/{id}";

    /// <summary>The second address of the "Acties volgen" page, as a route template (see <see cref="GemeenteActions"/>).</summary>
    public const string GemeenteActionsTemplate = "gemeente/{gemeente:guid}/acties/{id:guid}";

    public static string Live(Guid id, long lastEventId) => $"{Workshop(id)}/live?lastEventId={lastEventId}";

    public static string Poster(string editionKey) => $"/praatplaat/{editionKey}/poster.pdf";

    public static string WithQuery(string path, string query) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static string WithStep(string path, string? stepKey) => stepKey is null ? path : $"{path}/{stepKey}";
}
