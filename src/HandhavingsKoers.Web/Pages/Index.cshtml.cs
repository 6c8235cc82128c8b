using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Pages;

public sealed class IndexModel(EditionCatalog editions, IOptions<SiteOptions> site) : PageModel
{
    public IReadOnlyList<string> Principles { get; private set; } = [];

    public IReadOnlyList<Edition> Editions => editions.All;

    /// <summary>Whether anyone may start a session here (<see cref="SiteOptions.OpenStart"/>).</summary>
    public bool OpenStart => site.Value.OpenStart;

    public void OnGet() =>
        Principles = editions.All[0].Principles.Select(p => p.Title.ToLowerInvariant()).ToList();
}
