using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Pages.Present;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages.Prepare;

/// <summary>
/// Preparing a concept session (decision 0020): which principles, in which order, own questions of the gemeente, an own
/// introduction, default timers, the invitation, and opening it. The facilitator reaches it at <c>/w/{id}/voorbereiden</c>
/// (the facilitator's cookie), a beheerder of the session's gemeente at <c>/gemeente/{gemeenteId}/voorbereiden/{id}</c>
/// (the beheerder's cookie is scoped to the gemeente's path); who may do which handler is <see cref="SessionAccess"/>'s
/// rule, settled once before any handler. The plan's rules are the workshop's (<c>Workshop.Plan.cs</c>).
/// </summary>
public sealed class IndexModel(AppDbContext db, EditionCatalog editions, IWorkshopEvents events, PublicAddress publicAddress, JoinQrCodes qrCodes)
    : PageModel
{
    /// <summary>Who is here, at which address (<see cref="SessionAccess"/>), settled once before any handler.</summary>
    public SessionAccess Access { get; private set; } = null!;

    public Workshop Workshop => Access.Workshop;

    /// <summary>The edition as the seeds give it: the plan chooses from its principles.</summary>
    public Edition Edition { get; private set; } = null!;

    [BindProperty]
    public OwnQuestionInput Own { get; set; } = new();

    [BindProperty]
    public string? Introduction { get; set; }

    public WorkshopPlan Plan => Workshop.PlanOrInitial(Edition);

    /// <summary>The session's edition as the plan shapes it: its panels are the walk's.</summary>
    public Edition Planned => Edition.With(Plan);

    public IEnumerable<Panel> Skipped => Edition.Principles.Where(p => !Plan.Order.Contains(p.Key));

    /// <summary>Whether the one here may open the concept: the facilitator (or a co-facilitator), not a beheerder.</summary>
    public bool MayOpen => Access.Permits(FacilitatorAction.OpenAndClose);

    public string JoinUrl => publicAddress.JoinUrl(Request, Workshop.JoinCode);

    public string JoinQrSvg => qrCodes.For(JoinUrl);

    /// <summary>
    /// A paragraph of the invitation cut around the join address it holds (address empty when it holds none), so the
    /// page can draw the address as one that wraps before the code (_JoinAddress).
    /// </summary>
    public (string Before, string Address, string After) AroundJoinUrl(string paragraph)
    {
        var start = paragraph.IndexOf(JoinUrl, StringComparison.Ordinal);
        return start < 0 ? (paragraph, "", "") : (paragraph[..start], JoinUrl, paragraph[(start + JoinUrl.Length)..]);
    }

    /// <summary>The invitation's paragraphs, as shown and as the text to copy.</summary>
    public IReadOnlyList<string> Invitation => [
        Texts.Format(Texts.Prepare.InvitationWhen, Workshop.Title, Workshop.Gemeente, Texts.Date(Workshop.Date)),
        Texts.Format(Texts.Prepare.InvitationWhat, Edition.Title),
        Texts.Format(Texts.Prepare.InvitationExpect, string.Join(", ", Planned.Panels.Select(p => p.IsOwnQuestion ? p.Title : p.Title.ToLowerInvariant()))),
        Texts.Prepare.InvitationBring,
        Texts.Format(Texts.Prepare.InvitationJoin, JoinUrl, JoinCode.Display(Workshop.JoinCode)),
        .. Workshop.IsConcept ? [Texts.Prepare.InvitationCodeLater] : Array.Empty<string>(),
    ];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsPost(Request.Method) && !ModelState.IsValid)
        {
            ModelState.Clear();
            context.Result = this.Refuse(StatusCodes.Status400BadRequest, Messages.BadRequest);
            return;
        }

        var (access, refusal) = await SessionAccess.FindAsync(db, HttpContext, Routes.PreparePage, FacilitatorPages.ActionOf(context), Messages.NotFacilitator);
        if (refusal is not null)
        {
            context.Result = this.Refuse(refusal.Status, refusal.Message);
            return;
        }

        Access = access!;
        Edition = editions.Get(Workshop.EditionKey);
        await next();
    }

    [Requires(FacilitatorAction.Prepare)]
    public IActionResult OnGet()
    {
        Introduction = Workshop.Plan?.Introduction;
        return Page();
    }

    [Requires(FacilitatorAction.Prepare)]
    public Task<IActionResult> OnPostUpAsync(string? key) =>
        ChangeAsync(() => Workshop.MovePanel(Edition, key, up: true), "", Texts.Prepare.Saved, "#volgorde-titel");

    [Requires(FacilitatorAction.Prepare)]
    public Task<IActionResult> OnPostDownAsync(string? key) =>
        ChangeAsync(() => Workshop.MovePanel(Edition, key, up: false), "", Texts.Prepare.Saved, "#volgorde-titel");

    [Requires(FacilitatorAction.Prepare)]
    public Task<IActionResult> OnPostSkipAsync(string? key) =>
        ChangeAsync(() => Workshop.SkipPrinciple(Edition, key), "", Texts.Prepare.Saved, "#volgorde-titel");

    [Requires(FacilitatorAction.Prepare)]
    public Task<IActionResult> OnPostIncludeAsync(string? key) =>
        ChangeAsync(() => Workshop.IncludePrinciple(Edition, key), "", Texts.Prepare.Saved, "#volgorde-titel");

    [Requires(FacilitatorAction.Prepare)]
    public Task<IActionResult> OnPostAddQuestionAsync() =>
        ChangeAsync(() => Workshop.AddOwnQuestion(Edition, Own.Title, Own.Question), nameof(Own), Texts.Prepare.QuestionAdded, "#volgorde-titel");

    [Requires(FacilitatorAction.Prepare)]
    public Task<IActionResult> OnPostRemoveQuestionAsync(string? key) =>
        ChangeAsync(() => Workshop.RemoveOwnQuestion(Edition, key), "", Texts.Prepare.QuestionRemoved, "#volgorde-titel");

    [Requires(FacilitatorAction.Prepare)]
    public Task<IActionResult> OnPostIntroductionAsync() =>
        ChangeAsync(() => Workshop.SetIntroduction(Edition, Introduction), nameof(Introduction), Texts.Prepare.Saved, "#inleiding-titel");

    [Requires(FacilitatorAction.Prepare)]
    public Task<IActionResult> OnPostTimersAsync()
    {
        // One number field per panel step, named "minuten-<key>"; text that is not a whole number gets a Dutch message.
        var minutes = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var (name, value) in Request.Form)
        {
            if (!name.StartsWith(TimerFieldPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var text = value.ToString().Trim();
            if (text.Length == 0)
            {
                minutes[name[TimerFieldPrefix.Length..]] = null;
            }
            else if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                minutes[name[TimerFieldPrefix.Length..]] = number;
            }
            else
            {
                return ChangeAsync(() => throw new WorkshopRuleException(Messages.PlanTimerNotNumber, name[TimerFieldPrefix.Length..]), TimerFieldPrefix, "", "");
            }
        }

        return ChangeAsync(() => Workshop.SetTimers(Edition, minutes), TimerFieldPrefix, Texts.Prepare.Saved, "#tijden-titel");
    }

    public const string TimerFieldPrefix = "minuten-";

    /// <summary>
    /// Opens the concept: from now on people join with the code, and the plan is fixed. The facilitator's, not a
    /// beheerder's (<see cref="Beheerder.May"/>): the room opens when whoever runs it is ready.
    /// </summary>
    [Requires(FacilitatorAction.OpenAndClose)]
    public Task<IActionResult> OnPostOpenAsync() =>
        ChangeAsync(Workshop.OpenConcept, "", Texts.Prepare.Opened, "");

    /// <summary>
    /// One change of the plan: the workshop's rule decides; saved and told to the session's open pages, or the page
    /// again with the Dutch message by the field (nothing changed, status 400).
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Action change, string fieldPrefix, string saved, string anchor)
    {
        try
        {
            change();
            await db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            var key = fieldPrefix switch
            {
                nameof(Own) when e.Field is not null => $"{nameof(Own)}.{e.Field}",
                nameof(Introduction) => nameof(Introduction),
                TimerFieldPrefix when e.Field is not null => TimerFieldPrefix + e.Field,
                _ => "",
            };
            ModelState.AddModelError(key, e.Message);

            // What the page shows comes from the stored workshop, not from the refused change.
            await db.Entry(Workshop).ReloadAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await events.PublishAsync(Workshop.Id, WorkshopEvent.Status);
        TempData["Saved"] = saved;
        return Redirect(Access.Here + anchor);
    }
}

/// <summary>The form for one own question of the gemeente.</summary>
public sealed class OwnQuestionInput
{
    public string? Title { get; set; }
    public string? Question { get; set; }
}
