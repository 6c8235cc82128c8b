using DutchTexts = HandhavingsKoers.Web.Texts;

namespace HandhavingsKoers.Tests.Texts;

/// <summary>
/// Sentences with a count in them say "1 stip" and "1 deelnemer heeft", not "1 stippen" or "1 deelnemers hebben":
/// every combination of none, one and several for each number in the sentence.
/// </summary>
public sealed class PluralTests
{
    private const string Rest = " een score gegeven. De begeleider laat de uitkomst straks aan iedereen zien.";

    [Theory]
    [InlineData(0, 0, "0 van de 0 deelnemers hebben")]
    [InlineData(0, 1, "0 van de 1 deelnemer heeft")]
    [InlineData(1, 1, "1 van de 1 deelnemer heeft")]
    [InlineData(0, 3, "0 van de 3 deelnemers hebben")]
    [InlineData(1, 3, "1 van de 3 deelnemers heeft")]
    [InlineData(2, 3, "2 van de 3 deelnemers hebben")]
    public void Some_of_the_participants_takes_its_noun_from_the_second_number_and_its_verb_from_the_first(int some, int all, string expected) =>
        Assert.Equal(expected + Rest, DutchTexts.SomeOf(some, all, DutchTexts.Scores.GivenOne, DutchTexts.Scores.GivenMany));

    [Theory]
    [InlineData(0, 1, 0, "De stemronde is open. 0 van de 1 deelnemer heeft gestemd, met in totaal 0 stippen.")]
    [InlineData(1, 1, 1, "De stemronde is open. 1 van de 1 deelnemer heeft gestemd, met in totaal 1 stip.")]
    [InlineData(1, 1, 4, "De stemronde is open. 1 van de 1 deelnemer heeft gestemd, met in totaal 4 stippen.")]
    [InlineData(0, 3, 0, "De stemronde is open. 0 van de 3 deelnemers hebben gestemd, met in totaal 0 stippen.")]
    [InlineData(1, 3, 1, "De stemronde is open. 1 van de 3 deelnemers heeft gestemd, met in totaal 1 stip.")]
    [InlineData(1, 3, 3, "De stemronde is open. 1 van de 3 deelnemers heeft gestemd, met in totaal 3 stippen.")]
    [InlineData(2, 3, 2, "De stemronde is open. 2 van de 3 deelnemers hebben gestemd, met in totaal 2 stippen.")]
    public void The_open_round_says_who_voted_and_how_many_dots(int voters, int participants, int dots, string expected) =>
        Assert.Equal(expected, DutchTexts.Priorities.Status(closed: false, voters, participants, dots));

    [Theory]
    [InlineData(0, 0, "De stemronde is gesloten. 0 deelnemers hebben gestemd, met in totaal 0 stippen.")]
    [InlineData(1, 1, "De stemronde is gesloten. 1 deelnemer heeft gestemd, met in totaal 1 stip.")]
    [InlineData(1, 5, "De stemronde is gesloten. 1 deelnemer heeft gestemd, met in totaal 5 stippen.")]
    [InlineData(2, 2, "De stemronde is gesloten. 2 deelnemers hebben gestemd, met in totaal 2 stippen.")]
    public void The_closed_round_says_who_voted_and_how_many_dots(int voters, int dots, string expected) =>
        Assert.Equal(expected, DutchTexts.Priorities.Status(closed: true, voters, participants: 3, dots));
}
