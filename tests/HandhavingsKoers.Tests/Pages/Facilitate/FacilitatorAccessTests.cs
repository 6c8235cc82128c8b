using System.Net;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages.Facilitate;

/// <summary>The facilitator's page opens only with the secret link (or the cookie it leaves), and the secret is never stored.</summary>
public sealed class FacilitatorAccessTests : RoomTest
{
    [Fact]
    public async Task Facilitator_pages_refuse_anyone_without_the_secret()
    {
        // A participant, and a stranger, open the facilitator page and try its forms.
        var asParticipant = await Participant.OpenAsync(Workshop.FacilitatorUrl());
        Assert.Equal(HttpStatusCode.Forbidden, asParticipant.Status);
        Assert.Contains("alleen voor de begeleider", asParticipant.Text, StringComparison.Ordinal);

        using var stranger = App.NewUser();
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"))).Status);

        var wrongKey = await stranger.OpenAsync(Workshop.FacilitatorUrl() + "?sleutel=" + new string('x', 43));
        Assert.Equal(HttpStatusCode.Forbidden, wrongKey.Status);
        Assert.Contains("begeleiderslink klopt niet", wrongKey.Text, StringComparison.Ordinal);

        // The facilitator's own forms, submitted by the participant (who has a valid antiforgery cookie of their own).
        var facilitatorPage = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var participantsPage = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        var closeForm = facilitatorPage.FormWith("form[action*='handler=Close'] button");
        ((IHtmlInputElement)closeForm.Elements["__RequestVerificationToken"]!).Value =
            ((IHtmlInputElement)participantsPage.FormWith("#nieuw-Already").Elements["__RequestVerificationToken"]!).Value;
        var close = await Participant.SubmitAsync(closeForm);
        Assert.Equal(HttpStatusCode.Forbidden, close.Status);
        Assert.Equal(0, App.Count("select count(*) from Workshops where ClosedAt is not null"));

        // With the link, a new browser becomes the facilitator, and the key leaves the address bar.
        using var secondLaptop = App.NewUser();
        var withLink = await secondLaptop.OpenAsync(Workshop.FacilitatorLink);
        Assert.Equal(HttpStatusCode.OK, withLink.Status);
        Assert.Equal(Workshop.FacilitatorUrl(), withLink.Address.PathAndQuery);
        Assert.Equal("Vertrouwen", withLink.Heading);
    }

    [Fact]
    public async Task The_facilitator_secret_is_long_random_and_stored_only_as_a_hash()
    {
        var key = new Uri(Workshop.FacilitatorLink).Query["?sleutel=".Length..];
        Assert.True(Convert.FromBase64String(key.Replace('-', '+').Replace('_', '/') + "=").Length * 8 >= 128);

        using var db = App.OpenDatabase();
        using var command = db.CreateCommand();
        command.CommandText = "select * from Workshops";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            var text = value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : value.ToString()!;
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        }

        Assert.Equal(32, ((byte[])reader["FacilitatorKeyHash"]).Length);
    }
}
