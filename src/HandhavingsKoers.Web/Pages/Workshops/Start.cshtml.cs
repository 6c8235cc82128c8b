using System.ComponentModel.DataAnnotations;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Pages.Workshops;

public sealed class StartModel(AppDbContext db, EditionCatalog editions, TimeProvider clock, IOptions<SiteOptions> site) : PageModel
{
    /// <summary>With <c>Site:OpenStart=false</c> only a gemeente's beheerders start sessions; this page says so.</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (!site.Value.OpenStart)
        {
            context.Result = this.Refuse(StatusCodes.Status403Forbidden, Messages.StartClosed);
        }
    }

    public const string NewKeyTempDataKey = "NieuweBegeleidersleutel";

    [BindProperty]
    public StartInput Input { get; set; } = new();

    public IReadOnlyList<Edition> Editions => editions.All;

    public void OnGet()
    {
        Input.Date = Texts.DutchDate(clock.GetUtcNow().UtcDateTime);
        Input.EditionKey = editions.All[0].Key;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var edition = editions.Find(Input.EditionKey);
        if (edition is null)
        {
            ModelState.AddModelError("Input.EditionKey", Messages.EditionUnknown);
        }

        // The workshop's own rules, each field on its own so that every mistake shows at once.
        Check(() => Workshop.CheckGemeente(Input.Gemeente));
        Check(() => Workshop.CheckTitle(Input.Title));
        if (!ModelState.IsValid || edition is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var key = SecretToken.New();
        var workshop = Workshop.Start(Input.Gemeente, Input.Title, Input.Date!.Value, edition,
            await UnusedJoinCodeAsync(db), SecretToken.Hash(key), clock.GetUtcNow().UtcDateTime);
        return await SaveAndOpenAsync(this, db, workshop, key);
    }

    private void Check(Action rule) => CheckRule(ModelState, rule);

    /// <summary>Runs one of the workshop's rules and puts its message beside the field it names (<c>Input.*</c>).</summary>
    internal static void CheckRule(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, Action rule)
    {
        try
        {
            rule();
        }
        catch (WorkshopRuleException e)
        {
            modelState.AddModelError(e.Field is null ? "" : $"{nameof(Input)}.{e.Field}", e.Message);
        }
    }

    /// <summary>Stores a new workshop and takes its facilitator to it (used by the start and the follow-up page).</summary>
    internal static async Task<IActionResult> SaveAndOpenAsync(PageModel page, AppDbContext db, Workshop workshop, string key)
    {
        db.Workshops.Add(workshop);
        await db.SaveChangesAsync();

        // The key is shown once on the facilitator page so it can be saved; after that only its hash exists.
        WorkshopAccess.RememberFacilitator(page.HttpContext, workshop.Id, key);
        page.TempData[NewKeyTempDataKey] = key;
        return new RedirectResult(Routes.FacilitatorStep(workshop.Id));
    }

    /// <summary>31^6 ≈ 887 million codes; a clash is rare, and the unique index catches a race.</summary>
    internal static async Task<string> UnusedJoinCodeAsync(AppDbContext db)
    {
        while (true)
        {
            var code = JoinCode.New();
            if (!await db.Workshops.AnyAsync(w => w.JoinCode == code))
            {
                return code;
            }
        }
    }

    public sealed class StartInput
    {
        /// <summary>Checked by <see cref="Workshop.CheckGemeente"/>.</summary>
        public string? Gemeente { get; set; }

        /// <summary>Checked by <see cref="Workshop.CheckTitle"/>.</summary>
        public string? Title { get; set; }

        [Required(ErrorMessage = Messages.DateRequired)]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = Messages.EditionUnknown)]
        public string? EditionKey { get; set; }
    }
}
