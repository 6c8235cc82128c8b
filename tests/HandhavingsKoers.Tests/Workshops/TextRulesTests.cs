using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Tests.Workshops;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("  Hallo  ", "Hallo")]
    [InlineData("regel 1\r\nregel 2", "regel 1\nregel 2")]
    [InlineData("Ça va, Zoë? 👍 日本", "Ça va, Zoë? 👍 日本")]
    public void Notes_are_trimmed_and_keep_every_script(string raw, string stored) => Assert.Equal(stored, TextRules.NoteText(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    [InlineData("nul\0teken")]
    public void Empty_or_unstorable_notes_are_refused(string? raw) => Assert.Throws<WorkshopRuleException>(() => TextRules.NoteText(raw));

    [Theory]
    [InlineData("gewoon \u202Etekst")] // right-to-left override
    [InlineData("\u2066verborgen\u2069")] // isolates
    [InlineData("vervangen \uFFFD teken")]
    public void Text_that_reads_differently_from_what_it_says_is_refused_everywhere(string raw)
    {
        Assert.Throws<WorkshopRuleException>(() => TextRules.NoteText(raw));
        Assert.Throws<WorkshopRuleException>(() => TextRules.DisplayName(raw));
        Assert.Throws<WorkshopRuleException>(() => TextRules.Owner(raw));
        Assert.Throws<WorkshopRuleException>(() => Workshop.CheckGemeente(raw));
        Assert.Throws<WorkshopRuleException>(() => Workshop.CheckTitle(raw));
    }

    [Fact]
    public void Invisible_spaces_are_dropped_and_emoji_joiners_kept()
    {
        Assert.Equal("Zuidwaarde", Workshop.CheckGemeente("\uFEFFZuid\u200Bwaarde\u2060"));
        Assert.Equal("familie 👨\u200D👩\u200D👧", TextRules.NoteText("familie 👨\u200D👩\u200D👧"));
    }

    [Theory]
    [InlineData("Gemeente\nZuidwaarde")]
    [InlineData("Gemeente\u0007Zuidwaarde")]
    public void A_gemeente_and_a_title_are_one_line_of_printable_text(string raw)
    {
        Assert.Throws<WorkshopRuleException>(() => Workshop.CheckGemeente(raw));
        Assert.Throws<WorkshopRuleException>(() => Workshop.CheckTitle(raw));
    }

    [Fact]
    public void Half_an_emoji_is_refused()
    {
        // Built at run time: a lone surrogate does not survive being an attribute argument.
        var broken = "half " + "👍"[0] + " emoji";
        Assert.Throws<WorkshopRuleException>(() => TextRules.NoteText(broken));
    }

    [Fact]
    public void A_display_name_is_optional_short_and_on_one_line()
    {
        Assert.Null(TextRules.DisplayName("   "));
        Assert.Equal("Anna", TextRules.DisplayName(" Anna "));
        Assert.Throws<WorkshopRuleException>(() => TextRules.DisplayName(new string('a', 61)));
        Assert.Throws<WorkshopRuleException>(() => TextRules.DisplayName("An\nna"));
    }
}

public sealed class JoinCodeTests
{
    [Fact]
    public void New_codes_use_only_characters_that_cannot_be_mistaken()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => JoinCode.New()).ToList();
        Assert.All(codes, c =>
        {
            Assert.Equal(6, c.Length);
            Assert.DoesNotContain(c, ch => "0O1IL".Contains(ch, StringComparison.Ordinal));
        });
        Assert.True(codes.Distinct().Count() > 1990);
    }

    [Theory]
    [InlineData("abc def", "ABCDEF")]
    [InlineData("ABC-D23", "ABCD23")]
    [InlineData("ABCDEFGH", "ABCDEFGH")]
    [InlineData("ABCDE", null)]
    [InlineData("ABCDEFGHJ", null)]
    [InlineData("ABCDE0", null)]
    [InlineData("ABCDEI", null)]
    [InlineData(null, null)]
    public void Typed_codes_are_normalised_or_refused(string? typed, string? code) => Assert.Equal(code, JoinCode.Normalize(typed));

    [Fact]
    public void Secrets_are_long_and_only_their_hash_matches()
    {
        var key = SecretToken.New();
        Assert.True(key.Length >= 43);
        var hash = SecretToken.Hash(key);
        Assert.True(SecretToken.Matches(key, hash));
        Assert.False(SecretToken.Matches(key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), hash));
        Assert.False(SecretToken.Matches(null, hash));
        Assert.False(SecretToken.Matches("", hash));
    }
}
