using HandhavingsKoers.Web.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HandhavingsKoers.Web.Pages;

public sealed class IndexModel(EditionCatalog editions) : PageModel
{
    public IReadOnlyList<string> Principles { get; private set; } = [];

    public IReadOnlyList<Edition> Editions => editions.All;

    public void OnGet() =>
        Principles = editions.All[0].Principles.Select(p => p.Title.ToLowerInvariant()).ToList();
}
