using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Voltammetry;

/// <summary>
/// A float (potentiostatic hold) test: the potential stepped up and held, the leakage current at the end of each hold
/// measuring the electrolyte's parasitic oxidation. A hold is a run of samples whose potential stays within
/// ± <c>toleranceVolts</c> of its first for at least <c>minimumSeconds</c>; its leakage is the mean current over its
/// last <c>tailFraction</c>.
/// </summary>
public static class FloatTest
{
    /// <summary>Finds the holds and their leakage currents.</summary>
    /// <param name="time">t (s), non-decreasing.</param>
    /// <param name="potential">E (V).</param>
    /// <param name="current">I (A).</param>
    /// <param name="areaSquareMetres">The electrode area (m²) for densities, or null. Never defaulted.</param>
    /// <param name="toleranceVolts">How far the potential may wander within a hold (default 1 mV).</param>
    /// <param name="minimumSeconds">The shortest hold (default 60 s).</param>
    /// <param name="tailFraction">The trailing fraction of each hold the leakage is averaged over (default 0.2).</param>
    /// <returns>The holds, in time order.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a value is not finite, or a parameter is out of range.</exception>
    public static ImmutableArray<PotentiostaticHold> Analyse(ReadOnlySpan<double> time, ReadOnlySpan<double> potential, ReadOnlySpan<double> current, double? areaSquareMetres = null, double toleranceVolts = 0.001, double minimumSeconds = 60, double tailFraction = 0.2)
    {
        Preconditions.CheckSameLength(time.Length, potential.Length, nameof(time), nameof(potential));
        Preconditions.CheckSameLength(time.Length, current.Length, nameof(time), nameof(current));
        Preconditions.CheckAllFinite(time, nameof(time));
        Preconditions.CheckAllFinite(potential, nameof(potential));
        Preconditions.CheckAllFinite(current, nameof(current));
        Preconditions.CheckPositive(toleranceVolts);
        Preconditions.CheckPositive(minimumSeconds);
        Preconditions.CheckOpenUnitInterval(tailFraction);
        if (areaSquareMetres is { } a)
        {
            Preconditions.CheckPositive(a, nameof(areaSquareMetres));
        }

        var holds = ImmutableArray.CreateBuilder<PotentiostaticHold>();
        int start = 0;
        for (int i = 1; i <= time.Length; i++)
        {
            if (i < time.Length && Math.Abs(potential[i] - potential[start]) <= toleranceVolts)
            {
                continue;
            }

            if (i - start >= 3 && time[i - 1] - time[start] >= minimumSeconds)
            {
                holds.Add(Hold(holds.Count, time[start..i], potential[start..i], current[start..i], areaSquareMetres, tailFraction));
            }

            start = i;
        }

        return holds.ToImmutable();
    }

    private static PotentiostaticHold Hold(int index, ReadOnlySpan<double> t, ReadOnlySpan<double> e, ReadOnlySpan<double> i, double? area, double tailFraction)
    {
        double duration = t[^1] - t[0];
        int tail = t.Length - 1;
        while (tail > 0 && t[tail - 1] >= t[^1] - (tailFraction * duration))
        {
            tail--;
        }

        tail = Math.Min(tail, t.Length - 3);
        ReadOnlySpan<double> ti = t[tail..], ii = i[tail..];
        double mean = 0;
        foreach (double x in ii)
        {
            mean += x;
        }

        mean /= ii.Length;
        double variance = 0;
        foreach (double x in ii)
        {
            variance += (x - mean) * (x - mean);
        }

        double charge = 0;
        for (int k = 1; k < t.Length; k++)
        {
            charge += 0.5 * (i[k] + i[k - 1]) * (t[k] - t[k - 1]);
        }

        double potentialMean = 0;
        foreach (double x in e)
        {
            potentialMean += x;
        }

        double slope = ti[^1] > ti[0] ? LinearLeastSquares.FitLine(ti, ii).Parameters[1].Value : 0;
        return new PotentiostaticHold(index, potentialMean / e.Length, t[0], duration, mean, Math.Sqrt(variance / Math.Max(1, ii.Length - 1)), area is { } a ? mean / a : null, slope, charge);
    }
}
