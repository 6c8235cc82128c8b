using HandhavingsKoers.Tests.Pdf;
using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Tests.Workshops;

/// <summary>How a double tap that raced past the dot rules is settled: the later dots go.</summary>
public sealed class PriorityRoundRulesTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();

    private static PriorityRound Round(int dots, bool several)
    {
        var workshop = Workshop.Start("Gemeente Zuidwolde", "Teamsessie", new DateOnly(2026, 11, 22), ReportFixtures.Edition, "ABCDEF", [1], DateTime.UtcNow);
        return workshop.OpenPriorityRound(ReportFixtures.Edition, null, dots, several, DateTime.UtcNow);
    }

    [Fact]
    public void Without_several_per_note_only_the_first_dot_on_a_note_counts()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var kept = Round(3, several: false).DotsThatCount([(first, A, false), (second, A, false), (third, B, false)]);
        Assert.Equal(new[] { first, third }.Order(), kept.Order());
    }

    [Fact]
    public void Only_the_first_dots_up_to_the_limit_count()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var kept = Round(2, several: true).DotsThatCount([(first, A, false), (second, A, false), (third, B, false)]);
        Assert.Equal(new[] { first, second }.Order(), kept.Order());
    }

    [Fact]
    public void Two_dots_a_merge_put_on_one_note_both_count_against_the_budget_so_a_race_cannot_add_one_too_many()
    {
        var (movedA, movedB, third, fourth) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var kept = Round(3, several: false).DotsThatCount([(movedA, A, true), (movedB, A, true), (third, B, false), (fourth, Guid.NewGuid(), false)]);
        Assert.Equal(new[] { movedA, movedB, third }.Order(), kept.Order());
    }
}
