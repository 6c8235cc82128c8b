using System.Collections.Concurrent;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Pages;
using HandhavingsKoers.Web.Reports.Pdf;

namespace HandhavingsKoers.Web.Reports;

/// <summary>The blank A3 poster of an edition, for a session on paper. Public: it holds no workshop data.</summary>
public static class PosterEndpoint
{
    private static readonly ConcurrentDictionary<string, byte[]> Cache = new();

    public static string Path(string editionKey) => Pages.Routes.Poster(editionKey);

    public static void MapPoster(this WebApplication app) =>
        app.MapGet("/praatplaat/{edition}/poster.pdf", (string edition, EditionCatalog editions, HttpContext context) =>
        {
            if (editions.Find(edition) is not { } found)
            {
                context.Items[RefusalExtensions.MessageKey] = Messages.PosterNotFound;
                return Results.NotFound();
            }

            // The poster only changes with the seed file, which is read once at start-up.
            var pdf = Cache.GetOrAdd(found.Key, _ => new BlankPoster(found).GeneratePdf());
            return Results.File(pdf, "application/pdf", $"praatplaat-{found.Key}-leeg-A3.pdf");
        });
}
