namespace Electrochem.Plotting;

/// <summary>
/// Puts the legend where it hides no data: the plot is laid out once at the style's size, the legend measured, and it
/// goes to the corner (or the middle of the top or bottom edge) of the data area that covers the fewest drawn points
/// (markers, and lines sampled every few pixels). When every place would cover some, the y axes are extended upwards by
/// the legend's height so that it sits above the data in the upper place that covered the fewest — unless the legend
/// would take more than 60 % of the height, when it goes below the plot instead. The axis limits are then fixed at what
/// was laid out.
/// </summary>
internal static class LegendPlacement
{
    /// <summary>Pixels between the legend and the edge of the data area, and around the legend when counting.</summary>
    private const float Margin = 10;

    /// <summary>Largest share of the data area's height a legend that would hide data may take inside it; a taller one goes below the plot.</summary>
    private const double LargestShare = 0.6;

    /// <summary>Shows the legend and places it; hides it when no plottable has a legend entry.</summary>
    internal static void Place(ScottPlot.Plot plot, FigureStyle style)
    {
        if (!plot.GetPlottables().Where(p => p.IsVisible).SelectMany(p => p.LegendItems).Concat(plot.Legend.ManualItems).Any(i => !string.IsNullOrEmpty(i.LabelText)))
        {
            plot.HideLegend();
            return;
        }

        plot.ShowLegend();
        plot.RenderInMemory(style.Width, style.Height);
        ScottPlot.PixelRect data = plot.RenderManager.LastRender.DataRect;
        (float width, float height) = Size(plot);
        (width, height) = (width + (2 * Margin), height + (2 * Margin));

        List<ScottPlot.Pixel> occupied = Occupied(plot, data);
        (ScottPlot.Alignment Corner, int Covered)[] corners =
        [
            .. new[] { ScottPlot.Alignment.UpperRight, ScottPlot.Alignment.UpperLeft, ScottPlot.Alignment.LowerRight, ScottPlot.Alignment.LowerLeft, ScottPlot.Alignment.UpperCenter, ScottPlot.Alignment.LowerCenter }
                .Select(c => (c, occupied.Count(p => Inside(p, Box(c, data, width, height))))),
        ];
        (ScottPlot.Alignment best, int covered) = corners.MinBy(c => c.Covered);
        double share = height / data.Height;
        if (covered > 0 && share >= LargestShare)
        {
            plot.ShowLegend(ScottPlot.Edge.Bottom);
            return;
        }

        if (covered > 0)
        {
            best = corners.Where(c => Upper(c.Corner)).MinBy(c => c.Covered).Corner;
            foreach (ScottPlot.IYAxis axis in plot.GetPlottables().Select(p => p.Axes.YAxis).Distinct())
            {
                ScottPlot.CoordinateRangeMutable range = axis.Range;
                plot.Axes.SetLimitsY(range.Min, range.Min + ((range.Max - range.Min) / (1 - share)), axis);
            }
        }

        plot.Legend.Alignment = best;
    }

    /// <summary>The legend's size in pixels, from its entries' text measured in its font and ScottPlot's legend layout.</summary>
    private static (float Width, float Height) Size(ScottPlot.Plot plot)
    {
        ScottPlot.Legend legend = plot.Legend;
        string[] labels = [.. plot.GetPlottables().Where(p => p.IsVisible).SelectMany(p => p.LegendItems).Concat(legend.ManualItems).Select(i => i.LabelText).Where(t => !string.IsNullOrEmpty(t))];
        float widest = 0;
        float lines = 0;
        using ScottPlot.Paint paint = ScottPlot.Paint.NewDisposablePaint();
        foreach (string text in labels)
        {
            var label = new ScottPlot.LabelStyle { Text = text, FontName = legend.FontName ?? ScottPlot.Fonts.Default, FontSize = legend.FontSize ?? 12 };
            ScottPlot.MeasuredText measured = label.Measure(paint);
            widest = Math.Max(widest, measured.Width);
            lines += Math.Max(measured.Height, legend.SymbolHeight);
        }

        float width = legend.Padding.Horizontal + legend.SymbolWidth + legend.SymbolPadding + widest;
        float height = legend.Padding.Vertical + lines + (Math.Max(0, labels.Length - 1) * legend.InterItemPadding.Vertical);
        return (width, height);
    }

    /// <summary>The pixels the data occupy: every marker, and points every 4 px along every line.</summary>
    private static List<ScottPlot.Pixel> Occupied(ScottPlot.Plot plot, ScottPlot.PixelRect data)
    {
        var pixels = new List<ScottPlot.Pixel>();
        foreach (ScottPlot.Plottables.Scatter scatter in plot.GetPlottables<ScottPlot.Plottables.Scatter>().Where(s => s.IsVisible))
        {
            ScottPlot.Pixel? previous = null;
            foreach (ScottPlot.Coordinates c in scatter.Data.GetScatterPoints())
            {
                if (!c.AreReal)
                {
                    previous = null;
                    continue;
                }

                ScottPlot.Pixel pixel = plot.GetPixel(c, scatter.Axes.XAxis, scatter.Axes.YAxis);
                pixels.Add(pixel);
                if (previous is { } last && scatter.LineWidth > 0)
                {
                    float length = MathF.Sqrt(((pixel.X - last.X) * (pixel.X - last.X)) + ((pixel.Y - last.Y) * (pixel.Y - last.Y)));
                    int steps = Math.Min(1000, (int)(length / 4));
                    for (int k = 1; k < steps; k++)
                    {
                        float f = (float)k / steps;
                        pixels.Add(new ScottPlot.Pixel(last.X + (f * (pixel.X - last.X)), last.Y + (f * (pixel.Y - last.Y))));
                    }
                }

                previous = pixel;
            }
        }

        foreach (ScottPlot.Plottables.Marker marker in plot.GetPlottables<ScottPlot.Plottables.Marker>().Where(m => m.IsVisible))
        {
            pixels.Add(plot.GetPixel(marker.Location, marker.Axes.XAxis, marker.Axes.YAxis));
        }

        return [.. pixels.Where(p => p.X >= data.Left && p.X <= data.Right && p.Y >= data.Top && p.Y <= data.Bottom)];
    }

    private static ScottPlot.PixelRect Box(ScottPlot.Alignment corner, ScottPlot.PixelRect data, float width, float height)
    {
        float left = corner switch
        {
            ScottPlot.Alignment.UpperRight or ScottPlot.Alignment.LowerRight => data.Right - width,
            ScottPlot.Alignment.UpperCenter or ScottPlot.Alignment.LowerCenter => data.HorizontalCenter - (width / 2),
            _ => data.Left,
        };
        float top = Upper(corner) ? data.Top : data.Bottom - height;
        return new ScottPlot.PixelRect(left, left + width, top + height, top);
    }

    private static bool Upper(ScottPlot.Alignment corner) => corner is ScottPlot.Alignment.UpperRight or ScottPlot.Alignment.UpperLeft or ScottPlot.Alignment.UpperCenter;

    private static bool Inside(ScottPlot.Pixel p, ScottPlot.PixelRect box) => p.X >= box.Left && p.X <= box.Right && p.Y >= box.Top && p.Y <= box.Bottom;
}
