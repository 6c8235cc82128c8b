using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Tests.Content;

public sealed class StepSequenceTests
{
    private static readonly Edition Edition = EditionLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "seeds")).Get("praatplaat-2024");
    private static StepSequence Steps => Edition.Steps;

    [Fact]
    public void The_walk_is_welcome_the_principles_visie_actions_closing()
    {
        Assert.Equal(
            ["welkom", "vertrouwen", "menselijke-maat", "preventie", "gepaste-sanctionering", "maatwerk", "doenvermogen", "visie", "acties", "afronding"],
            Steps.All.Select(s => s.Key));
        Assert.Equal(Enumerable.Range(0, 10), Steps.All.Select(s => s.Index));
        Assert.Equal([StepKind.Welcome, StepKind.Panel, StepKind.Actions, StepKind.Closing], Steps.All.Select(s => s.Kind).Distinct());
        Assert.Equal(7, Steps.All.Count(s => s.TakesNotes));
    }

    [Fact]
    public void Next_and_previous_stop_at_the_ends()
    {
        Assert.Null(Steps.Previous(Steps.First));
        Assert.Null(Steps.Next(Steps.Last));
        Assert.Equal("vertrouwen", Steps.Next(Steps.First)!.Key);
        Assert.Equal("acties", Steps.Previous(Steps.Last)!.Key);
        Assert.Null(Steps.Find("onbekend"));
        Assert.Null(Steps.Find(null));
    }

    [Fact]
    public void Participants_see_the_current_step_and_earlier_ones_never_later_ones()
    {
        var preventie = Steps.Find("preventie")!;
        Assert.True(Steps.IsOpenForParticipants(Steps.Find("welkom")!, "preventie"));
        Assert.True(Steps.IsOpenForParticipants(preventie, "preventie"));
        Assert.False(Steps.IsOpenForParticipants(Steps.Find("maatwerk")!, "preventie"));
        Assert.False(Steps.IsOpenForParticipants(preventie, "verdwenen-stap"));
    }

    [Fact]
    public void A_workshop_starts_on_welcome_moves_anywhere_and_once_closed_shows_everything_and_takes_nothing()
    {
        var now = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
        var workshop = Workshop.Start("Gemeente X", "Sessie", new DateOnly(2026, 11, 22), Edition, "ABCDEF", new byte[32], now);
        Assert.Equal("welkom", workshop.CurrentStepKey);
        Assert.False(workshop.ParticipantsMaySee(Steps.Find("visie")!, Edition));

        workshop.MoveTo(Steps.Find("doenvermogen")!);
        workshop.MoveTo(Steps.Find("preventie")!);
        Assert.Equal("preventie", workshop.CurrentStepKey);

        var participant = workshop.Join("Anna", new byte[32], now);
        var actor = Actor.Participant(participant.Id);
        Assert.Throws<WorkshopRuleException>(() => workshop.AddNote(Edition, Steps.Find("maatwerk")!, NoteColumn.Already, "Te vroeg", actor, now));
        Assert.NotNull(workshop.AddNote(Edition, Steps.Find("maatwerk")!, NoteColumn.Already, "De begeleider mag vooruit", Actor.Facilitator, now));
        Assert.Throws<WorkshopRuleException>(() => workshop.AddNote(Edition, Steps.First, NoteColumn.Already, "Welkom", Actor.Facilitator, now));

        workshop.Close(now);
        Assert.True(workshop.ParticipantsMaySee(Steps.Find("visie")!, Edition));
        Assert.Equal(HandhavingsKoers.Web.Messages.WorkshopClosed,
            Assert.Throws<WorkshopRuleException>(() => workshop.MoveTo(Steps.First)).Message);
        Assert.Throws<WorkshopRuleException>(() => workshop.AddNote(Edition, Steps.Find("preventie")!, NoteColumn.Todo, "Na sluiten", actor, now));
        Assert.Throws<WorkshopRuleException>(() => workshop.Join("Laat", new byte[32], now));

        workshop.Reopen();
        Assert.NotNull(workshop.AddNote(Edition, Steps.Find("preventie")!, NoteColumn.Todo, "Na heropenen", actor, now));
    }

    [Fact]
    public void Actions_are_at_most_three_keep_their_order_and_skip_empty_fields()
    {
        var now = DateTime.UtcNow;
        var workshop = Workshop.Start("Gemeente X", "Sessie", new DateOnly(2026, 11, 22), Edition, "ABCDEF", new byte[32], now);
        var participant = workshop.Join(null, new byte[32], now);

        participant.SetActions(["", "Tweede eerst", " Derde "], now);
        Assert.Equal([(1, "Tweede eerst"), (2, "Derde")], participant.Actions.OrderBy(a => a.Position).Select(a => (a.Position, a.Text)));

        Assert.Throws<WorkshopRuleException>(() => participant.SetActions(["a", "b", "c", "d"], now));
        Assert.Throws<WorkshopRuleException>(() => participant.SetActions(["a", new string('x', 501)], now));
        Assert.Equal(2, participant.Actions.Count);

        participant.SetActions([], now);
        Assert.Empty(participant.Actions);
    }

    [Fact]
    public void Without_a_plan_the_walk_is_the_editions_own_and_with_one_it_follows_the_plan()
    {
        Assert.Same(Edition, Edition.With(null));
        Assert.Equal(Steps.All.Select(s => s.Key), StepSequence.For(Edition, null).All.Select(s => s.Key));

        var plan = new WorkshopPlan
        {
            Order = ["preventie", "vertrouwen", "eigen-vraag-1", "maatwerk"],
            OwnQuestions = [new OwnQuestion("eigen-vraag-1", "Samenwerking met de politie", "Hoe werken wij samen?")],
        };
        var walk = StepSequence.For(Edition, plan);
        Assert.Equal(["welkom", "preventie", "vertrouwen", "eigen-vraag-1", "maatwerk", "visie", "acties", "afronding"], walk.All.Select(s => s.Key));
        Assert.Equal(Enumerable.Range(0, 8), walk.All.Select(s => s.Index));
        var own = walk.Find("eigen-vraag-1")!.Panel!;
        Assert.True(own.IsOwnQuestion);
        Assert.Equal("Eigen vraag van de gemeente", Edition.AttributionOf(own));
        Assert.Empty(own.Links);
        Assert.StartsWith("Bron:", Edition.AttributionOf(walk.Find("preventie")!.Panel!), StringComparison.Ordinal);

        // The edition itself is untouched: its own walk is cached on it, not replaced.
        Assert.Equal(10, Edition.Steps.All.Count);
    }

    [Fact]
    public void A_follow_up_in_another_edition_keeps_the_choice_by_topic_and_adds_principles_the_previous_had_not()
    {
        var catalog = EditionLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "seeds"));
        var koers = catalog.Get("koers-2026-2029");
        var plan = new WorkshopPlan
        {
            Order = ["gepaste-sanctionering", "vertrouwen", "eigen-vraag-1"],
            OwnQuestions = [new OwnQuestion("eigen-vraag-1", "Eigen", "Vraag?")],
            Introduction = "Alleen voor deze sessie.",
        };
        var next = plan.ForFollowUp(Edition, koers);
        Assert.Null(next.Introduction);
        Assert.Equal(plan.OwnQuestions, next.OwnQuestions);
        Assert.Equal("passend-handhaven", next.Order[0]);
        Assert.Equal("vertrouwen", next.Order[1]);
        Assert.Equal("eigen-vraag-1", next.Order[2]);
        var topics2024 = Edition.Principles.Select(p => p.TopicKey).ToHashSet();
        Assert.Equal(koers.Principles.Where(p => !topics2024.Contains(p.TopicKey)).Select(p => p.Key), next.Order.Skip(3));
        Assert.DoesNotContain("preventie", next.Order);
    }
}
