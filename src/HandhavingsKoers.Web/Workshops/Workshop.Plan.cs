using HandhavingsKoers.Web.Content;

namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// Preparing a concept session ahead (decision 0020): its plan may change only while it is a concept. Every method takes
/// the edition as the seeds give it (<see cref="EditionCatalog.Get"/>), not as the plan shapes it.
/// </summary>
public sealed partial class Workshop
{
    /// <summary>How the session was prepared; null: the edition's own walk (every session started without a plan).</summary>
    public WorkshopPlan? Plan { get; private set; }

    /// <summary>The plan as the prepare page shows it: the stored one, or a first one with every principle.</summary>
    public WorkshopPlan PlanOrInitial(Edition edition) => Plan ?? WorkshopPlan.Initial(edition);

    /// <summary>Moves a principle or own question one place up (<paramref name="up"/>) or down; at the edge nothing changes.</summary>
    public void MovePanel(Edition edition, string? key, bool up)
    {
        var plan = EnsurePlannable(edition);
        var order = plan.Order.ToList();
        var index = order.IndexOf(key ?? "");
        if (index < 0)
        {
            throw new WorkshopRuleException(Messages.PlanPanelNotFound);
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= order.Count)
        {
            throw new WorkshopRuleException(up ? Messages.PlanAlreadyFirst : Messages.PlanAlreadyLast);
        }

        (order[index], order[other]) = (order[other], order[index]);
        Plan = plan with { Order = order };
    }

    /// <summary>Leaves a principle out of the session; at least one principle of the praatplaat stays.</summary>
    public void SkipPrinciple(Edition edition, string? key)
    {
        var plan = EnsurePlannable(edition);
        if (key is null || WorkshopPlan.IsOwnQuestionKey(key) || !plan.Order.Contains(key))
        {
            throw new WorkshopRuleException(Messages.PlanPanelNotFound);
        }

        if (plan.Order.Count(k => !WorkshopPlan.IsOwnQuestionKey(k)) == 1)
        {
            throw new WorkshopRuleException(Messages.PlanNeedsOnePrinciple);
        }

        Plan = plan with
        {
            Order = plan.Order.Where(k => k != key).ToList(),
            TimerMinutes = plan.TimerMinutes.Where(t => t.Key != key).ToDictionary(t => t.Key, t => t.Value),
        };
    }

    /// <summary>Takes a skipped principle back into the session, at the end of the list.</summary>
    public void IncludePrinciple(Edition edition, string? key)
    {
        var plan = EnsurePlannable(edition);
        if (edition.Principles.FirstOrDefault(p => p.Key == key) is not { } principle || plan.Order.Contains(principle.Key))
        {
            throw new WorkshopRuleException(Messages.PlanPanelNotFound);
        }

        Plan = plan with { Order = [.. plan.Order, principle.Key] };
    }

    /// <summary>Adds one of at most three own questions of the gemeente, at the end of the list.</summary>
    public OwnQuestion AddOwnQuestion(Edition edition, string? title, string? question)
    {
        var plan = EnsurePlannable(edition);
        if (plan.OwnQuestions.Count >= WorkshopPlan.MaxOwnQuestions)
        {
            throw new WorkshopRuleException(Messages.OwnQuestionsFull);
        }

        var cleanTitle = TextRules.Line(title, WorkshopPlan.OwnTitleMaxLength, Messages.OwnQuestionTitleRequired, Messages.OwnQuestionTitleTooLong, nameof(OwnQuestion.Title));
        var text = TextRules.OptionalText(question, WorkshopPlan.OwnQuestionMaxLength, nameof(OwnQuestion.Question))
            ?? throw new WorkshopRuleException(Messages.OwnQuestionRequired, nameof(OwnQuestion.Question));
        var number = Enumerable.Range(1, WorkshopPlan.MaxOwnQuestions).First(n => plan.FindOwnQuestion(WorkshopPlan.OwnQuestionKeyPrefix + n) is null);
        var own = new OwnQuestion(WorkshopPlan.OwnQuestionKeyPrefix + number, cleanTitle, text);
        Plan = plan with { OwnQuestions = [.. plan.OwnQuestions, own], Order = [.. plan.Order, own.Key] };
        return own;
    }

    public void RemoveOwnQuestion(Edition edition, string? key)
    {
        var plan = EnsurePlannable(edition);
        if (key is null || plan.FindOwnQuestion(key) is null)
        {
            throw new WorkshopRuleException(Messages.PlanPanelNotFound);
        }

        Plan = plan with
        {
            OwnQuestions = plan.OwnQuestions.Where(q => q.Key != key).ToList(),
            Order = plan.Order.Where(k => k != key).ToList(),
            TimerMinutes = plan.TimerMinutes.Where(t => t.Key != key).ToDictionary(t => t.Key, t => t.Value),
        };
    }

    /// <summary>The session's own introduction; empty removes it.</summary>
    public void SetIntroduction(Edition edition, string? text)
    {
        var plan = EnsurePlannable(edition);
        Plan = plan with { Introduction = TextRules.OptionalText(text, WorkshopPlan.IntroductionMaxLength, nameof(WorkshopPlan.Introduction)) };
    }

    /// <summary>Default timers per panel step of the planned walk (by key); an empty value means none.</summary>
    public void SetTimers(Edition edition, IReadOnlyDictionary<string, int?> minutes)
    {
        var plan = EnsurePlannable(edition);
        var panelKeys = edition.With(plan).Panels.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var timers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in minutes)
        {
            if (!panelKeys.Contains(key))
            {
                throw new WorkshopRuleException(Messages.PlanPanelNotFound);
            }

            if (value is { } m)
            {
                timers[key] = m is < MinTimerMinutes or > MaxTimerMinutes ? throw new WorkshopRuleException(Messages.TimerMinutes, key) : m;
            }
        }

        Plan = plan with { TimerMinutes = timers };
    }

    /// <summary>A follow-up starts with the previous session's plan (see <see cref="WorkshopPlan.ForFollowUp"/>).</summary>
    public void CopyPlanFrom(Workshop previous, Edition previousEdition, Edition edition) =>
        Plan = previous.Plan?.ForFollowUp(previousEdition, edition);

    /// <summary>Once the session is opened (or closed), its walk is fixed: notes and scores hang on its steps.</summary>
    private WorkshopPlan EnsurePlannable(Edition edition)
    {
        EnsureOpen();
        return IsConcept ? PlanOrInitial(edition) : throw new WorkshopRuleException(Messages.PlanFixed);
    }
}
