using System.Globalization;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using DutchTexts = HandhavingsKoers.Web.Texts;

namespace HandhavingsKoers.Tests.Texts;

/// <summary>
/// Which day a stored moment (UTC) was, as the people in the room count days: the servers run in UTC, the
/// Netherlands is an hour ahead in winter and two in summer. One rule, <c>Texts.DutchDate</c>, for every page.
/// </summary>
public sealed class DutchDateTests
{
    [Theory]
    [InlineData("2026-12-01T22:59:00", "2026-12-01")] // 23:59 in winter (CET)
    [InlineData("2026-12-01T23:00:00", "2026-12-02")] // midnight: already the next day in the Netherlands
    [InlineData("2026-07-01T21:59:00", "2026-07-01")] // 23:59 in summer (CEST)
    [InlineData("2026-07-01T22:00:00", "2026-07-02")]
    [InlineData("2026-12-31T23:30:00", "2027-01-01")] // a new year
    public void A_moment_after_midnight_in_the_Netherlands_is_the_next_day(string utc, string dutch)
    {
        var moment = DateTime.Parse(utc, CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(dutch, CultureInfo.InvariantCulture), DutchTexts.DutchDate(moment));
        Assert.Equal(DutchTexts.Date(DateOnly.Parse(dutch, CultureInfo.InvariantCulture)), DutchTexts.Date(moment));
    }

    /// <summary>A facilitator preparing tomorrow's session at half past midnight gets today's date, not yesterday's.</summary>
    [Fact]
    public async Task The_start_form_proposes_the_Dutch_date_of_today_on_a_server_that_runs_in_UTC()
    {
        // 00:30 on 2 December in the Netherlands; the fake clock's own time zone is UTC, as on our servers.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero));
        await using var app = AppFactory.Fresh(StorageProvider.Sqlite, services: s => s.AddSingleton<TimeProvider>(clock));
        using var facilitator = app.NewUser();

        var form = (await facilitator.OpenAsync("/starten")).Form("form[method=post]");

        Assert.Equal("2026-12-02", ((AngleSharp.Html.Dom.IHtmlInputElement)form.Elements["Input.Date"]!).Value);
    }
}
