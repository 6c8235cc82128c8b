using System.Net;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages.Guide;

public sealed class GuideTests : AppTest
{
    [Fact]
    public async Task The_facilitator_finds_the_guide_with_the_keys_and_pictures_of_our_own_pages()
    {
        using var facilitator = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        var page = await facilitator.OpenAsync(workshop.FacilitatorUrl());
        var link = page.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Handleiding: zo begeleidt u de sessie");

        var guide = await facilitator.OpenAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, guide.Status);
        Assert.Equal("Zo begeleidt u de sessie", guide.Heading);
        var parts = guide.Document.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Contains("Stil schrijven", parts);
        Assert.Contains("De toetsen op het presentatiescherm", parts);
        Assert.Contains("Een vervolgsessie", parts);
        Assert.Equal(6, guide.Document.QuerySelectorAll("table kbd").Length);

        // Every picture is there and says what it shows.
        var images = guide.Document.QuerySelectorAll("img").ToList();
        Assert.Equal(3, images.Count);
        foreach (var image in images)
        {
            Assert.False(string.IsNullOrWhiteSpace(image.GetAttribute("alt")));
            var response = await facilitator.Client.GetAsync(image.GetAttribute("src"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
