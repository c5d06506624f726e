using System.Globalization;
using Electrochem.Voltammetry;

namespace Electrochem.Plotting.Voltammetry;

/// <summary>
/// Voltammetry figures: a linear sweep with its baseline and the onset of each stability criterion marked, and cyclic
/// voltammograms (one or a scan-rate series) with their peaks drawn as heights above the extrapolated baselines.
/// Potentials in V against the reference of the measurement; currents in A, mA, µA or nA (or the current density in
/// A/cm², mA/cm², µA/cm² when the analysis had an electrode area), whichever reads best.
/// </summary>
public static class VoltammetryFigures
{
    /// <summary>
    /// The current (density) of a linear sweep against E, with the baseline the analysis fitted and a vertical line at
    /// the onset of each criterion that gave one, the criterion and its potential in the legend. When the current beyond
    /// the onsets is more than 50 times the smallest current at an onset, the axis is cut at about 20 times that current
    /// (the title says "zoomed on the onsets") so that the onset region stays visible.
    /// </summary>
    /// <param name="window">The stability-window analysis of these data.</param>
    /// <param name="potential">E in V, as analysed.</param>
    /// <param name="current">I in A at each potential (anodic positive), as analysed.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, hold fewer than 2 points, or a value is not finite.</exception>
    public static Figure LinearSweep(StabilityWindow window, ReadOnlySpan<double> potential, ReadOnlySpan<double> current, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        (double[] e, double[] i) = Checked(potential, current);
        double perArea = window.Options.AreaSquareMetres is { } area ? 1 / area : 1;
        double[] perAreaCurrent = [.. i.Select(v => v * perArea)];
        (double Bottom, double Top)? zoom = Zoom(window, e, perAreaCurrent);
        double largest = zoom is { } z ? Math.Max(Math.Abs(z.Bottom), Math.Abs(z.Top)) : perAreaCurrent.Max(Math.Abs);
        UnitScale scale = window.Options.AreaSquareMetres is null ? UnitScale.Current(largest) : UnitScale.CurrentDensity(largest);
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        FigureBuilder.Line(plot, e, [.. i.Select(v => v * perArea * scale.Factor)], style.Colour(0), window.Direction == SweepDirection.Anodic ? "anodic sweep" : "cathodic sweep", 1.8f);

        double sign = window.Direction == SweepDirection.Anodic ? 1 : -1;
        double[] ends = [e.Min(), e.Max()];
        double Baseline(double volts) => sign * (window.BaselineIntercept + (window.BaselineSlope * sign * (volts - e[0]))) * scale.Factor;
        FigureBuilder.Line(plot, ends, [.. ends.Select(Baseline)], ScottPlot.Colors.Gray, string.Create(CultureInfo.InvariantCulture, $"baseline (first {window.Options.BaselineFraction * 100:0} % of the sweep)"), 1.2f, ScottPlot.LinePattern.Dashed);

        ScottPlot.LinePattern[] patterns = [ScottPlot.LinePattern.Solid, ScottPlot.LinePattern.Dashed, ScottPlot.LinePattern.DenselyDashed];
        for (int k = 0; k < window.Onsets.Length; k++)
        {
            StabilityOnset onset = window.Onsets[k];
            if (onset.PotentialVolts is not { } volts)
            {
                continue;
            }

            var line = plot.Add.VerticalLine(volts, 1.8f, style.Colour(k switch { 0 => 5, 1 => 3, _ => 6 }), patterns[k]);
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{onset.Criterion}: {volts:F3} V");
        }

        plot.XLabel("E (V)");
        plot.YLabel(window.Options.AreaSquareMetres is null ? $"I ({scale.Unit})" : $"j ({scale.Unit})");
        string title = $"onset of {(window.Direction == SweepDirection.Anodic ? "oxidation" : "reduction")}{(window.ScanRateVoltsPerSecond is { } rate ? ", " + ScanRate(rate) : string.Empty)}";
        if (zoom is { } limits)
        {
            plot.Axes.SetLimitsY(limits.Bottom * scale.Factor, limits.Top * scale.Factor);
            title += "; zoomed on the onsets";
        }

        FigureBuilder.Title(plot, style, title);

        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    /// <summary>One cyclic voltammogram with its anodic and cathodic peaks (height above the extrapolated baseline) and ΔE_p in the legend.</summary>
    /// <param name="voltammogram">The analysis of these data.</param>
    /// <param name="potential">E in V.</param>
    /// <param name="current">I in A at each potential (anodic positive).</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, hold fewer than 2 points, or a value is not finite.</exception>
    public static Figure CyclicVoltammetry(CyclicVoltammogram voltammogram, ReadOnlySpan<double> potential, ReadOnlySpan<double> current, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(voltammogram);
        return CyclicVoltammetry([(string.Empty, potential.ToArray(), current.ToArray(), voltammogram)], style);
    }

    /// <summary>
    /// Several cyclic voltammograms on one plot (a scan-rate series), each in its own colour with its peaks; the legend
    /// gives each one's label (or scan rate) and ΔE_p.
    /// </summary>
    /// <param name="voltammograms">Each voltammogram's label, E in V, I in A, and analysis.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">No voltammogram, or one's data are unpaired or not finite.</exception>
    public static Figure CyclicVoltammetry(IReadOnlyList<(string Label, double[] Potential, double[] Current, CyclicVoltammogram Analysis)> voltammograms, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(voltammograms);
        if (voltammograms.Count == 0 || voltammograms.Any(v => v.Analysis is null))
        {
            throw new ArgumentException("A CV figure needs at least one voltammogram with its analysis.", nameof(voltammograms));
        }

        foreach ((_, double[] e, double[] i, _) in voltammograms)
        {
            Checked(e, i);
        }

        UnitScale scale = UnitScale.Current(voltammograms.SelectMany(v => v.Current).Max(Math.Abs));
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        plot.Add.HorizontalLine(0, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dotted);
        for (int k = 0; k < voltammograms.Count; k++)
        {
            (string label, double[] e, double[] i, CyclicVoltammogram cv) = voltammograms[k];
            ScottPlot.Color colour = style.Colour(k);
            string name = label.Length > 0 ? label : cv.ScanRateVoltsPerSecond is { } rate ? ScanRate(rate) : "I";
            string separation = cv.PeakSeparationVolts is { } dep ? string.Create(CultureInfo.InvariantCulture, $", ΔE_p = {dep * 1000:F0} mV") : string.Empty;
            FigureBuilder.Line(plot, e, [.. i.Select(v => v * scale.Factor)], colour, name + separation, 1.5f);
            foreach (VoltammetricPeak? peak in new[] { cv.Anodic, cv.Cathodic })
            {
                if (peak is null)
                {
                    continue;
                }

                FigureBuilder.Line(plot, [peak.PotentialVolts, peak.PotentialVolts], [peak.BaselineAmperes * scale.Factor, peak.CurrentAmperes * scale.Factor], colour, string.Empty, 1.2f, ScottPlot.LinePattern.Dashed);
                plot.Add.Marker(peak.PotentialVolts, peak.CurrentAmperes * scale.Factor, peak.HeightAmperes >= 0 ? ScottPlot.MarkerShape.FilledTriangleUp : ScottPlot.MarkerShape.FilledTriangleDown, 9, colour);
            }
        }

        if (voltammograms.Count == 1 && voltammograms[0].Analysis is { Anodic: { } a } only)
        {
            string ratio = only.PeakCurrentRatio is { } r ? string.Create(CultureInfo.InvariantCulture, $", |i_pc/i_pa| = {r:F2}") : string.Empty;
            FigureBuilder.Title(plot, style, $"i_pa = {FigureText.Number(a.HeightAmperes * scale.Factor, 3)} {scale.Unit} at {a.PotentialVolts.ToString("F3", CultureInfo.InvariantCulture)} V{ratio}");
        }

        plot.XLabel("E (V)");
        plot.YLabel($"I ({scale.Unit})");
        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    /// <summary>
    /// When the current beyond the onsets dwarfs them (more than 50 times the smallest current at an onset), the axis
    /// limits that keep the onset region visible: toward the sweep up to 20 times that current; null to show everything.
    /// </summary>
    private static (double Bottom, double Top)? Zoom(StabilityWindow window, double[] e, double[] shown)
    {
        double sign = window.Direction == SweepDirection.Anodic ? 1 : -1;
        double[] atOnsets = [.. window.Onsets.Where(o => o.PotentialVolts is not null).Select(o => sign * Interpolate(e, shown, o.PotentialVolts!.Value)).Where(double.IsFinite)];
        double earliest = atOnsets.Where(v => v > 0).DefaultIfEmpty(double.NaN).Min();
        if (!(earliest > 0) || shown.Max(v => sign * v) <= 50 * earliest)
        {
            return null;
        }

        double cut = 20 * earliest;
        double nearest = Math.Min(0, shown.Min(v => sign * v));
        double margin = 0.05 * (cut - nearest);
        return sign > 0 ? (nearest - margin, cut) : (-cut, -(nearest - margin));
    }

    /// <summary>y at x on the first segment of the curve that spans x; NaN when none does.</summary>
    private static double Interpolate(double[] x, double[] y, double at)
    {
        for (int k = 0; k + 1 < x.Length; k++)
        {
            if ((x[k] - at) * (x[k + 1] - at) <= 0)
            {
                return x[k + 1] == x[k] ? y[k] : y[k] + ((y[k + 1] - y[k]) * (at - x[k]) / (x[k + 1] - x[k]));
            }
        }

        return double.NaN;
    }

    private static string ScanRate(double voltsPerSecond) => FigureText.Number(voltsPerSecond * 1000, 3) + " mV/s";

    private static (double[] Potential, double[] Current) Checked(ReadOnlySpan<double> potential, ReadOnlySpan<double> current)
    {
        FigureBuilder.CheckPairs(potential.Length, current.Length, nameof(potential), nameof(current), 2);
        double[] e = potential.ToArray();
        double[] i = current.ToArray();
        if (e.Any(v => !double.IsFinite(v)) || i.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Every potential and current must be finite to be drawn.", nameof(current));
        }

        return (e, i);
    }
}
