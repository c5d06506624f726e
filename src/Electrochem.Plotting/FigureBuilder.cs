namespace Electrochem.Plotting;

/// <summary>The shared set-up of every figure: style, fonts, frame, logarithmic axes and labels with units.</summary>
internal static class FigureBuilder
{
    /// <summary>A new plot in the style: white background, the font everywhere, a legend in the best corner.</summary>
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
        return plot;
    }

    /// <summary>Labels the bottom axis as powers of ten: the data are plotted as log₁₀ values.</summary>
    internal static void LogarithmicBottom(ScottPlot.Plot plot) => plot.Axes.Bottom.TickGenerator = Logarithmic();

    /// <summary>Labels the left axis as powers of ten: the data are plotted as log₁₀ values.</summary>
    internal static void LogarithmicLeft(ScottPlot.Plot plot) => plot.Axes.Left.TickGenerator = Logarithmic();

    /// <summary>10ⁿ as text with superscript digits.</summary>
    internal static string PowerOfTen(double exponent)
    {
        int n = (int)Math.Round(exponent);
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        string power = string.Concat(Math.Abs(n).ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => digits[c - '0']));
        return "10" + (n < 0 ? "⁻" : string.Empty) + power;
    }

    private static ScottPlot.TickGenerators.NumericAutomatic Logarithmic() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = PowerOfTen,
    };
}
