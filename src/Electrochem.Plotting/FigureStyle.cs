using System.Collections.Immutable;

namespace Electrochem.Plotting;

/// <summary>
/// How figures look: size in pixels, font and palette. The default is sized for a single journal column (8.5 cm at
/// 190 dpi: 640 × 480 px) with 14-px tick labels and 16-px axis titles that stay readable when the figure is scaled to
/// the column, and the Okabe–Ito palette, which stays distinct under the common colour-vision deficiencies.
/// </summary>
/// <param name="Width">Width in pixels (100 to 10,000).</param>
/// <param name="Height">Height in pixels (100 to 10,000).</param>
/// <param name="FontName">The font family; a missing font falls back to the system's default sans-serif.</param>
/// <param name="FontSize">The tick-label size in pixels (axis titles are 2 px larger, the legend 1 px smaller).</param>
public sealed record FigureStyle(int Width = 640, int Height = 480, string FontName = "DejaVu Sans", float FontSize = 14)
{
    /// <summary>The default style.</summary>
    public static FigureStyle Default { get; } = new();

    /// <summary>
    /// The palette, as #RRGGBB: Okabe and Ito's eight colours without yellow (hard to see on white) — black, orange, sky
    /// blue, bluish green, blue, vermilion, reddish purple. Series take them in order.
    /// </summary>
    public ImmutableArray<string> Palette { get; init; } = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7"];

    internal void Validate()
    {
        if (Width is < 100 or > 10_000 || Height is < 100 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), $"A figure must be 100 to 10,000 pixels wide and high; this style asks for {Width} × {Height}.");
        }

        if (!(FontSize >= 4 && FontSize <= 200))
        {
            throw new ArgumentOutOfRangeException(nameof(FontSize), FontSize, "The font size must lie between 4 and 200 pixels.");
        }

        if (Palette.IsDefaultOrEmpty)
        {
            throw new ArgumentException("The palette needs at least one colour.", nameof(Palette));
        }
    }

    internal ScottPlot.Color Colour(int index) => ScottPlot.Color.FromHex(Palette[index % Palette.Length]);
}
