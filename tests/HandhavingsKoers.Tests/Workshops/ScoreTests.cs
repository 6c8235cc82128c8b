using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Tests.Workshops;

public sealed class ScoreTests
{
    [Theory]
    [InlineData(new[] { 3 }, 3.0)]
    [InlineData(new[] { 1, 5, 3 }, 3.0)]
    [InlineData(new[] { 2, 3 }, 2.5)] // an even count: the mean of the middle two
    [InlineData(new[] { 1, 1, 5, 5 }, 3.0)] // a split room has a median nobody chose; the distribution shows the split
    [InlineData(new[] { 4, 4, 4, 1 }, 4.0)]
    [InlineData(new[] { 5, 1, 2, 2, 2, 5 }, 2.0)] // ties in the middle
    public void The_median_is_the_middle_score_or_the_mean_of_the_middle_two(int[] scores, double median)
    {
        Assert.Equal(median, ScoreSummary.From(scores).Median);
    }

    [Fact]
    public void The_distribution_counts_every_point_and_an_empty_topic_has_no_median()
    {
        var summary = ScoreSummary.From([1, 1, 5, 5, 3]);
        Assert.Equal([2, 0, 1, 0, 2], summary.Counts);
        Assert.Equal(5, summary.Total);
        Assert.Equal(0.4, summary.Share(1));
        Assert.Equal(0, summary.Share(2));

        Assert.Null(ScoreSummary.Empty.Median);
        Assert.Equal(0, ScoreSummary.Empty.Total);
        Assert.Equal(0, ScoreSummary.Empty.Share(3));
        Assert.Equal(ScoreSummary.Empty, ScoreSummary.From([]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void A_score_outside_one_to_five_is_not_counted(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreSummary.From([3, value]));
        Assert.False(ScoreScale.IsValid(value));
    }

    [Fact]
    public void Each_point_has_a_dutch_label_and_a_median_is_described_in_words()
    {
        Assert.Equal(5, ScoreScale.Labels.Count);
        Assert.Equal("Nog niet mee begonnen", ScoreScale.Label(1));
        Assert.Equal("Vast onderdeel van ons werk", ScoreScale.Label(5));
        Assert.Equal("3 – We zijn ermee bezig", ScoreScale.Describe(3));
        Assert.Equal("tussen 2 en 3", ScoreScale.Describe(2.5));
    }
}
