using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Gemeenten;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Pages.Workshops;
using HandhavingsKoers.Web.Theme;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages.Gemeente;

/// <summary>
/// A gemeente's own page, for its beheerders: the sessions and their chains, starting a session, re-issuing or
/// revoking a facilitator link, inviting and revoking beheerders. Who may be here is settled once, before any handler
/// (<see cref="OnPageHandlerExecutionAsync"/>); every query then goes through <see cref="Beheerder"/>, so nothing of
/// another gemeente is read or changed.
/// </summary>
public sealed partial class IndexModel(AppDbContext db, EditionCatalog editions, TimeProvider clock, PublicAddress publicAddress, ThemeCatalog themes, IWorkshopEvents events, ILogger<IndexModel> logger)
    : PageModel
{
    private const string NewFacilitatorLinkKey = "NieuweBegeleiderslink";
    private const string NewBeheerderLinkKey = "NieuweBeheerderslink";

    /// <summary>The beheerder link carries its key here once; it moves into a cookie at once (as the facilitator's does).</summary>
    [BindProperty(SupportsGet = true, Name = Routes.FacilitatorKeyParameter)]
    public string? Key { get; set; }

    [BindProperty]
    public StartInput Input { get; set; } = new();

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    /// <summary>The theme chosen in the theme form: a key of <see cref="ThemeCatalog"/>, or empty for the installation's.</summary>
    [BindProperty]
    public string? ThemeKey { get; set; }

    /// <summary>The themes this installation offers its gemeenten; none: the page has no theme form.</summary>
    public IReadOnlyList<ThemeChoice> Themes => themes.All;

    public Gemeenten.Gemeente Gemeente { get; private set; } = null!;

    public Beheerder Beheerder { get; private set; } = null!;

    public IReadOnlyList<Edition> Editions => editions.All;

    public IReadOnlyList<SessionChain> Chains { get; private set; } = [];

    public IReadOnlyList<BeheerderLinkRow> Links { get; private set; } = [];

    /// <summary>A facilitator link made just now (shown once): the session it opens and the link.</summary>
    public (SessionRow Session, string Link)? NewFacilitatorLink { get; private set; }

    /// <summary>A beheerder link made just now (shown once).</summary>
    public string? NewBeheerderLink { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var refusal = await AuthorizeAsync(Guid.Parse((string)context.RouteData.Values["id"]!));
        if (refusal is not null)
        {
            context.Result = refusal;
            return;
        }

        await next();
    }

    private async Task<IActionResult?> AuthorizeAsync(Guid id)
    {
        var gemeente = await db.Gemeenten.Include(g => g.BeheerderLinks).SingleOrDefaultAsync(g => g.Id == id);
        if (gemeente is null)
        {
            return this.Refuse(StatusCodes.Status404NotFound, Messages.GemeenteNotFound);
        }

        if (Key is not null && HttpMethods.IsGet(Request.Method))
        {
            var fromLink = await GemeenteAccess.FindAsync(db, HttpContext, id, Key);
            if (fromLink.Beheerder is null)
            {
                return this.Refuse(StatusCodes.Status403Forbidden, fromLink.Revoked ? Messages.BeheerderLinkRevoked : Messages.BeheerderLinkWrong);
            }

            GemeenteAccess.Remember(HttpContext, id, Key);
            return Redirect(Request.Path);
        }

        var found = await GemeenteAccess.FindAsync(db, HttpContext, id);
        if (found.Beheerder is null)
        {
            return this.Refuse(StatusCodes.Status403Forbidden, found.Revoked ? Messages.BeheerderLinkRevoked : Messages.NotBeheerder);
        }

        Gemeente = gemeente;
        Beheerder = found.Beheerder;
        return null;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        Input.Date = Texts.DutchDate(clock.GetUtcNow().UtcDateTime);
        Input.EditionKey = editions.All[0].Key;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        // Checked here, not by attributes: the page's other forms bind the same properties and must not fail on them.
        var edition = editions.Find(Input.EditionKey);
        if (edition is null)
        {
            ModelState.AddModelError("Input.EditionKey", Messages.EditionUnknown);
        }

        if (Input.Date is null && ModelState["Input.Date"] is not { Errors.Count: > 0 })
        {
            ModelState.AddModelError("Input.Date", Messages.DateRequired);
        }

        StartModel.CheckRule(ModelState, () => Workshop.CheckTitle(Input.Title));
        if (!ModelState.IsValid || edition is null)
        {
            return await ShowAsync(StatusCodes.Status400BadRequest);
        }

        var key = SecretToken.New();
        var workshop = Workshop.StartFor(Gemeente, Input.Title, Input.Date!.Value, edition,
            await StartModel.UnusedJoinCodeAsync(db), SecretToken.Hash(key), clock.GetUtcNow().UtcDateTime, Input.Concept);
        db.Workshops.Add(workshop);
        await db.SaveChangesAsync();
        TempData[NewFacilitatorLinkKey] = $"{workshop.Id}|{key}";
        TempData["Saved"] = Texts.Gemeente.Started;
        return Redirect(Routes.Gemeente(Gemeente.Id) + "#nieuwe-link");
    }

    public async Task<IActionResult> OnPostReissueAsync(Guid session)
    {
        var workshop = await Beheerder.Sessions(db.Workshops).SingleOrDefaultAsync(w => w.Id == session);
        if (workshop is null)
        {
            return this.Refuse(StatusCodes.Status404NotFound, Messages.SessionNotInGemeente);
        }

        var key = SecretToken.New();
        workshop.ReplaceFacilitatorKey(SecretToken.Hash(key));
        await db.SaveChangesAsync();
        LogFacilitatorLinkReissued(logger, workshop.Id, Gemeente.Id, Beheerder.LinkId);
        TempData[NewFacilitatorLinkKey] = $"{workshop.Id}|{key}";
        return Redirect(Routes.Gemeente(Gemeente.Id) + "#nieuwe-link");
    }

    public async Task<IActionResult> OnPostRevokeFacilitatorAsync(Guid session)
    {
        var workshop = await Beheerder.Sessions(db.Workshops).SingleOrDefaultAsync(w => w.Id == session);
        if (workshop is null)
        {
            return this.Refuse(StatusCodes.Status404NotFound, Messages.SessionNotInGemeente);
        }

        await db.Entry(workshop).Collection(w => w.FacilitatorLinks).LoadAsync();
        workshop.RevokeFacilitatorKey(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        LogFacilitatorLinkRevoked(logger, workshop.Id, Gemeente.Id, Beheerder.LinkId);

        // Open facilitator streams (co-facilitators' and notulists' too) hear it and end.
        await events.PublishAsync(workshop.Id, WorkshopEvent.Links);
        TempData["Saved"] = Texts.Format(Texts.Gemeente.FacilitatorRevoked, workshop.Title);
        return Redirect(Routes.Gemeente(Gemeente.Id) + "#sessies-titel");
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        var key = SecretToken.New();
        try
        {
            Gemeente.IssueBeheerderLink(Invite.ForWhom, SecretToken.Hash(key), clock.GetUtcNow().UtcDateTime);
        }
        catch (WorkshopRuleException e)
        {
            ModelState.AddModelError("Invite.ForWhom", e.Message);
            return await ShowAsync(StatusCodes.Status400BadRequest);
        }

        await db.SaveChangesAsync();
        LogBeheerderLinkIssued(logger, Gemeente.Id, Beheerder.LinkId);
        TempData[NewBeheerderLinkKey] = key;
        return Redirect(Routes.Gemeente(Gemeente.Id) + "#nieuwe-beheerderslink-titel");
    }

    public async Task<IActionResult> OnPostRevokeLinkAsync(Guid link)
    {
        // The links loaded with the gemeente are its own only: another gemeente's link id is simply not found.
        if (!Gemeente.BeheerderLinks.Any(l => l.Id == link && l.IsActive))
        {
            return this.Refuse(StatusCodes.Status404NotFound, Messages.BeheerderLinkNotFound);
        }

        try
        {
            Gemeente.RevokeBeheerderLink(link, clock.GetUtcNow().UtcDateTime);
        }
        catch (WorkshopRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return await ShowAsync(StatusCodes.Status400BadRequest);
        }

        await db.SaveChangesAsync();
        LogBeheerderLinkRevoked(logger, link, Gemeente.Id, Beheerder.LinkId);
        if (link == Beheerder.LinkId)
        {
            GemeenteAccess.Forget(HttpContext, Gemeente.Id);
            TempData["Deleted"] = Texts.Gemeente.OwnLinkRevoked;
            return Redirect(Routes.Home);
        }

        TempData["Saved"] = Texts.Gemeente.LinkRevoked;
        return Redirect(Routes.Gemeente(Gemeente.Id) + "#beheerders-titel");
    }

    public async Task<IActionResult> OnPostThemeAsync()
    {
        if (!string.IsNullOrEmpty(ThemeKey) && themes.Find(ThemeKey) is null)
        {
            ModelState.AddModelError(nameof(ThemeKey), Messages.ThemeUnknown);
            return await ShowAsync(StatusCodes.Status400BadRequest);
        }

        Gemeente.ChooseTheme(ThemeKey);
        await db.SaveChangesAsync();
        TempData["Saved"] = Texts.Gemeente.ThemeSaved;
        return Redirect(Routes.Gemeente(Gemeente.Id) + "#huisstijl-titel");
    }

    private async Task<IActionResult> ShowAsync(int status = StatusCodes.Status200OK)
    {
        var sessions = await Beheerder.Sessions(db.Workshops).AsNoTracking()
            .Select(w => new SessionRow(w.Id, w.Title, w.Date, w.EditionKey, w.ClosedAt != null, w.FacilitatorKeyHash.Length > 0, w.PreviousWorkshopId, w.CreatedAt, w.IsConcept))
            .ToListAsync();
        Chains = SessionChain.From(sessions);
        Links = Gemeente.BeheerderLinks.Where(l => l.IsActive).OrderBy(l => l.CreatedAt)
            .Select(l => new BeheerderLinkRow(l.Id, l.ForWhom, l.CreatedAt, l.Id == Beheerder.LinkId)).ToList();

        if (TempData[NewFacilitatorLinkKey] is string made && made.Split('|') is [var id, var key]
            && sessions.FirstOrDefault(s => s.Id.ToString() == id) is { } session)
        {
            NewFacilitatorLink = (session, publicAddress.FacilitatorLink(Request, session.Id, key));
        }

        if (TempData[NewBeheerderLinkKey] is string beheerderKey)
        {
            NewBeheerderLink = publicAddress.BeheerderLink(Request, Gemeente.Id, beheerderKey);
        }

        ThemeKey ??= Gemeente.ThemeKey;
        Response.StatusCode = status;
        return Page();
    }

    public string EditionTitle(string key) => editions.Find(key)?.Title ?? key;

    [LoggerMessage(Level = LogLevel.Information, Message = "Gemeente {GemeenteId}: facilitator link of workshop {WorkshopId} re-issued by beheerder link {LinkId}")]
    private static partial void LogFacilitatorLinkReissued(ILogger logger, Guid workshopId, Guid gemeenteId, Guid linkId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gemeente {GemeenteId}: facilitator link of workshop {WorkshopId} revoked by beheerder link {LinkId}")]
    private static partial void LogFacilitatorLinkRevoked(ILogger logger, Guid workshopId, Guid gemeenteId, Guid linkId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gemeente {GemeenteId}: a beheerder link was issued by beheerder link {LinkId}")]
    private static partial void LogBeheerderLinkIssued(ILogger logger, Guid gemeenteId, Guid linkId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gemeente {GemeenteId}: beheerder link {RevokedLinkId} revoked by beheerder link {LinkId}")]
    private static partial void LogBeheerderLinkRevoked(ILogger logger, Guid revokedLinkId, Guid gemeenteId, Guid linkId);

    public sealed class StartInput
    {
        /// <summary>Checked by <see cref="Workshop.CheckTitle"/>.</summary>
        public string? Title { get; set; }

        public DateOnly? Date { get; set; }

        public string? EditionKey { get; set; }

        /// <summary>Prepared ahead: nobody joins until the facilitator opens it.</summary>
        public bool Concept { get; set; }
    }

    public sealed class InviteInput
    {
        /// <summary>Checked by <see cref="BeheerderLink.CheckForWhom"/>.</summary>
        public string? ForWhom { get; set; }
    }
}

/// <summary>One session in the gemeente's list.</summary>
public sealed record SessionRow(Guid Id, string Title, DateOnly Date, string EditionKey, bool IsClosed, bool HasFacilitatorLink, Guid? PreviousId, DateTime CreatedAt, bool IsConcept = false);

/// <summary>A first session and its follow-ups, oldest first; a follow-up of a deleted session starts a chain of its own.</summary>
public sealed record SessionChain(IReadOnlyList<SessionRow> Sessions)
{
    public SessionRow First => Sessions[0];

    public static IReadOnlyList<SessionChain> From(IReadOnlyList<SessionRow> sessions)
    {
        var byId = sessions.ToDictionary(s => s.Id);
        SessionRow RootOf(SessionRow s)
        {
            var seen = new HashSet<Guid>();
            while (s.PreviousId is { } previous && byId.TryGetValue(previous, out var before) && seen.Add(s.Id))
            {
                s = before;
            }

            return s;
        }

        return sessions.GroupBy(s => RootOf(s).Id)
            .Select(g => new SessionChain(g.OrderBy(s => s.Date).ThenBy(s => s.CreatedAt).ToList()))
            .OrderByDescending(c => c.Sessions[^1].Date).ThenByDescending(c => c.Sessions[^1].CreatedAt)
            .ToList();
    }

    /// <summary>The title of the session this one follows up on, when it is in the list.</summary>
    public string? PreviousTitle(SessionRow session) => Sessions.FirstOrDefault(s => s.Id == session.PreviousId)?.Title;
}

/// <summary>One working beheerder link.</summary>
public sealed record BeheerderLinkRow(Guid Id, string ForWhom, DateTime CreatedAt, bool IsYours)
{
    /// <summary>What the list shows in bold: the name, else whose link it is.</summary>
    public string Label => ForWhom.Length > 0 ? ForWhom : IsYours ? Texts.Gemeente.YoursWithoutName : Texts.Gemeente.ForWhomNone;

    /// <summary>"(uw link)" after your own name; an unnamed own link already says so.</summary>
    public string YoursSuffix => IsYours && ForWhom.Length > 0 ? " " + Texts.Gemeente.You : "";

    public string MadeOn => Texts.Date(CreatedAt);

    /// <summary>The revoke button's name for a screen reader: whose link goes, and for an unnamed one, when it was made.</summary>
    public string RevokeLabel =>
        IsYours ? Texts.Gemeente.RevokeOwnLinkLabel
        : ForWhom.Length > 0 ? Texts.Format(Texts.Gemeente.RevokeLinkLabel, ForWhom)
        : Texts.Format(Texts.Gemeente.RevokeUnnamedLinkLabel, MadeOn, Texts.Time(CreatedAt));
}
