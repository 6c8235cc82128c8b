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

    /// <summary>This browser already takes part in the workshop of the code: the form shows the name it has now.</summary>
    public bool AlreadyIn { get; private set; }

    public string Lead => AlreadyIn ? Texts.Join.LeadAlreadyIn : CodeGiven ? Texts.Join.LeadWithCode : Texts.Join.Lead;

    public async Task OnGetAsync(string? code)
    {
        // A join link (/doemee/ABC123) or the home page's form (?code=) fills the code in.
        Code = code ?? Request.Query["code"];
        CodeGiven = !string.IsNullOrWhiteSpace(Code);

        // Someone who scans the QR code again, or opens the link on the same phone, sees the name they joined with:
        // pressing "Meedoen" again must not make them anonymous (the name field would otherwise be empty).
        if (JoinCode.Normalize(Code) is { } normalized
            && await db.Workshops.Where(w => w.JoinCode == normalized).Select(w => (Guid?)w.Id).SingleOrDefaultAsync() is { } id
            && await WorkshopAccess.FindParticipantAsync(db, HttpContext, id) is { } participant)
        {
            AlreadyIn = true;
            DisplayName = participant.DisplayName;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var code = JoinCode.Normalize(Code);
        var workshop = code is null ? null : await db.Workshops.SingleOrDefaultAsync(w => w.JoinCode == code);

        // Joining twice from the same browser keeps the same participant (and their notes). Someone who took part
        // may come back after closing too: to their own page, which shows the summary; nothing changes then.
        var existing = workshop is null ? null : await WorkshopAccess.FindParticipantAsync(db, HttpContext, workshop.Id);
        if (existing is not null && workshop!.IsClosed)
        {
            return Redirect(Routes.ParticipantStep(workshop.Id));
        }

        var error = string.IsNullOrWhiteSpace(Code) ? Messages.JoinCodeMissing
            : code is null ? (JoinCode.HasLeftOut(Code) ? Messages.JoinCodeLeftOut : Messages.JoinCodeMalformed)
            : workshop is null || workshop.IsClosed ? Messages.JoinCodeUnknown
            : null;
        if (error is not null)
        {
            return Refused(nameof(Code), error);
        }

        try
        {
            if (existing is not null)
            {
                existing.Rename(DisplayName);
            }
            else
            {
                var token = SecretToken.New();
                workshop!.Join(DisplayName, SecretToken.Hash(token), clock.GetUtcNow().UtcDateTime);
                WorkshopAccess.RememberParticipant(HttpContext, workshop.Id, token);
            }
        }
        catch (WorkshopRuleException e)
        {
            AlreadyIn = existing is not null;
            return Refused(e.Field == nameof(Code) ? nameof(Code) : nameof(DisplayName), e.Message);
        }

        await db.SaveChangesAsync();
        await events.PublishAsync(workshop!.Id, WorkshopEvent.Participants);
        return Redirect(Routes.ParticipantStep(workshop.Id));
    }

    private PageResult Refused(string field, string message)
    {
        ModelState.AddModelError(field, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
