using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages.Conclude;

/// <summary>
/// "Verslag afronden": after closing, the facilitator writes a conclusion and chooses kernpunten per principle, and a
/// bestuurlijke samenvatting; and makes or revokes the public link. Without script one form saves everything; with
/// it, each part is saved as it is typed (<c>wwwroot/js/conclude.js</c>), version-checked against other tabs.
/// </summary>
public sealed class IndexModel(AppDbContext db, EditionCatalog editions, TimeProvider clock, PublicAddress publicAddress) : PageModel
{
    /// <summary>Who runs the room here; the page shows only the forms this role may use.</summary>
    public Actor Actor { get; private set; } = null!;

    public Workshop Workshop { get; private set; } = null!;
    public Edition Edition { get; private set; } = null!;

    /// <summary>What the page shows per principle; read after the handler ran.</summary>
    public IReadOnlyList<PanelDraft> Drafts { get; private set; } = [];

    public Publication? Publication { get; private set; }

    /// <summary>Whether visitors of the link get the report now (not while the workshop is reopened).</summary>
    public bool IsPublic { get; private set; }

    /// <summary>The public link when this browser made it (only its hash is stored).</summary>
    public string? PublicLink { get; private set; }

    /// <summary>Per principle (step key): the conclusion, the chosen notes and the version the page showed.</summary>
    [BindProperty]
    public Dictionary<string, ConclusionInput> Panels { get; set; } = [];

    [BindProperty]
    public string? Summary { get; set; }

    /// <summary>Set when the form carries the samenvatting (the script sends one part at a time).</summary>
    [BindProperty]
    public int? SummaryVersion { get; set; }

    [BindProperty]
    public string? EndsOn { get; set; }

    /// <summary>A principle's conclusion field: its own id, so its error finds it among the others.</summary>
    public FieldModel ConclusionField(PanelDraft draft) => new(ModelState, $"Panels[{draft.Key}].Conclusion",
        Texts.Format(Texts.Conclude.ConclusionLabel, draft.Title), draft.Conclusion, Texts.Format(Texts.Conclude.ConclusionHint, PanelConclusion.MaxLength),
        PanelConclusion.MaxLength, Multiline: true, Id: FormIds.Conclusion(draft.Key));

    public FieldModel EndsOnField => new(ModelState, nameof(EndsOn), Texts.Publish.EndsOnLabel, EndsOn, Texts.Publish.EndsOnHint, Type: "date",
        Id: FormIds.PublicationEndsOn);

    private bool FromScript => Request.Headers["X-Requested-With"] == "fetch";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The load-and-refuse step of every handler: unknown workshop, not the facilitator, malformed post.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var id = Guid.Parse((string)context.RouteData.Values["id"]!);
        var workshop = await db.Workshops.Include(w => w.StepStates).Include(w => w.Publications)
            .Include(w => w.Conclusions).ThenInclude(c => c.KeyPoints)
            .AsSplitQuery().SingleOrDefaultAsync(w => w.Id == id);
        if (workshop is null)
        {
            context.Result = this.Refuse(StatusCodes.Status404NotFound, Messages.WorkshopNotFound);
            return;
        }

        var (refusal, actor) = await this.AuthorizeAsync(db, workshop, FacilitatorPages.ActionOf(context));
        if (refusal is not null)
        {
            context.Result = refusal;
            return;
        }

        Actor = actor!;

        if (HttpMethods.IsPost(Request.Method) && !ModelState.IsValid)
        {
            // A value of the wrong kind (a kernpunt that is not an id, a version that is not a number): refuse, store nothing.
            ModelState.Clear();
            context.Result = FromScript ? Problem(StatusCodes.Status400BadRequest, Messages.BadRequest) : this.Refuse(StatusCodes.Status400BadRequest, Messages.BadRequest);
            return;
        }

        Workshop = workshop;
        Edition = editions.For(workshop);
        await next();
    }

    [Requires(FacilitatorAction.Conclude)]
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadViewAsync(keepTyped: false);
        return Page();
    }

    /// <summary>
    /// Saves the parts the form carries: every principle and the samenvatting from the plain form, one part from the
    /// script. All or nothing: a broken rule in one part saves none.
    /// </summary>
    [Requires(FacilitatorAction.Conclude)]
    public async Task<IActionResult> OnPostSaveAsync()
    {
        try
        {
            // The binder leaves an entry without a value for a name that only looks like a key; such a part was not sent.
            var parts = Panels.Where(p => p.Value is not null).ToList();
            var chosen = parts.SelectMany(p => p.Value.KeyPoints ?? []).Distinct().Take(Edition.Panels.Count() * (PanelConclusion.MaxKeyPoints + 1)).ToList();
            var notes = await db.Notes.Where(n => chosen.Contains(n.Id)).ToListAsync();
            foreach (var (stepKey, input) in parts)
            {
                try
                {
                    Workshop.Conclude(Edition, stepKey, input.Conclusion, input.KeyPoints ?? [], notes, input.Version, Now);
                }
                catch (WorkshopRuleException e)
                {
                    throw new PartException(e, e.Field == nameof(PanelConclusion.KeyPoints) ? FormIds.KeyPoints(stepKey) : FormIds.Conclusion(stepKey));
                }
            }

            var summaryRead = Workshop.ExecutiveSummaryVersion;
            if (SummaryVersion is not null)
            {
                try
                {
                    Workshop.WriteExecutiveSummary(Summary, SummaryVersion);
                }
                catch (WorkshopRuleException e)
                {
                    throw new PartException(e, FormIds.ExecutiveSummary);
                }
            }

            await SaveAsync(summaryRead);
        }
        catch (PartException e)
        {
            return await RefusedAsync(e.Key, e.Rule);
        }
        catch (DbUpdateException)
        {
            // Another save came in between our read and our write (a changed version, or two first saves of one
            // principle, whose key is the workshop's and the principle's): the same answer as a version that does not match.
            return await RefusedAsync("", new ConclusionConflictException(null, null, ""));
        }

        if (FromScript)
        {
            return new JsonResult(new SaveAnswer(
                Texts.Format(Texts.Conclude.SavedAt, Texts.Time(Now)),
                Workshop.Conclusions.ToDictionary(c => c.StepKey, c => c.Version),
                Workshop.ExecutiveSummaryVersion));
        }

        TempData["Saved"] = Texts.Conclude.Saved;
        return Redirect(Routes.Conclude(Workshop.Id));
    }

    /// <summary>
    /// Saves the conclusions, and the samenvatting only if its version is still <paramref name="summaryRead"/>: one
    /// transaction, the samenvatting as an update conditional on its own version column. A concurrency token on the
    /// workshop row instead would also fail a reopen or a step move that saves the row meanwhile (with a 500).
    /// </summary>
    private async Task SaveAsync(int summaryRead)
    {
        var entry = db.Entry(Workshop);
        var summary = entry.Property(w => w.ExecutiveSummary);
        var version = entry.Property(w => w.ExecutiveSummaryVersion);
        var (text, next) = (Workshop.ExecutiveSummary, Workshop.ExecutiveSummaryVersion);
        if (next == summaryRead)
        {
            await db.SaveChangesAsync();
            return;
        }

        // Not in the ordinary save of the row: written below, if nobody else wrote it since this request read it.
        summary.OriginalValue = text;
        version.OriginalValue = next;
        summary.IsModified = false;
        version.IsModified = false;

        await using var transaction = await db.BeginWriteAsync();
        await db.SaveChangesAsync();
        var saved = await db.Workshops.Where(w => w.Id == Workshop.Id && w.ExecutiveSummaryVersion == summaryRead)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.ExecutiveSummary, text).SetProperty(w => w.ExecutiveSummaryVersion, next));
        if (saved == 0)
        {
            // Another tab saved it between our read and our write; the transaction is rolled back, conclusions included.
            throw new DbUpdateConcurrencyException(Messages.ConclusionConflict("", text ?? ""));
        }

        await transaction.CommitAsync();
    }

    [Requires(FacilitatorAction.Publish)]
    public async Task<IActionResult> OnPostPublishAsync()
    {
        var token = SecretToken.New();
        try
        {
            var made = Workshop.Publish(SecretToken.Hash(token), ParseDate(EndsOn), publicAddress.BaseFor(Request), Now);
            await db.SaveChangesAsync();

            // A double click: both posts saw no link and both made one. The first one made stays; this one goes.
            var notRevoked = await db.Publications.Where(p => p.WorkshopId == Workshop.Id && p.RevokedAt == null).ToListAsync();
            var first = notRevoked.Where(p => p.IsActive(Now)).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).First();
            if (first != made)
            {
                made.Revoke(Now);
                await db.SaveChangesAsync();
                throw new WorkshopRuleException(Messages.AlreadyPublished);
            }
        }
        catch (WorkshopRuleException e)
        {
            return await RefusedAsync(e.Field == nameof(Publication.EndsOn) ? FormIds.PublicationEndsOn : "", e);
        }

        WorkshopAccess.RememberPublicLink(HttpContext, Workshop.Id, token);
        TempData["Saved"] = Texts.Publish.Made;
        return Redirect(Routes.Conclude(Workshop.Id) + "#" + FormIds.PublishHeading);
    }

    [Requires(FacilitatorAction.Publish)]
    public async Task<IActionResult> OnPostRevokeAsync()
    {
        try
        {
            Workshop.RevokePublication(Now);
            await db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await RefusedAsync("", e);
        }

        WorkshopAccess.ForgetPublicLink(HttpContext, Workshop.Id);
        TempData["Saved"] = Texts.Publish.Revoked;
        return Redirect(Routes.Conclude(Workshop.Id) + "#" + FormIds.PublishHeading);
    }

    /// <summary>
    /// Nothing was stored: the script gets the message (409 when someone saved newer text meanwhile); the plain form
    /// shows the page again with the message by its field and what was typed, except in a part that changed meanwhile,
    /// which shows what is stored now (the message holds what the user wrote).
    /// </summary>
    private async Task<IActionResult> RefusedAsync(string key, WorkshopRuleException rule)
    {
        var status = rule is ConclusionConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        if (FromScript)
        {
            return Problem(status, rule.Message);
        }

        if (rule is ConclusionConflictException)
        {
            if (key == FormIds.ExecutiveSummary)
            {
                SummaryVersion = null;
            }
            else
            {
                Panels.Remove(Panels.Keys.FirstOrDefault(k => FormIds.Conclusion(k) == key) ?? "");
            }
        }

        ModelState.AddModelError(key, rule.Message);
        await LoadViewAsync(keepTyped: true);
        Response.StatusCode = status;
        return Page();
    }

    private ContentResult Problem(int status, string message)
    {
        Response.StatusCode = status;
        return Content(message, "text/plain; charset=utf-8");
    }

    /// <summary>What the page shows, read fresh (a refused save changed nothing); after a refusal, with what was typed.</summary>
    private async Task LoadViewAsync(bool keepTyped)
    {
        db.ChangeTracker.Clear();
        var workshopId = Workshop.Id;
        var stored = await db.PanelConclusions.AsNoTracking().Where(c => c.WorkshopId == workshopId)
            .Select(c => new { c.StepKey, c.Text, c.Version, KeyPoints = c.KeyPoints.OrderBy(k => k.Position).Select(k => k.NoteId).ToList() })
            .ToDictionaryAsync(c => c.StepKey);
        var summary = await db.Workshops.AsNoTracking().Where(w => w.Id == workshopId)
            .Select(w => new { w.ExecutiveSummary, w.ExecutiveSummaryVersion }).SingleAsync();
        var panelKeys = Edition.Panels.Select(p => p.Key).ToList();
        // A note merged into another is offered as that merged note only: choosing an original as well would put the
        // same point twice in the report (the originals are shown under the merged note there).
        var notes = (await db.Notes.AsNoTracking().Where(n => n.WorkshopId == workshopId && panelKeys.Contains(n.StepKey) && n.MergedIntoId == null)
            .OrderBy(n => n.CreatedAt).Select(n => new ChoosableNote(n.Id, n.StepKey, n.Column, n.Text)).ToListAsync())
            .ToLookup(n => n.StepKey);

        Drafts = Edition.Panels.Select(panel =>
        {
            var saved = stored.GetValueOrDefault(panel.Key);
            var typed = keepTyped ? Panels.GetValueOrDefault(panel.Key) : null;
            return new PanelDraft(panel.Key, panel.Title,
                typed is null ? saved?.Text : typed.Conclusion,
                typed is null ? saved?.KeyPoints ?? [] : typed.KeyPoints ?? [],
                typed?.Version ?? saved?.Version ?? 0,
                notes[panel.Key].ToList());
        }).ToList();
        if (!keepTyped || SummaryVersion is null)
        {
            Summary = summary.ExecutiveSummary;
            SummaryVersion = summary.ExecutiveSummaryVersion;
        }

        var notRevoked = await db.Publications.AsNoTracking().Where(p => p.WorkshopId == workshopId && p.RevokedAt == null).ToListAsync();
        Publication = notRevoked.FirstOrDefault(p => p.IsActive(Now));
        IsPublic = Publication is not null && Workshop.IsPublishedBy(Publication, Now);
        var token = WorkshopAccess.PublicLinkToken(HttpContext, workshopId, Publication);
        PublicLink = token is null ? null : publicAddress.PublicReportUrl(Request, token);
    }

    /// <summary>A last day typed the Dutch way (31-3-2027) or from a date picker; null when left empty.</summary>
    private static DateOnly? ParseDate(string? text) => string.IsNullOrWhiteSpace(text)
        ? null
        : DateOnly.TryParseExact(text.Trim(), DateFormats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw new WorkshopRuleException(Messages.PublicationEndFormat, nameof(Publication.EndsOn));

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy", "d.M.yyyy"];

    /// <summary>A broken rule in one part of the form, with the form field it belongs to.</summary>
    private sealed class PartException(WorkshopRuleException rule, string key) : Exception(rule.Message)
    {
        public WorkshopRuleException Rule { get; } = rule;
        public string Key { get; } = key;
    }
}

/// <summary>One principle's part of the form.</summary>
public sealed class ConclusionInput
{
    public string? Conclusion { get; set; }
    public List<Guid>? KeyPoints { get; set; }

    /// <summary>The version the page showed.</summary>
    public int? Version { get; set; }
}

/// <summary>The answer to the script's save: the status line and each part's new version.</summary>
public sealed record SaveAnswer(string Message, IReadOnlyDictionary<string, int> Versions, int SummaryVersion);

/// <summary>A note the facilitator can choose as a kernpunt.</summary>
public sealed record ChoosableNote(Guid Id, string StepKey, NoteColumn Column, string Text);

/// <summary>What the page shows for one principle: the conclusion and kernpunten (stored, or as typed), and its notes.</summary>
public sealed record PanelDraft(string Key, string Title, string? Conclusion, IReadOnlyList<Guid> KeyPoints, int Version, IReadOnlyList<ChoosableNote> Notes);
