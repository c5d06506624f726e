using Electrochem.Fitting;
using Electrochem.Kinetics;

namespace Electrochem.Plotting.Kinetics;

/// <summary>
/// Electrode-kinetics figures of a polarisation curve: the Tafel plot (log₁₀|i| against η with each branch's region
/// shaded, its fitted line, and i₀ at η = 0), a whole-curve Butler–Volmer or symmetric-cell fit over the data, and the
/// low-field line. Voltages in V (η for one electrode, η_cell for a symmetric cell); currents keep the unit they were
/// analysed in, which the caller names (the library is unit-transparent in current).
/// </summary>
public static class KineticsFigures
{
    /// <summary>Points of a fitted model's curve across the data's voltage range.</summary>
    internal const int CurvePoints = 300;

    /// <summary>
    /// The Tafel plot of an analysis: every point as log₁₀|i| against V, each branch's region shaded with its points
    /// highlighted and its line drawn (solid over the region, dashed back to V = 0), and the combined i₀ with its
    /// confidence interval at V = 0. The Tafel slope and α of each branch are in the legend.
    /// </summary>
    /// <param name="result">The Tafel analysis of these data.</param>
    /// <param name="voltage">η (or η_cell) in V as analysed — for a curve against potential, E − E_eq.</param>
    /// <param name="current">i at each voltage, in <paramref name="currentUnit"/>; zero currents are left out (no logarithm).</param>
    /// <param name="currentUnit">The unit of the current, e.g. <c>mA/cm²</c> or <c>A</c>.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or hold no point, a value is not finite, or the unit is blank.</exception>
    public static Figure Tafel(TafelResult result, ReadOnlySpan<double> voltage, ReadOnlySpan<double> current, string currentUnit, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        (double[] v, double[] i) = Checked(voltage, current, currentUnit);
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        string symbol = Symbol(result.Geometry);
        int[] nonzero = [.. Enumerable.Range(0, v.Length).Where(k => i[k] != 0)];
        TafelBranchFit[] branches = [.. new[] { result.Anodic, result.Cathodic }.OfType<TafelBranchFit>()];
        for (int k = 0; k < branches.Length; k++)
        {
            TafelBranchFit branch = branches[k];
            double sign = branch.Branch == TafelBranch.Anodic ? 1 : -1;
            var region = plot.Add.HorizontalSpan(sign * branch.Region.MinimumMagnitude, sign * branch.Region.MaximumMagnitude, BranchColour(style, branch).WithAlpha(0.15));
            region.LineColor = ScottPlot.Colors.Transparent;
            string how = branches.All(b => b.RegionSelectedAutomatically) ? "selected automatically" : branches.All(b => !b.RegionSelectedAutomatically) ? "given by hand" : "automatic and by hand";
            region.LegendText = k == 0 ? $"Tafel region{(branches.Length > 1 ? "s" : string.Empty)}, {how}" : string.Empty;
        }

        FigureBuilder.Points(plot, [.. nonzero.Select(k => v[k])], [.. nonzero.Select(k => Math.Log10(Math.Abs(i[k])))], style.Colour(0), "data", ScottPlot.MarkerShape.OpenCircle, 5);
        plot.Add.VerticalLine(0, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dotted);
        foreach (TafelBranchFit branch in branches)
        {
            ScottPlot.Color colour = BranchColour(style, branch);
            FigureBuilder.Points(plot, [.. branch.Voltage], [.. branch.Log10Current], colour, string.Empty, ScottPlot.MarkerShape.FilledCircle, 5);
            double a = branch.LineFit[TafelBranchFit.Log10ExchangeCurrentDensityName].Value;
            double s = branch.LineFit[TafelBranchFit.SlopeName].Value;
            double sign = branch.Branch == TafelBranch.Anodic ? 1 : -1;
            double start = sign * branch.Region.MinimumMagnitude;
            double end = sign * branch.Region.MaximumMagnitude;
            string slope = FigureText.WithUncertainty(branch.TafelSlope.Value * 1000, branch.TafelSlope.StandardError * 1000);
            FigureBuilder.Line(plot, [start, end], [a + (s * start), a + (s * end)], colour, $"{Name(branch)} ({branch.Voltage.Length} points): b = {slope} mV/dec, {TransferCoefficient(result.Geometry, branch)} = {FigureText.Estimate(branch.TransferCoefficient, string.Empty)}", 2);
            FigureBuilder.Line(plot, [0, start], [a, a + (s * start)], colour, string.Empty, 1.5f, ScottPlot.LinePattern.Dashed);
        }

        ParameterEstimate i0 = result.CombinedExchangeCurrentDensity;
        if (i0.Value > 0 && double.IsFinite(i0.Value))
        {
            double log = Math.Log10(i0.Value);
            if (i0.ConfidenceLower > 0 && double.IsFinite(i0.ConfidenceUpper))
            {
                var bar = plot.Add.ErrorBar([0.0], [log], [Math.Max(log - Math.Log10(i0.ConfidenceLower), Math.Log10(i0.ConfidenceUpper) - log)]);
                bar.Color = style.Colour(5);
                bar.LineWidth = 2;
            }

            var marker = plot.Add.Marker(0, log, ScottPlot.MarkerShape.FilledDiamond, 12, style.Colour(5));
            marker.LegendText = $"i₀ = {FigureText.Estimate(i0, currentUnit)} at {symbol} = 0";
        }

        FigureBuilder.LogarithmicLeft(plot);
        plot.XLabel($"{symbol} (V)");
        plot.YLabel($"|i| ({currentUnit})");
        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    /// <summary>A Butler–Volmer fit of one electrode drawn over its polarisation curve, with i₀, α_a and α_c (and the limiting currents when fitted) in the legend.</summary>
    /// <param name="fit">The fit of these data.</param>
    /// <param name="overpotential">η in V, as fitted.</param>
    /// <param name="current">i at each η, in <paramref name="currentUnit"/>.</param>
    /// <param name="currentUnit">The unit of the current, e.g. <c>mA/cm²</c>.</param>
    /// <param name="logarithmic">True for Tafel axes (log₁₀|i| against η, zero currents left out); false (the default) for i against η.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or hold no point, a value is not finite, or the unit is blank.</exception>
    public static Figure PolarizationCurve(FitResult<ButlerVolmer> fit, ReadOnlySpan<double> overpotential, ReadOnlySpan<double> current, string currentUnit, bool logarithmic = false, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        string label = $"Butler–Volmer fit\ni₀ = {FigureText.Estimate(fit.ExchangeCurrentDensity(), currentUnit)}\nα_a = {FigureText.Estimate(fit[ButlerVolmer.AnodicTransferCoefficientName], string.Empty)}, α_c = {FigureText.Estimate(fit[ButlerVolmer.CathodicTransferCoefficientName], string.Empty)}";
        if (fit.Model.IsMassTransportLimited)
        {
            label += $"\ni_lim,a = {FigureText.Estimate(fit.AnodicLimitingCurrentDensity(), currentUnit)}, |i_lim,c| = {FigureText.Estimate(fit.CathodicLimitingCurrentDensity(), currentUnit)}";
        }

        return Curve(overpotential, current, currentUnit, fit.Model.Evaluate, "η", label, logarithmic, style);
    }

    /// <summary>A symmetric-cell fit drawn over the cell's polarisation curve, with each electrode's i₀ and the common α in the legend.</summary>
    /// <param name="fit">The fit of these data.</param>
    /// <param name="cellVoltage">η_cell in V, as fitted.</param>
    /// <param name="current">i at each voltage, in <paramref name="currentUnit"/>.</param>
    /// <param name="currentUnit">The unit of the current, e.g. <c>mA/cm²</c>.</param>
    /// <param name="logarithmic">True for Tafel axes (log₁₀|i| against η_cell); false (the default) for i against η_cell.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or hold no point, a value is not finite, or the unit is blank.</exception>
    public static Figure PolarizationCurve(FitResult<SymmetricCell> fit, ReadOnlySpan<double> cellVoltage, ReadOnlySpan<double> current, string currentUnit, bool logarithmic = false, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        string label = $"symmetric-cell fit\ni₀ = {FigureText.Estimate(fit.ExchangeCurrentDensity(), currentUnit)} per electrode\nα = {FigureText.Estimate(fit[SymmetricCell.TransferCoefficientName], string.Empty)}";
        return Curve(cellVoltage, current, currentUnit, fit.Model.Evaluate, "η_cell", label, logarithmic, style);
    }

    /// <summary>The low-field (micro-polarisation) line: the points used and the fitted line i = a + s·V, with i₀ and the window's linearisation error in the legend.</summary>
    /// <param name="result">The low-field analysis.</param>
    /// <param name="currentUnit">The unit of its current densities, e.g. <c>mA/cm²</c>.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The unit is blank.</exception>
    public static Figure LowField(LowFieldPolarizationResult result, string currentUnit, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(currentUnit);
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        string symbol = Symbol(result.Geometry);
        double[] v = [.. result.Voltage];
        FigureBuilder.Points(plot, v, [.. result.CurrentDensity], style.Colour(0), "data used");
        double a = result.LineFit.Parameters[0].Value;
        double s = result.LineFit.Parameters[1].Value;
        double low = v.Min();
        double high = v.Max();
        FigureBuilder.Line(plot, [low, high], [a + (s * low), a + (s * high)], style.Colour(5), $"linear fit\ni₀ = {FigureText.Estimate(result.ExchangeCurrentDensity, currentUnit)}\nlinearisation error {FigureText.Number(result.LinearisationError * 100, 2)} % at |{symbol}| = {FigureText.Number(result.MaximumAbsoluteVoltageUsed * 1000, 3)} mV");
        plot.XLabel($"{symbol} (V)");
        plot.YLabel($"i ({currentUnit})");
        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    private static Figure Curve(ReadOnlySpan<double> voltage, ReadOnlySpan<double> current, string currentUnit, Func<double, double> model, string symbol, string label, bool logarithmic, FigureStyle? style)
    {
        (double[] v, double[] i) = Checked(voltage, current, currentUnit);
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        double[] grid = FigureBuilder.Grid(v.Min(), v.Max(), CurvePoints);
        double[] curve = [.. grid.Select(model)];
        if (logarithmic)
        {
            int[] nonzero = [.. Enumerable.Range(0, v.Length).Where(k => i[k] != 0)];
            double[] logData = [.. nonzero.Select(k => Math.Log10(Math.Abs(i[k])))];
            double floor = (logData.Length == 0 ? 0 : logData.Min()) - 0.5;
            FigureBuilder.Points(plot, [.. nonzero.Select(k => v[k])], logData, style.Colour(0), "data", ScottPlot.MarkerShape.OpenCircle, 5);
            FigureBuilder.Line(plot, grid, [.. curve.Select(c => Math.Max(floor, c == 0 ? floor : Math.Log10(Math.Abs(c))))], style.Colour(5), label);
            FigureBuilder.LogarithmicLeft(plot);
            plot.YLabel($"|i| ({currentUnit})");
        }
        else
        {
            plot.Add.HorizontalLine(0, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dotted);
            FigureBuilder.Points(plot, v, i, style.Colour(0), "data", ScottPlot.MarkerShape.OpenCircle, 5);
            FigureBuilder.Line(plot, grid, curve, style.Colour(5), label);
            plot.YLabel($"i ({currentUnit})");
        }

        plot.Add.VerticalLine(0, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dotted);
        plot.XLabel($"{symbol} (V)");
        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    private static (double[] Voltage, double[] Current) Checked(ReadOnlySpan<double> voltage, ReadOnlySpan<double> current, string currentUnit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currentUnit);
        FigureBuilder.CheckPairs(voltage.Length, current.Length, nameof(voltage), nameof(current));
        double[] v = voltage.ToArray();
        double[] i = current.ToArray();
        if (v.Any(x => !double.IsFinite(x)) || i.Any(x => !double.IsFinite(x)))
        {
            throw new ArgumentException("Every voltage and current must be finite to be drawn.", nameof(current));
        }

        return (v, i);
    }

    private static string Symbol(PolarizationGeometry geometry) => geometry == PolarizationGeometry.SymmetricCell ? "η_cell" : "η";

    private static string Name(TafelBranchFit branch) => branch.Branch == TafelBranch.Anodic ? "anodic" : "cathodic";

    private static string TransferCoefficient(PolarizationGeometry geometry, TafelBranchFit branch) =>
        geometry == PolarizationGeometry.SymmetricCell ? "α" : branch.Branch == TafelBranch.Anodic ? "α_a" : "α_c";

    private static ScottPlot.Color BranchColour(FigureStyle style, TafelBranchFit branch) => style.Colour(branch.Branch == TafelBranch.Anodic ? 1 : 4);
}
