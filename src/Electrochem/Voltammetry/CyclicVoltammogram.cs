using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Fitting;

namespace Electrochem.Voltammetry;

/// <summary>
/// One cycle of a cyclic voltammogram: the anodic and cathodic peaks, each with its height above a baseline fitted to
/// the start of its sweep and extrapolated under the peak, the peak separation ΔE_p = E_pa − E_pc, and the peak current
/// ratio |i_pc/i_pa| (heights, not raw currents). A sweep whose extreme lies at its vertex has no peak (said in the notes).
/// </summary>
/// <param name="Cycle">The cycle analysed (0-based: an anodic sweep and the cathodic sweep after it).</param>
/// <param name="Cycles">How many complete cycles the record holds.</param>
/// <param name="ScanRateVoltsPerSecond">|dE/dt| over the cycle (V/s); null without times.</param>
/// <param name="Anodic">The anodic peak, or null.</param>
/// <param name="Cathodic">The cathodic peak, or null.</param>
/// <param name="Notes">What was found missing or assumed.</param>
public sealed record CyclicVoltammogram(int Cycle, int Cycles, double? ScanRateVoltsPerSecond, VoltammetricPeak? Anodic, VoltammetricPeak? Cathodic, ImmutableArray<string> Notes)
{
    /// <summary>ΔE_p = E_pa − E_pc (V); null without both peaks.</summary>
    public double? PeakSeparationVolts => Anodic is { } a && Cathodic is { } c ? a.PotentialVolts - c.PotentialVolts : null;

    /// <summary>|i_pc/i_pa| from the heights above the baselines; null without both peaks.</summary>
    public double? PeakCurrentRatio => Anodic is { } a && Cathodic is { } c && a.HeightAmperes != 0 ? Math.Abs(c.HeightAmperes / a.HeightAmperes) : null;

    /// <summary>Finds the sweeps of a cyclic voltammogram and analyses one cycle.</summary>
    /// <param name="potential">E (V).</param>
    /// <param name="current">I (A), anodic positive.</param>
    /// <param name="time">t (s), or empty.</param>
    /// <param name="cycle">Which cycle (0-based); null: the last complete one (the first often differs).</param>
    /// <param name="baselineFraction">The fraction of each sweep's range, from its start, the baseline is fitted over (default 0.15).</param>
    /// <returns>The cycle's peaks.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a value is not finite, the record holds no complete cycle, or the cycle asked for does not exist.</exception>
    public static CyclicVoltammogram Analyse(ReadOnlySpan<double> potential, ReadOnlySpan<double> current, ReadOnlySpan<double> time = default, int? cycle = null, double baselineFraction = 0.15)
    {
        Preconditions.CheckSameLength(potential.Length, current.Length, nameof(potential), nameof(current));
        Preconditions.CheckMinimumCount(potential.Length, 10, nameof(potential), "a voltammogram needs two sweeps");
        Preconditions.CheckAllFinite(potential, nameof(potential));
        Preconditions.CheckAllFinite(current, nameof(current));
        Preconditions.CheckOpenUnitInterval(baselineFraction);
        List<(int Start, int End, int Sign)> sweeps = Sweeps(potential);
        var pairs = new List<((int Start, int End, int Sign) Anodic, (int Start, int End, int Sign) Cathodic)>();
        for (int k = 0; k + 1 < sweeps.Count; k++)
        {
            if (sweeps[k].Sign > 0 && sweeps[k + 1].Sign < 0)
            {
                pairs.Add((sweeps[k], sweeps[k + 1]));
            }
        }

        if (pairs.Count == 0)
        {
            throw new ArgumentException($"The record holds {sweeps.Count} sweep(s) but no anodic sweep followed by a cathodic one: no complete cycle to analyse.", nameof(potential));
        }

        int chosen = cycle ?? pairs.Count - 1;
        if (chosen < 0 || chosen >= pairs.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(cycle), cycle, $"The record holds {pairs.Count} complete cycle(s), numbered 0 to {pairs.Count - 1}.");
        }

        var notes = ImmutableArray.CreateBuilder<string>();
        ((int s0, int e0, _), (int s1, int e1, _)) = pairs[chosen];
        VoltammetricPeak? anodic = Peak(potential, current, s0, e0, +1, baselineFraction, notes);
        VoltammetricPeak? cathodic = Peak(potential, current, s1, e1, -1, baselineFraction, notes);
        double? rate = null;
        if (!time.IsEmpty)
        {
            Preconditions.CheckSameLength(potential.Length, time.Length, nameof(potential), nameof(time));
            double seconds = time[e1 - 1] - time[s0];
            double travel = Math.Abs(potential[e0 - 1] - potential[s0]) + Math.Abs(potential[e1 - 1] - potential[s1]);
            rate = seconds > 0 ? travel / seconds : null;
        }

        return new CyclicVoltammogram(chosen, pairs.Count, rate, anodic, cathodic, notes.ToImmutable());
    }

    /// <summary>The monotonic sweeps [Start, End) with their direction, split where the potential turns back by more than <paramref name="turnVolts"/> (5 mV for a CV).</summary>
    internal static List<(int Start, int End, int Sign)> Sweeps(ReadOnlySpan<double> e, double turnVolts = 0.005)
    {
        var sweeps = new List<(int, int, int)>();
        int start = 0, sign = 0, extremeAt = 0;
        for (int i = 1; i < e.Length; i++)
        {
            if (sign == 0)
            {
                if (Math.Abs(e[i] - e[start]) > turnVolts)
                {
                    sign = Math.Sign(e[i] - e[start]);
                    extremeAt = i;
                }

                continue;
            }

            if ((e[i] - e[extremeAt]) * sign >= 0)
            {
                extremeAt = i;
            }
            else if ((e[extremeAt] - e[i]) * sign > turnVolts)
            {
                sweeps.Add((start, extremeAt + 1, sign));
                start = extremeAt;
                sign = -sign;
                extremeAt = i;
            }
        }

        if (sign != 0)
        {
            sweeps.Add((start, e.Length, sign));
        }

        return sweeps;
    }

    private static VoltammetricPeak? Peak(ReadOnlySpan<double> e, ReadOnlySpan<double> i, int start, int end, int sign, double baselineFraction, ImmutableArray<string>.Builder notes)
    {
        string name = sign > 0 ? "anodic" : "cathodic";
        int best = start;
        for (int k = start; k < end; k++)
        {
            if (sign * i[k] > sign * i[best])
            {
                best = k;
            }
        }

        double range = Math.Abs(e[end - 1] - e[start]);
        if (Math.Abs(e[end - 1] - e[best]) < 0.02 * range)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the {name} sweep's extreme current lies at its vertex ({e[best]:G5} V): no {name} peak"));
            return null;
        }

        int baselineEnd = start;
        while (baselineEnd < best && Math.Abs(e[baselineEnd] - e[start]) <= baselineFraction * range)
        {
            baselineEnd++;
        }

        if (baselineEnd - start < 3)
        {
            notes.Add($"fewer than three points before the {name} peak for its baseline; the height is above zero");
            return new VoltammetricPeak(best, e[best], i[best], 0, i[best]);
        }

        FitResult line = LinearLeastSquares.FitLine(e[start..baselineEnd], i[start..baselineEnd]);
        double baseline = line.Parameters[0].Value + (line.Parameters[1].Value * e[best]);
        return new VoltammetricPeak(best, e[best], i[best], baseline, i[best] - baseline);
    }
}
