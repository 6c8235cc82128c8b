using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages.Join;

public sealed class IndexModel(AppDbContext db, TimeProvider clock, IWorkshopEvents events) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    /// <summary>Set when the code came from a join link or the home page, so the page can say so.</summary>
    public bool CodeGiven { get; private set; }

    public void OnGet(string? code)
    {
        // A join link (/doemee/ABC123) or the home page's form (?code=) fills the code in.
        Code = code ?? Request.Query["code"];
        CodeGiven = !string.IsNullOrWhiteSpace(Code);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var code = JoinCode.Normalize(Code);
        var workshop = code is null ? null : await db.Workshops.SingleOrDefaultAsync(w => w.JoinCode == code);
        var error = string.IsNullOrWhiteSpace(Code) ? Messages.JoinCodeMissing
            : code is null ? Messages.JoinCodeMalformed
            : workshop is null || workshop.IsClosed ? Messages.JoinCodeUnknown
            : null;
        if (error is not null)
        {
            return Refused(nameof(Code), error);
        }

        // Joining twice from the same browser keeps the same participant (and their notes).
        var existing = await WorkshopAccess.FindParticipantAsync(db, HttpContext, workshop!.Id);
        try
        {
            if (existing is not null)
            {
                existing.Rename(DisplayName);
            }
            else
            {
                var token = SecretToken.New();
                workshop.Join(DisplayName, SecretToken.Hash(token), clock.GetUtcNow().UtcDateTime);
                WorkshopAccess.RememberParticipant(HttpContext, workshop.Id, token);
            }
        }
        catch (WorkshopRuleException e)
        {
            return Refused(e.Field == nameof(Code) ? nameof(Code) : nameof(DisplayName), e.Message);
        }

        await db.SaveChangesAsync();
        await events.PublishAsync(workshop.Id, WorkshopEvent.Participants);
        return Redirect(Routes.ParticipantStep(workshop.Id));
    }

    private PageResult Refused(string field, string message)
    {
        ModelState.AddModelError(field, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
