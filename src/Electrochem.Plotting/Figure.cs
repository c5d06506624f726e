namespace Electrochem.Plotting;

/// <summary>
/// A rendered-on-demand figure: a ScottPlot <see cref="ScottPlot.Plot"/> with its size. Save it as PNG or SVG (headless,
/// no display needed), or change the plot first — titles, limits, extra series — through <see cref="Plot"/>.
/// </summary>
/// <remarks>
/// Not thread-safe: render a figure from one thread at a time (different figures may render in parallel). Figures that
/// place their legend clear of the data lay themselves out once when built, which fixes their axis limits: after adding
/// series that fall outside them, call <c>Plot.Axes.AutoScale()</c>.
/// </remarks>
public sealed class Figure
{
    internal Figure(ScottPlot.Plot plot, FigureStyle style)
    {
        Plot = plot;
        Width = style.Width;
        Height = style.Height;
    }

    /// <summary>The ScottPlot plot, for changes before saving.</summary>
    public ScottPlot.Plot Plot { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Saves the figure as PNG or SVG, chosen by the file's extension (<c>.png</c> or <c>.svg</c>).</summary>
    /// <param name="path">The file to write.</param>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string extension = Path.GetExtension(path);
        if (extension.Equals(".png", StringComparison.OrdinalIgnoreCase))
        {
            File.WriteAllBytes(path, ToPng());
        }
        else if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            File.WriteAllText(path, ToSvg());
        }
        else
        {
            throw new ArgumentException($"A figure is saved as .png or .svg; '{Path.GetFileName(path)}' has neither extension.", nameof(path));
        }
    }

    /// <summary>The figure as PNG bytes.</summary>
    /// <returns>The PNG file's content.</returns>
    public byte[] ToPng() => Plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);

    /// <summary>
    /// The figure as an SVG document, its text kept as text (searchable, editable). Dashed and dotted lines are drawn
    /// solid: the SVG back end cannot draw dash patterns (Skia would print "Unsupported path effect" to the process's
    /// standard error for each one); the PNG keeps them, and the legends name what a dashed line means.
    /// </summary>
    /// <returns>The SVG file's content.</returns>
    public string ToSvg()
    {
        var patterned = new List<(ScottPlot.LineStyle Style, ScottPlot.LinePattern Pattern)>();
        foreach (ScottPlot.IPlottable plottable in Plot.GetPlottables())
        {
            if (plottable is ScottPlot.IHasLine line && !line.LineStyle.Pattern.Equals(ScottPlot.LinePattern.Solid))
            {
                patterned.Add((line.LineStyle, line.LineStyle.Pattern));
                line.LineStyle.Pattern = ScottPlot.LinePattern.Solid;
            }
        }

        try
        {
            return Plot.GetSvgXml(Width, Height);
        }
        finally
        {
            foreach ((ScottPlot.LineStyle style, ScottPlot.LinePattern pattern) in patterned)
            {
                style.Pattern = pattern;
            }
        }
    }
}
