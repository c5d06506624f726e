namespace Electrochem.Plotting;

/// <summary>The shared set-up of every figure: style, fonts, frame, logarithmic axes and labels with units.</summary>
internal static class FigureBuilder
{
    /// <summary>A new plot in the style: white background, the font everywhere, plain tick labels, a legend in the upper right.</summary>
    internal static ScottPlot.Plot Create(FigureStyle style)
    {
        style.Validate();
        var plot = new ScottPlot.Plot();
        plot.Font.Set(style.FontName);
        plot.Axes.Bottom.TickLabelStyle.FontSize = style.FontSize;
        plot.Axes.Left.TickLabelStyle.FontSize = style.FontSize;
        plot.Axes.Right.TickLabelStyle.FontSize = style.FontSize;
        plot.Axes.Bottom.Label.FontSize = style.FontSize + 2;
        plot.Axes.Left.Label.FontSize = style.FontSize + 2;
        plot.Axes.Right.Label.FontSize = style.FontSize + 2;
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.Label.Bold = false;
        plot.Axes.Right.Label.Bold = false;
        plot.Legend.FontSize = style.FontSize - 1;
        plot.Legend.Alignment = ScottPlot.Alignment.UpperRight;
        plot.Grid.MajorLineColor = ScottPlot.Color.FromHex("#E6E6E6");
        plot.Axes.Bottom.TickGenerator = Linear();
        plot.Axes.Left.TickGenerator = Linear();
        plot.Axes.Right.TickGenerator = Linear();
        return plot;
    }

    /// <summary>ScottPlot's automatic ticks and labels, without thousands separators ("2050", not "2,050") and with a true minus sign.</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic Linear() => new()
    {
        LabelFormatter = value => ScottPlot.TickGenerators.LabelFormatters.Numeric(value).Replace(",", string.Empty, StringComparison.Ordinal).Replace('-', '−'),
    };

    /// <summary>Labels the bottom axis as powers of ten: the data are plotted as log₁₀ values.</summary>
    internal static void LogarithmicBottom(ScottPlot.Plot plot) => plot.Axes.Bottom.TickGenerator = Logarithmic();

    /// <summary>Labels the left axis as powers of ten: the data are plotted as log₁₀ values.</summary>
    internal static void LogarithmicLeft(ScottPlot.Plot plot) => plot.Axes.Left.TickGenerator = Logarithmic();

    /// <summary>Data as markers without lines, in a colour, with a legend entry.</summary>
    internal static ScottPlot.Plottables.Scatter Points(ScottPlot.Plot plot, double[] x, double[] y, ScottPlot.Color colour, string label, ScottPlot.MarkerShape shape = ScottPlot.MarkerShape.FilledCircle, float size = 6)
    {
        var points = plot.Add.ScatterPoints(x, y);
        points.Color = colour;
        points.MarkerShape = shape;
        points.MarkerSize = size;
        points.LegendText = label;
        return points;
    }

    /// <summary>A model's curve as a line without markers, in a colour, with a legend entry (none when the label is empty).</summary>
    internal static ScottPlot.Plottables.Scatter Line(ScottPlot.Plot plot, double[] x, double[] y, ScottPlot.Color colour, string label, float width = 2, ScottPlot.LinePattern? pattern = null)
    {
        var line = plot.Add.ScatterLine(x, y);
        line.Color = colour;
        line.LineWidth = width;
        line.LinePattern = pattern ?? ScottPlot.LinePattern.Solid;
        line.LegendText = label;
        return line;
    }

    /// <summary>A shaded band between two curves (a confidence band), with a legend entry (none when the label is empty).</summary>
    internal static ScottPlot.Plottables.FillY Band(ScottPlot.Plot plot, double[] x, double[] lower, double[] upper, ScottPlot.Color colour, string label)
    {
        var fill = plot.Add.FillY(x, lower, upper);
        fill.FillColor = colour.WithAlpha(0.25);
        fill.LineColor = ScottPlot.Colors.Transparent;
        fill.LegendText = label;
        return fill;
    }

    /// <summary>A title in the axis-title font (not bold).</summary>
    internal static void Title(ScottPlot.Plot plot, FigureStyle style, string title)
    {
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = style.FontSize + 1;
        plot.Axes.Title.Label.Bold = false;
    }

    /// <summary>Evenly spaced values from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    internal static double[] Grid(double first, double last, int count) =>
        [.. Enumerable.Range(0, count).Select(i => first + ((last - first) * i / (count - 1)))];

    /// <summary>Throws when two spans of paired data differ in length, or hold fewer than <paramref name="minimum"/> points.</summary>
    internal static void CheckPairs(int xLength, int yLength, string xName, string yName, int minimum = 1)
    {
        if (xLength != yLength)
        {
            throw new ArgumentException($"{xName} and {yName} must be paired, one value each per point; got {xLength} and {yLength}.", yName);
        }

        if (xLength < minimum)
        {
            throw new ArgumentException($"A figure of {yName} needs at least {minimum} point(s); got {xLength}.", xName);
        }
    }

    /// <summary>10ⁿ as text with superscript digits.</summary>
    internal static string PowerOfTen(double exponent)
    {
        int n = (int)Math.Round(exponent);
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        string power = string.Concat(Math.Abs(n).ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => digits[c - '0']));
        return "10" + (n < 0 ? "⁻" : string.Empty) + power;
    }

    private static LogarithmicTicks Logarithmic() => new();
}
