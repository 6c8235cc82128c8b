using PdfSharp.Drawing;

namespace HandhavingsKoers.Pdf.Layout;

/// <summary>A fixed rectangle on a page with its own content, optionally on a tinted background.</summary>
public sealed record Region(XRect Area, IReadOnlyList<Block> Blocks)
{
    public XColor? Background { get; init; }

    public double Padding { get; init; }
}

public static class Regions
{
    /// <summary>Lays each region out inside its rectangle and puts them on one page, in the order given (reading order).</summary>
    public static PageContent Compose(TextShaper shaper, IReadOnlyList<Region> regions)
    {
        var page = new PageContent();
        foreach (var region in regions)
        {
            if (region.Background is { } color)
            {
                page.Items.Add(new PlacedRect(region.Area.X, region.Area.Y, region.Area.Width, color) { Height = region.Area.Height });
            }

            var inner = new XRect(region.Area.X + region.Padding, region.Area.Y + region.Padding,
                region.Area.Width - (2 * region.Padding), region.Area.Height - (2 * region.Padding));
            var paginator = new Paginator(shaper, inner);
            paginator.Add(region.Blocks);
            if (paginator.Pages.Count > 1 || paginator.Overflowed)
            {
                throw new OverflowException($"The content of a region at {region.Area} does not fit it.");
            }

            page.Items.AddRange(paginator.Pages[0].Items);
        }

        return page;
    }

    public sealed class OverflowException(string message) : Exception(message);
}
