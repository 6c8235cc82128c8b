using HandhavingsKoers.Web.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Theme;

/// <summary>
/// Pages of a gemeente's sessions (<c>/w/{id}/…</c>: facilitator, participants, presenter, summary) and the gemeente's
/// own page wear the theme the gemeente chose (decision 0018); every other page, and every session without a
/// gemeente, the installation's. Decided once here for every page, read by the layout from
/// <see cref="HttpContext.Items"/>. No theme configured for gemeenten (<see cref="ThemeCatalog.All"/> empty): no query.
/// </summary>
public sealed class GemeenteThemeFilter : IAsyncPageFilter
{
    public const string ItemKey = "hk.theme";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var catalog = context.HttpContext.RequestServices.GetRequiredService<ThemeCatalog>();
        if (catalog.All.Count > 0 && context.RouteData.Values["id"] is string raw && Guid.TryParse(raw, out var id))
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
            var key = context.ActionDescriptor.ViewEnginePath.StartsWith("/Gemeente/", StringComparison.Ordinal)
                ? await db.Gemeenten.Where(g => g.Id == id).Select(g => g.ThemeKey).FirstOrDefaultAsync()
                : await db.Workshops.Where(w => w.Id == id)
                    .Select(w => db.Gemeenten.Where(g => g.Id == w.GemeenteId).Select(g => g.ThemeKey).FirstOrDefault())
                    .FirstOrDefaultAsync();
            if (catalog.Find(key) is { } theme)
            {
                context.HttpContext.Items[ItemKey] = theme;
            }
        }

        await next();
    }
}
