using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Impedance.Drt;

namespace Electrochem.Plotting.Impedance;

/// <summary>The distribution of relaxation times: γ (Ω) against τ (s) on a logarithmic axis, with its credible band and λ sensitivity.</summary>
public static class DrtFigures
{
    /// <summary>Points per grid step at which γ is drawn (the basis functions are smooth between grid points).</summary>
    internal const int PointsPerStep = 8;

    /// <summary>
    /// γ(τ) as a line, the credible band (when the result has one) as a shaded area, γ at λ/10 and 10λ as thin dashed
    /// lines, and the measured range (1/ω_max to 1/ω_min, τ = 1/(2πf)) marked when <paramref name="frequencyRangeHertz"/> is given.
    /// </summary>
    /// <param name="drt">The DRT.</param>
    /// <param name="frequencyRangeHertz">The data's lowest and highest frequency in Hz, to mark the measured τ range with dotted lines; null to skip.</param>
    /// <param name="peaks">The DRT's peaks (<see cref="DrtPeaks.Find"/>), marked and labelled with their areas (an asterisk when the area is not a resistance); null to skip.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    public static Figure Distribution(DrtResult drt, (double Minimum, double Maximum)? frequencyRangeHertz = null, DrtPeaksResult? peaks = null, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(drt);
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        if (drt.Band is { } band)
        {
            var fill = plot.Add.FillY([.. drt.Tau.Select(Math.Log10)], [.. band.Lower], [.. band.Upper]);
            fill.FillColor = style.Colour(2).WithAlpha(0.35);
            fill.LineColor = ScottPlot.Colors.Transparent;
            fill.LegendText = string.Create(CultureInfo.InvariantCulture, $"{band.Level * 100:0.#} % credible band");
        }

        Line(plot, drt.Tau, drt.GammaAtTenthLambda, style.Colour(1), "γ at λ/10", dashed: true);
        Line(plot, drt.Tau, drt.GammaAtTenfoldLambda, style.Colour(4), "γ at 10λ", dashed: true);
        double[] fine = Fine(drt.Tau);
        double[] fineLog = [.. fine.Select(Math.Log10)];
        double[] fineGamma = [.. fine.Select(drt.Gamma)];
        var gamma = plot.Add.ScatterLine(fineLog, fineGamma);
        gamma.Color = style.Colour(0);
        gamma.LineWidth = 2.5f;
        gamma.LegendText = string.Create(CultureInfo.InvariantCulture, $"γ, λ = {drt.Lambda:0.##e0}");
        if (frequencyRangeHertz is { } range)
        {
            double shortest = Math.Log10(1 / (2 * Math.PI * range.Maximum));
            double longest = Math.Log10(1 / (2 * Math.PI * range.Minimum));
            plot.Add.VerticalLine(shortest, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dotted);
            plot.Add.VerticalLine(longest, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dotted);
        }

        if (peaks is not null)
        {
            foreach (DrtPeak peak in peaks.Peaks)
            {
                var marker = plot.Add.Marker(Math.Log10(peak.Tau), peak.Height, ScottPlot.MarkerShape.FilledTriangleDown, 9, style.Colour(5));
                marker.LegendText = string.Empty;
                var label = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"{peak.Area:0.##} Ω{(peak.AreaIsResistance ? string.Empty : "*")}"), Math.Log10(peak.Tau), peak.Height);
                label.LabelFontSize = style.FontSize - 2;
                label.LabelAlignment = ScottPlot.Alignment.LowerCenter;
                label.OffsetY = -8;
            }
        }

        FigureBuilder.LogarithmicBottom(plot);
        plot.XLabel("τ = 1/(2πf) (s)");
        plot.YLabel("γ (Ω)");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend();
        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    private static void Line(ScottPlot.Plot plot, ImmutableArray<double> tau, ImmutableArray<double> values, ScottPlot.Color colour, string label, bool dashed)
    {
        if (values.IsDefaultOrEmpty)
        {
            return;
        }

        double[] x = [.. tau.Select(Math.Log10)];
        double[] y = [.. values];
        var line = plot.Add.ScatterLine(x, y);
        line.Color = colour;
        line.LineWidth = 1.2f;
        line.LinePattern = dashed ? ScottPlot.LinePattern.Dashed : ScottPlot.LinePattern.Solid;
        line.LegendText = label;
    }

    private static double[] Fine(ImmutableArray<double> tau)
    {
        double low = Math.Log(tau[0]);
        double high = Math.Log(tau[^1]);
        int count = ((tau.Length - 1) * PointsPerStep) + 1;
        return [.. Enumerable.Range(0, count).Select(i => Math.Exp(low + ((high - low) * i / (count - 1))))];
    }
}
