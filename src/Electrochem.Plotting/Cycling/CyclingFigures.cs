using System.Globalization;
using Electrochem.Cycling;
using Electrochem.Fitting;
using Tian = Electrochem.Cycling.RateCapability;

namespace Electrochem.Plotting.Cycling;

/// <summary>
/// Cycling figures: capacity (black, left axis) and coulombic efficiency (blue open circles, right axis in blue) against
/// cycle number, with a fade law's fit, the end of life and a knee when given (the legend holds only these); retention
/// against cycle; capacity against C-rate with Tian et al.'s law; and dQ/dV against voltage with its peaks. Capacities
/// keep the unit they were computed in (the overloads that take a <see cref="CycleTable"/> say which they use).
/// </summary>
public static class CyclingFigures
{
    /// <summary>Points of a fitted law's curve.</summary>
    internal const int CurvePoints = 300;

    /// <summary>
    /// The capacity of every complete cycle of a table (the reversible one: discharge under the charge-first
    /// convention, charge under discharge-first) and its coulombic efficiency on the right axis. The capacity is in
    /// mA·h/g when the table has an active mass, else in A·h — the unit a <paramref name="fade"/> law must have been
    /// fitted in (it is drawn in mA·h when the values are below 1 A·h).
    /// </summary>
    /// <param name="table">The cycle table.</param>
    /// <param name="fade">A fade law fitted to these capacities (its curve over the fitted cycles, dashed beyond), or null.</param>
    /// <param name="endOfLife">The end of life from that law (the threshold, and the crossing with its interval), or null.</param>
    /// <param name="knee">A Bacon–Watts knee fit of these capacities (the knee point with its interval), or null.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The table has no complete cycle.</exception>
    public static Figure Capacity(CycleTable table, FitResult<CapacityFade>? fade = null, EndOfLife? endOfLife = null, FitResult<BaconWatts>? knee = null, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        CycleSummary[] complete = [.. table.Cycles.Where(c => c.Anomalies == CycleAnomalies.None)];
        if (complete.Length == 0)
        {
            throw new ArgumentException($"{table.SourceName} has no complete cycle to draw.", nameof(table));
        }

        bool chargeFirst = table.Convention == EfficiencyConvention.ChargeFirst;
        double[] capacity = [.. complete.Select(c => ReversibleCapacity(table, c))];
        UnitScale scale = table.ActiveMassGrams is null ? UnitScale.Charge(capacity.Max(Math.Abs)) : new UnitScale(1, "mA·h/g");
        return Draw(
            [.. complete.Select(c => (double)c.Cycle)],
            [.. capacity.Select(q => q * scale.Factor)],
            [.. complete.Select(c => c.CoulombicEfficiencyPercent ?? double.NaN)],
            scale,
            chargeFirst ? "discharge capacity" : "charge capacity",
            fade,
            endOfLife,
            knee,
            style);
    }

    /// <summary>Capacity (left axis) and coulombic efficiency (right axis, when given) against cycle number, with optional fade law, end of life and knee.</summary>
    /// <param name="cycles">Cycle numbers.</param>
    /// <param name="capacity">The capacity of each cycle, in <paramref name="capacityUnit"/>.</param>
    /// <param name="coulombicEfficiencyPercent">The coulombic efficiency of each cycle in %, NaN where there is none; empty to leave out the right axis.</param>
    /// <param name="capacityUnit">The unit of the capacities, e.g. <c>mA·h/g</c>.</param>
    /// <param name="fade">A fade law fitted to these capacities in this unit, or null.</param>
    /// <param name="endOfLife">The end of life from that law, or null.</param>
    /// <param name="knee">A Bacon–Watts knee fit of these capacities, or null.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or are empty, a cycle or capacity is not finite, or the unit is blank.</exception>
    public static Figure Capacity(ReadOnlySpan<double> cycles, ReadOnlySpan<double> capacity, ReadOnlySpan<double> coulombicEfficiencyPercent, string capacityUnit, FitResult<CapacityFade>? fade = null, EndOfLife? endOfLife = null, FitResult<BaconWatts>? knee = null, FigureStyle? style = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(capacityUnit);
        FigureBuilder.CheckPairs(cycles.Length, capacity.Length, nameof(cycles), nameof(capacity));
        if (!coulombicEfficiencyPercent.IsEmpty)
        {
            FigureBuilder.CheckPairs(cycles.Length, coulombicEfficiencyPercent.Length, nameof(cycles), nameof(coulombicEfficiencyPercent));
        }

        return Draw(cycles.ToArray(), capacity.ToArray(), coulombicEfficiencyPercent.ToArray(), new UnitScale(1, capacityUnit), "capacity", fade, endOfLife, knee, style);
    }

    /// <summary>Retention (% of the reference capacity) against cycle number, the reference named in the legend and the final retention as the title.</summary>
    /// <param name="retention">The retention of a series.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    public static Figure Retention(CapacityRetention retention, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(retention);
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        double[] cycles = [.. retention.Cycles.Select(c => (double)c)];
        plot.Add.HorizontalLine(100, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dotted);
        FigureBuilder.Points(plot, cycles, [.. retention.RetentionPercent], style.Colour(0), $"against {retention.Reference} ({FigureText.Number(retention.ReferenceCapacity, 4)})", ScottPlot.MarkerShape.FilledCircle, Size(cycles.Length));
        plot.XLabel("cycle number");
        plot.YLabel("capacity retention (%)");
        FigureBuilder.Title(plot, style, string.Create(CultureInfo.InvariantCulture, $"{retention.FinalRetentionPercent:F1} % at cycle {retention.Cycles[^1]}"));
        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    /// <summary>Capacity against C-rate on a logarithmic axis, with Tian et al.'s law (Q_M, τ and n in the legend) when a fit is given.</summary>
    /// <param name="rates">C-rates in h⁻¹, each &gt; 0.</param>
    /// <param name="capacity">The capacity at each rate, in <paramref name="capacityUnit"/>.</param>
    /// <param name="capacityUnit">The unit of the capacities, e.g. <c>mA·h/g</c> (<c>A·h</c> is drawn as mA·h below 1 A·h).</param>
    /// <param name="fit">Tian et al.'s law fitted to these data, or null.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or are empty, a rate is not positive, a capacity is not finite, or the unit is blank.</exception>
    public static Figure RateCapability(ReadOnlySpan<double> rates, ReadOnlySpan<double> capacity, string capacityUnit, FitResult<Tian>? fit = null, FigureStyle? style = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(capacityUnit);
        FigureBuilder.CheckPairs(rates.Length, capacity.Length, nameof(rates), nameof(capacity));
        double[] r = rates.ToArray();
        double[] q = capacity.ToArray();
        if (r.Any(x => !(x > 0) || !double.IsFinite(x)) || q.Any(x => !double.IsFinite(x)))
        {
            throw new ArgumentException("Every C-rate must be finite and > 0 (a logarithmic axis) and every capacity finite.", nameof(rates));
        }

        UnitScale scale = capacityUnit == "A·h" ? UnitScale.Charge(q.Max(Math.Abs)) : new UnitScale(1, capacityUnit);
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        FigureBuilder.Points(plot, [.. r.Select(Math.Log10)], [.. q.Select(x => x * scale.Factor)], style.Colour(0), "data");
        if (fit is not null)
        {
            double[] grid = FigureBuilder.Grid(Math.Log10(r.Min()) - 0.1, Math.Log10(r.Max()) + 0.1, CurvePoints);
            ParameterEstimate tau = Tian.CharacteristicTime(fit);
            ParameterEstimate maximum = fit.Parameters[0];
            string label = $"Tian et al.'s law\nQ_M = {FigureText.WithUncertainty(maximum.Value * scale.Factor, maximum.StandardError * scale.Factor)} {scale.Unit}\nτ = {FigureText.WithUncertainty(tau.Value * 3600, tau.StandardError * 3600)} s, n = {FigureText.Estimate(fit.Parameters[2], string.Empty)}";
            FigureBuilder.Line(plot, grid, [.. grid.Select(x => fit.Model.Evaluate(Math.Pow(10, x)) * scale.Factor)], style.Colour(5), label);
        }

        FigureBuilder.LogarithmicBottom(plot);
        plot.XLabel("C-rate (h⁻¹)");
        plot.YLabel($"capacity ({scale.Unit})");
        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    /// <summary>dQ/dV against V of one half-cycle, its peaks marked with their voltages; the method in the legend.</summary>
    /// <param name="curve">The differential-capacity curve.</param>
    /// <param name="capacityUnit">The capacity unit of the curve (<c>A·h</c> for <c>DifferentialCapacity.ForCycle</c>; drawn as mA·h/V when below 1 A·h/V).</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The unit is blank.</exception>
    public static Figure DifferentialCapacity(DifferentialCurve curve, string capacityUnit = "A·h", FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return DifferentialCapacity([(curve.Description, curve)], capacityUnit, style);
    }

    /// <summary>Several dQ/dV curves (e.g. cycles of one cell) on one plot, each in its own colour with its peaks marked (their voltages written only when there is one curve, where they cannot collide).</summary>
    /// <param name="curves">Each curve with its legend label.</param>
    /// <param name="capacityUnit">The capacity unit of the curves (drawn as mA·h/V when it is A·h and the values are below 1).</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">No curve, or the unit is blank.</exception>
    public static Figure DifferentialCapacity(IReadOnlyList<(string Label, DifferentialCurve Curve)> curves, string capacityUnit = "A·h", FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentException.ThrowIfNullOrWhiteSpace(capacityUnit);
        if (curves.Count == 0 || curves.Any(c => c.Curve is null))
        {
            throw new ArgumentException("A dQ/dV figure needs at least one curve.", nameof(curves));
        }

        double largest = curves.SelectMany(c => c.Curve.DqDv).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        UnitScale scale = capacityUnit == "A·h" ? UnitScale.Charge(largest) : new UnitScale(1, capacityUnit);
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        plot.Add.HorizontalLine(0, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dotted);
        for (int k = 0; k < curves.Count; k++)
        {
            (string label, DifferentialCurve curve) = curves[k];
            ScottPlot.Color colour = style.Colour(k);
            FigureBuilder.Line(plot, [.. curve.Voltage], [.. curve.DqDv.Select(y => y * scale.Factor)], colour, label, 1.8f);
            foreach (DifferentialPeak peak in curve.Peaks)
            {
                plot.Add.Marker(peak.Voltage, peak.Height * scale.Factor, ScottPlot.MarkerShape.OpenCircle, 9, colour);
                if (curves.Count > 1)
                {
                    continue;
                }

                var text = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"{peak.Voltage:F3} V"), peak.Voltage, peak.Height * scale.Factor);
                text.LabelFontSize = style.FontSize - 2;
                text.LabelFontColor = colour;
                text.LabelAlignment = peak.Height >= 0 ? ScottPlot.Alignment.LowerCenter : ScottPlot.Alignment.UpperCenter;
                text.OffsetY = peak.Height >= 0 ? -6 : 6;
            }
        }

        plot.XLabel("V (V)");
        plot.YLabel($"dQ/dV ({scale.Unit}/V)");
        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    private static Figure Draw(double[] cycles, double[] capacity, double[] efficiency, UnitScale scale, string capacityName, FitResult<CapacityFade>? fade, EndOfLife? endOfLife, FitResult<BaconWatts>? knee, FigureStyle? style)
    {
        if (cycles.Any(c => !double.IsFinite(c)) || capacity.Any(q => !double.IsFinite(q)))
        {
            throw new ArgumentException("Every cycle number and capacity must be finite to be drawn.", nameof(capacity));
        }

        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        double first = cycles.Min();
        double last = cycles.Max();
        if (endOfLife is { } eol)
        {
            var threshold = plot.Add.HorizontalLine(eol.ThresholdCapacity * scale.Factor, 1.2f, style.Colour(6), ScottPlot.LinePattern.Dotted);
            string at = $"end of life at {FigureText.Number(eol.ThresholdCapacity * scale.Factor, 4)} {scale.Unit}: ";
            if (eol.Cycle is { } n && n <= Reach(last, eol))
            {
                if (double.IsFinite(eol.Lower) && double.IsFinite(eol.Upper) && eol.Upper > eol.Lower)
                {
                    var interval = plot.Add.HorizontalSpan(eol.Lower, eol.Upper, style.Colour(6).WithAlpha(0.15));
                    interval.LineColor = ScottPlot.Colors.Transparent;
                }

                var crossing = plot.Add.VerticalLine(n, 1.5f, style.Colour(6), ScottPlot.LinePattern.Dashed);
                crossing.LegendText = at + EndOfLifeText(eol);
            }
            else
            {
                threshold.LegendText = at + EndOfLifeText(eol);
            }
        }

        if (knee is not null && KneeParameter(knee) is { } k)
        {
            Knee(plot, k, "Bacon–Watts knee", style.Colour(3));
        }

        FigureBuilder.Points(plot, cycles, capacity, style.Colour(0), string.Empty, ScottPlot.MarkerShape.FilledCircle, Size(cycles.Length));
        if (fade is not null)
        {
            double fitted = double.IsFinite(fade.Model.LastFittedCycle) ? fade.Model.LastFittedCycle : last;
            double[] grid = FigureBuilder.Grid(first, fitted, CurvePoints);
            double reach = endOfLife?.Cycle is { } n && n > fitted ? Math.Min(n * 1.05, Reach(last, endOfLife)) : fitted;
            FigureBuilder.Line(plot, grid, [.. grid.Select(n => fade.Model.Evaluate(n) * scale.Factor)], style.Colour(5), $"{Law(fade.Model.Kind)} fade law{(reach > fitted ? " (dashed: extrapolated)" : string.Empty)}", 2);
            if (reach > fitted)
            {
                double[] beyond = FigureBuilder.Grid(fitted, reach, CurvePoints / 2);
                FigureBuilder.Line(plot, beyond, [.. beyond.Select(n => fade.Model.Evaluate(n) * scale.Factor)], style.Colour(5), string.Empty, 1.5f, ScottPlot.LinePattern.Dashed);
            }

            if (fade.Model.Kind == FadeModelKind.TwoRegime)
            {
                Knee(plot, fade["Nk"], "two-regime knee N_k", style.Colour(2));
            }
        }

        plot.XLabel("cycle number");
        plot.YLabel($"{capacityName} ({scale.Unit})");
        if (efficiency.Any(double.IsFinite))
        {
            int[] with = [.. Enumerable.Range(0, cycles.Length).Where(i => double.IsFinite(efficiency[i]))];
            var ce = FigureBuilder.Points(plot, [.. with.Select(i => cycles[i])], [.. with.Select(i => efficiency[i])], style.Colour(4), string.Empty, ScottPlot.MarkerShape.OpenCircle, Size(cycles.Length));
            ce.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Right.Label.Text = "coulombic efficiency (%)";
            plot.Axes.Right.Label.ForeColor = style.Colour(4);
            plot.Axes.Right.TickLabelStyle.ForeColor = style.Colour(4);
            plot.Axes.Right.FrameLineStyle.Color = style.Colour(4);
        }

        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    /// <summary>A knee: a vertical line at it, its interval shaded when finite.</summary>
    private static void Knee(ScottPlot.Plot plot, ParameterEstimate knee, string name, ScottPlot.Color colour)
    {
        if (double.IsFinite(knee.ConfidenceLower) && double.IsFinite(knee.ConfidenceUpper) && knee.ConfidenceUpper > knee.ConfidenceLower)
        {
            var interval = plot.Add.HorizontalSpan(knee.ConfidenceLower, knee.ConfidenceUpper, colour.WithAlpha(0.15));
            interval.LineColor = ScottPlot.Colors.Transparent;
        }

        var line = plot.Add.VerticalLine(knee.Value, 1.5f, colour, ScottPlot.LinePattern.DenselyDashed);
        line.LegendText = $"{name}: cycle {FigureText.WithUncertainty(knee.Value, knee.StandardError)}";
    }

    private static ParameterEstimate? KneeParameter(FitResult<BaconWatts> knee) =>
        knee.TryGetParameter(knee.Model.HasOnset ? BaconWatts.KneeOnsetName : BaconWatts.KneePointName, out ParameterEstimate estimate) ? estimate : null;

    /// <summary>How far beyond the data an extrapolated end of life is drawn: three times the last cycle at most.</summary>
    private static double Reach(double last, EndOfLife? endOfLife) => endOfLife?.Cycle is { } n ? Math.Min(n * 1.05, 3 * Math.Max(last, 1)) : last;

    private static string EndOfLifeText(EndOfLife eol) => eol.Cycle is { } n
        ? string.Create(CultureInfo.InvariantCulture, $"cycle {n:F0}{(double.IsFinite(eol.Lower) ? $" (CI {eol.Lower:F0}–{eol.Upper:F0})" : string.Empty)}{(eol.IsExtrapolation ? ", extrapolated" : string.Empty)}")
        : "not reached";

    private static string Law(FadeModelKind kind) => kind switch
    {
        FadeModelKind.Linear => "linear",
        FadeModelKind.SquareRoot => "√N",
        FadeModelKind.PowerLaw => "power-law",
        FadeModelKind.Exponential => "exponential",
        FadeModelKind.DoubleExponential => "double-exponential",
        _ => "two-regime",
    };

    /// <summary>Smaller markers for many cycles, so that a thousand cycles do not merge into a band.</summary>
    private static float Size(int count) => count switch
    {
        <= 60 => 6,
        <= 300 => 4,
        _ => 3,
    };

    private static double ReversibleCapacity(CycleTable table, CycleSummary cycle)
    {
        double ampereHours = table.Convention == EfficiencyConvention.ChargeFirst ? cycle.DischargeCapacity : cycle.ChargeCapacity;
        return table.ActiveMassGrams is { } grams ? ampereHours * 1000 / grams : ampereHours;
    }
}
