using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Workshops;
using HandhavingsKoers.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Pages.Participate;

/// <summary>A participant's page: the room's current step (or an earlier one), the room's notes, their own writing.</summary>
public sealed class StepModel(AppDbContext db, EditionCatalog editions, TimeProvider clock, IWorkshopEvents events, IOptions<SecurityOptions> security)
    : StepPageModel(db, editions, clock, events, security)
{
    public Participant Participant { get; private set; } = null!;

    /// <summary>The three actions as posted; empty on a plain visit, when the stored ones are shown.</summary>
    [BindProperty]
    public List<string?> Actions { get; set; } = [];

    /// <summary>What the action fields hold: what was just posted (after a refusal), otherwise what is stored.</summary>
    public IReadOnlyList<string?> ActionsShown => Actions.Count > 0 ? Actions : [.. View.MyActions];

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

    [OnStep(StepSequence.ActionsKey)]
    public async Task<IActionResult> OnPostSaveActionsAsync()
    {
        await Db.Entry(Participant).Collection(p => p.Actions).LoadAsync();
        try
        {
            Participant.SetActions(Actions, Clock.GetUtcNow().UtcDateTime);
            await Db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            // The rule names the action it is about ("Actions[1]"); its field on the page has an id of its own.
            var position = Enumerable.Range(0, Participant.MaxActions).FirstOrDefault(i => Participant.ActionField(i) == e.Field);
            return await ShowAgainAsync(FormIds.Action(position + 1), e.Message);
        }

        TempData["Saved"] = Texts.Participant.ActionsSaved;
        await Events.PublishAsync(Workshop.Id, WorkshopEvent.Notes, Step.Key);
        return Redirect(StepUrl(Step));
    }

    /// <summary>Gives, changes or (with an empty value) takes back this participant's score on the step.</summary>
    public async Task<IActionResult> OnPostScoreAsync(int? score, bool remove = false)
    {
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

        return await ChangedAsync(WorkshopEvent.Scores, $"#{FormIds.Score}", countsOnly: true);
    }

    public async Task<IActionResult> OnPostRenameAsync(string? displayName)
    {
        try
        {
            Participant.Rename(displayName);
            await Db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync(nameof(displayName), e.Message);
        }

        return Redirect(StepUrl(Step));
    }
}
