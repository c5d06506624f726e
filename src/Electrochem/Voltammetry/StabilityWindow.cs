using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Fitting;

namespace Electrochem.Voltammetry;

/// <summary>
/// The electrochemical stability limit from a linear sweep (LSV): the onset of oxidation (anodic sweep) or reduction
/// (cathodic sweep) by three stated criteria — a current (density) threshold, the tangent (two-line) intersection
/// with the baseline, and a dI/dE threshold — with the baseline, the scan rate, and a warning when the criteria
/// disagree by more than a stated margin. Currents are taken toward the sweep (oxidation positive on an anodic sweep,
/// reduction positive on a cathodic one); a threshold onset is the last upward crossing, so a spike that falls back
/// does not count.
/// </summary>
/// <param name="Direction">Anodic or cathodic, from the sweep.</param>
/// <param name="ScanRateVoltsPerSecond">|dE/dt| (V/s) from a line through E against t; null without times.</param>
/// <param name="BaselineIntercept">The baseline line's value at the sweep's first potential (A, or A/m² with an area), toward the sweep.</param>
/// <param name="BaselineSlope">The baseline line's slope (A/V, or S/m² with an area), toward the sweep.</param>
/// <param name="Threshold">The current (density) threshold onset.</param>
/// <param name="Tangent">The two-line onset: the tangent at the steepest point meets the baseline.</param>
/// <param name="Derivative">The dI/dE threshold onset.</param>
/// <param name="Warnings">Disagreement between criteria, a sweep that turned, a criterion skipped.</param>
/// <param name="Options">The options used.</param>
public sealed record StabilityWindow(
    SweepDirection Direction,
    double? ScanRateVoltsPerSecond,
    double BaselineIntercept,
    double BaselineSlope,
    StabilityOnset Threshold,
    StabilityOnset Tangent,
    StabilityOnset Derivative,
    ImmutableArray<string> Warnings,
    StabilityWindowOptions Options)
{
    /// <summary>The three onsets, in the order threshold, tangent, derivative.</summary>
    public ImmutableArray<StabilityOnset> Onsets => [Threshold, Tangent, Derivative];

    /// <summary>Analyses one linear sweep (the first monotonic part of the record, if it turns).</summary>
    /// <param name="potential">Electrode potential (V), at least 10 points.</param>
    /// <param name="current">Current (A), anodic positive.</param>
    /// <param name="time">Time (s), or empty: no scan rate.</param>
    /// <param name="options">The criteria (null: <see cref="StabilityWindowOptions.Default"/>).</param>
    /// <returns>The onsets.</returns>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 10 points, a value is not finite, or the potential does not move.</exception>
    public static StabilityWindow Analyse(ReadOnlySpan<double> potential, ReadOnlySpan<double> current, ReadOnlySpan<double> time = default, StabilityWindowOptions? options = null)
    {
        options ??= StabilityWindowOptions.Default;
        options.Validate();
        Preconditions.CheckSameLength(potential.Length, current.Length, nameof(potential), nameof(current));
        Preconditions.CheckMinimumCount(potential.Length, 10, nameof(potential), "a sweep needs points before and after the onset");
        Preconditions.CheckAllFinite(potential, nameof(potential));
        Preconditions.CheckAllFinite(current, nameof(current));
        if (!time.IsEmpty)
        {
            Preconditions.CheckSameLength(potential.Length, time.Length, nameof(potential), nameof(time));
            Preconditions.CheckAllFinite(time, nameof(time));
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        int n = SweepLength(potential);
        if (n < potential.Length)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"the potential turns at point {n} ({potential[n - 1]:G5} V); only the sweep up to there is analysed"));
        }

        ReadOnlySpan<double> e = potential[..n];
        double sign = e[^1] >= e[0] ? 1 : -1;
        if (Math.Abs(e[^1] - e[0]) < 1e-6)
        {
            throw new ArgumentException("The potential does not move; a linear sweep needs a swept potential.", nameof(potential));
        }

        double scale = options.AreaSquareMetres is { } area ? sign / area : sign; // toward the sweep, per area
        var y = new double[n];
        var along = new double[n]; // the potential measured along the sweep: s·E, increasing
        for (int i = 0; i < n; i++)
        {
            y[i] = current[i] * scale;
            along[i] = sign * e[i];
        }

        // Baseline: a line through the first fraction of the swept range.
        double baselineEnd = along[0] + (options.BaselineFraction * (along[^1] - along[0]));
        int baselineCount = 0;
        while (baselineCount < n && along[baselineCount] <= baselineEnd)
        {
            baselineCount++;
        }

        baselineCount = Math.Max(baselineCount, 3);
        FitResult baseline = LinearLeastSquares.FitLine(along.AsSpan(0, baselineCount), y.AsSpan(0, baselineCount));
        double b0 = baseline.Parameters[0].Value, b1 = baseline.Parameters[1].Value;
        if (options.SubtractBaseline)
        {
            for (int i = 0; i < n; i++)
            {
                y[i] -= b0 + (b1 * along[i]);
            }
        }

        bool density = options.AreaSquareMetres is not null;
        string unit = density ? "µA/cm²" : "A";
        double? currentThreshold = density ? options.CurrentDensityThreshold : options.CurrentThreshold;
        double? slopeThreshold = density ? options.DerivativeDensityThreshold : options.DerivativeThreshold;
        double[] slope = LocalSlope.Compute(along, y, options.SlopeHalfWidthVolts);

        StabilityOnset threshold = currentThreshold is { } ct
            ? Crossing(along, y, ct, sign, string.Create(CultureInfo.InvariantCulture, $"|{(density ? "j" : "I")}| ≥ {(density ? ct * 100 : ct):G4} {unit}{(options.SubtractBaseline ? " above the baseline" : string.Empty)}"))
            : new StabilityOnset("current threshold", null, "skipped: no electrode area and no CurrentThreshold in A");
        StabilityOnset derivative = slopeThreshold is { } st
            ? Crossing(along, slope, st, sign, string.Create(CultureInfo.InvariantCulture, $"d|{(density ? "j" : "I")}|/dE ≥ {(density ? st * 100 : st):G4} {unit}/V"))
            : new StabilityOnset("dI/dE threshold", null, "skipped: no electrode area and no DerivativeThreshold in S");
        StabilityOnset tangent = TangentOnset(along, y, slope, baselineCount, options.SubtractBaseline ? 0 : b0, options.SubtractBaseline ? 0 : b1, sign);

        double[] found = [.. new[] { threshold, tangent, derivative }.Where(o => o.PotentialVolts is not null).Select(o => o.PotentialVolts!.Value)];
        if (found.Length > 1 && found.Max() - found.Min() > options.AgreementMarginVolts)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"the criteria's onsets spread over {(found.Max() - found.Min()) * 1000:F0} mV (more than {options.AgreementMarginVolts * 1000:F0} mV): quote the criterion with the value"));
        }

        foreach (StabilityOnset o in new[] { threshold, tangent, derivative }.Where(o => o.PotentialVolts is null))
        {
            warnings.Add($"{o.Criterion}: {o.Note}");
        }

        double? rate = null;
        if (!time.IsEmpty && time[n - 1] > time[0])
        {
            rate = Math.Abs(LinearLeastSquares.FitLine(time[..n], e).Parameters[1].Value);
        }

        double interceptAtStart = b0 + (b1 * along[0]);
        return new StabilityWindow(sign > 0 ? SweepDirection.Anodic : SweepDirection.Cathodic, rate, interceptAtStart, b1, threshold, tangent, derivative, warnings.ToImmutable(), options);
    }

    /// <summary>The number of points before the potential turns back by more than 10 mV from its furthest excursion.</summary>
    private static int SweepLength(ReadOnlySpan<double> e)
    {
        List<(int Start, int End, int Sign)> sweeps = CyclicVoltammogram.Sweeps(e, turnVolts: 0.01);
        return sweeps.Count == 0 ? e.Length : Math.Max(sweeps[0].End, 10);
    }

    /// <summary>The last upward crossing of <paramref name="level"/> by <paramref name="values"/>, interpolated; none when the sweep ends below it.</summary>
    private static StabilityOnset Crossing(double[] along, double[] values, double level, double sign, string criterion)
    {
        int last = -1;
        for (int i = values.Length - 1; i >= 0; i--)
        {
            if (double.IsNaN(values[i]))
            {
                continue;
            }

            if (!(values[i] >= level))
            {
                last = i;
                break;
            }
        }

        if (last == values.Length - 1 || (last >= 0 && LastFinite(values) <= last))
        {
            return new StabilityOnset(criterion, null, "not reached: the sweep ends below the threshold");
        }

        if (last < 0)
        {
            return new StabilityOnset(criterion, sign * along[0], "above the threshold from the sweep's start: the onset lies before it");
        }

        int above = last + 1;
        while (above < values.Length && double.IsNaN(values[above]))
        {
            above++;
        }

        double f = (level - values[last]) / (values[above] - values[last]);
        double onset = along[last] + (f * (along[above] - along[last]));
        return new StabilityOnset(criterion, sign * onset, "the last upward crossing, interpolated");
    }

    private static int LastFinite(double[] values)
    {
        for (int i = values.Length - 1; i >= 0; i--)
        {
            if (!double.IsNaN(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The tangent at the steepest point after the baseline window, intersected with the baseline line.</summary>
    private static StabilityOnset TangentOnset(double[] along, double[] y, double[] slope, int baselineCount, double b0, double b1, double sign)
    {
        const string criterion = "tangent at the steepest point ∩ baseline";
        int steepest = -1;
        for (int i = baselineCount; i < slope.Length; i++)
        {
            if (!double.IsNaN(slope[i]) && (steepest < 0 || slope[i] > slope[steepest]))
            {
                steepest = i;
            }
        }

        if (steepest < 0 || !(slope[steepest] > b1))
        {
            return new StabilityOnset(criterion, null, "no rise steeper than the baseline after the baseline window");
        }

        // Tangent y = y_s + m·(E − E_s); baseline y = b0 + b1·E.
        double m = slope[steepest];
        double onset = (y[steepest] - (m * along[steepest]) - b0) / (b1 - m);
        return new StabilityOnset(criterion, sign * onset, string.Create(CultureInfo.InvariantCulture, $"tangent at {sign * along[steepest]:G5} V"));
    }
}
