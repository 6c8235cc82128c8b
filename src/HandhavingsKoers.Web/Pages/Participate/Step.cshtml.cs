using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages.Participate;

/// <summary>A participant's page: the room's current step (or an earlier one), the room's notes, their own writing.</summary>
public sealed class StepModel(AppDbContext db, EditionCatalog editions, TimeProvider clock, IWorkshopEvents events) : StepPageModel(db, editions, clock, events)
{
    public Participant Participant { get; private set; } = null!;

    [BindProperty]
    public List<string?> Actions { get; set; } = [];

    public override string PagePath => $"/w/{Workshop.Id}/stap";

    protected override async Task<(IActionResult?, Actor?)> AuthorizeAsync(Workshop workshop)
    {
        var participant = await WorkshopAccess.FindParticipantAsync(Db, HttpContext, workshop.Id);
        if (participant is null)
        {
            return (this.Refuse(StatusCodes.Status403Forbidden, Messages.NotParticipant), null);
        }

        Participant = participant;
        return (null, Actor.Participant(participant.Id));
    }

    protected override bool MaySee(Step step) => Workshop.ParticipantsMaySee(step, Edition);

    protected override async Task LoadViewAsync()
    {
        await base.LoadViewAsync();
        if (Step.Kind == StepKind.Actions && Actions.Count == 0)
        {
            Actions = await Db.ParticipantActions.AsNoTracking()
                .Where(a => a.ParticipantId == Participant.Id)
                .OrderBy(a => a.Position)
                .Select(a => (string?)a.Text)
                .ToListAsync();
        }
    }

    public async Task<IActionResult> OnPostSaveActionsAsync(Guid id)
    {
        var refusal = await LoadAsync(id, StepSequence.ActionsKey);
        if (refusal is not null)
        {
            return refusal;
        }

        await Db.Entry(Participant).Collection(p => p.Actions).LoadAsync();
        try
        {
            Participant.SetActions(Actions, Clock.GetUtcNow().UtcDateTime);
            await Db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync(FirstBadAction(), e.Message);
        }

        TempData["Saved"] = Texts.Participant.ActionsSaved;
        Events.Publish(Workshop.Id, WorkshopEvent.Notes, Step.Key);
        return Redirect(StepUrl(Step));
    }

    /// <summary>Gives, changes or (with an empty value) takes back this participant's score on the step.</summary>
    public async Task<IActionResult> OnPostScoreAsync(Guid id, string? step, int? score, bool remove = false)
    {
        var refusal = await LoadAsync(id, step);
        if (refusal is not null)
        {
            return refusal;
        }

        await Db.Entry(Participant).Collection(p => p.Scores).LoadAsync();
        try
        {
            if (score is null && !remove)
            {
                throw new WorkshopRuleException(Messages.ScoreOutOfRange);
            }

            Participant.SetScore(Edition, Step, remove ? null : score, Clock.GetUtcNow().UtcDateTime);
            await Db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync(FormIds.Score, e.Message);
        }

        if (!FromScript)
        {
            TempData["Saved"] = remove ? Texts.Scores.Removed : Texts.Scores.Saved;
        }

        return await ChangedAsync(WorkshopEvent.Scores, StepUrl(Step) + $"#{FormIds.Score}");
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? step, string? displayName)
    {
        var refusal = await LoadAsync(id, step);
        if (refusal is not null)
        {
            return refusal;
        }

        try
        {
            Participant.Rename(displayName);
            await Db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync("displayName", e.Message);
        }

        return Redirect(StepUrl(Step));
    }

    /// <summary>The field to point the error at: the first one that breaks a rule.</summary>
    private string FirstBadAction()
    {
        for (var i = 0; i < Math.Min(Actions.Count, Participant.MaxActions); i++)
        {
            try
            {
                if (!string.IsNullOrWhiteSpace(Actions[i]))
                {
                    TextRules.ActionText(Actions[i]);
                }
            }
            catch (WorkshopRuleException)
            {
                return FormIds.Action(i + 1);
            }
        }

        return FormIds.Action(1);
    }
}
