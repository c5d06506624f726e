using System.Collections.Immutable;
using System.Globalization;

namespace Electrochem.Cycling;

/// <summary>
/// Capacity retention of a series of cycles against a named reference: retention_n = 100 · Q_n / Q_ref (%). The
/// capacities are unit-transparent (A·h, mA·h/g, … — the same unit for all). The result always carries its reference.
/// </summary>
/// <param name="Reference">How the reference was chosen.</param>
/// <param name="ReferenceCapacity">The reference capacity, in the capacities' unit.</param>
/// <param name="Cycles">The series' cycle numbers.</param>
/// <param name="Capacities">The series' capacities.</param>
/// <param name="RetentionPercent">100 · capacity / reference capacity, per cycle.</param>
public sealed record CapacityRetention(
    RetentionReference Reference,
    double ReferenceCapacity,
    ImmutableArray<int> Cycles,
    ImmutableArray<double> Capacities,
    ImmutableArray<double> RetentionPercent)
{
    /// <summary>The retention of the series' last cycle (%).</summary>
    public double FinalRetentionPercent => RetentionPercent[^1];

    /// <summary>Retention of one cycle (%).</summary>
    /// <param name="cycle">The cycle number.</param>
    /// <returns>The retention.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cycle is not in the series.</exception>
    public double At(int cycle)
    {
        int index = Cycles.IndexOf(cycle);
        return index >= 0 ? RetentionPercent[index] : throw new ArgumentOutOfRangeException(nameof(cycle), cycle, $"Cycle {cycle} is not in the series (cycles {Cycles[0]} to {Cycles[^1]}).");
    }

    /// <summary>"97.465 % at cycle 165, against the first cycle (149.9)" (three decimals, so a value is never rounded twice).</summary>
    /// <returns>The statement.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{FinalRetentionPercent:F3} % at cycle {Cycles[^1]}, against {Reference} ({ReferenceCapacity:G6})");

    /// <summary>Computes the retention of a series.</summary>
    /// <param name="cycles">Cycle numbers, increasing.</param>
    /// <param name="capacities">Capacities, one per cycle, finite and &gt; 0 (any unit).</param>
    /// <param name="reference">The reference.</param>
    /// <returns>The retention.</returns>
    /// <exception cref="ArgumentException">Lengths differ, the series is empty, cycles do not increase, or a capacity is not finite and positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The reference's cycle is not in the series, or its n exceeds the series.</exception>
    public static CapacityRetention Compute(ReadOnlySpan<int> cycles, ReadOnlySpan<double> capacities, RetentionReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        Check(cycles, capacities);
        double q0 = CapacityOf(reference, cycles, capacities);
        var percent = ImmutableArray.CreateBuilder<double>(capacities.Length);
        foreach (double q in capacities)
        {
            percent.Add(100 * q / q0);
        }

        return new CapacityRetention(reference, q0, [.. cycles], [.. capacities], percent.MoveToImmutable());
    }

    /// <summary>
    /// Which standard references make the series' last cycle show <paramref name="reportedPercent"/> (to within the
    /// rounding of the reported value, ± <paramref name="roundingHalfWidth"/> percentage points): each cycle among
    /// the first <paramref name="searchCycles"/>, and the largest, median and mean of the first n for n up to that.
    /// Also gives the reference capacity the reported value implies. Use it to learn how a published retention was
    /// computed, and to say so.
    /// </summary>
    /// <param name="cycles">Cycle numbers, increasing.</param>
    /// <param name="capacities">Capacities, one per cycle.</param>
    /// <param name="reportedPercent">The retention as published (%).</param>
    /// <param name="roundingHalfWidth">Half the last reported digit, in percentage points (0.005 for two decimals).</param>
    /// <param name="searchCycles">How many leading cycles to consider (default 50).</param>
    /// <returns>The implied reference capacity and the references that reproduce the value (possibly none).</returns>
    public static RetentionExplanation Explain(ReadOnlySpan<int> cycles, ReadOnlySpan<double> capacities, double reportedPercent, double roundingHalfWidth = 0.005, int searchCycles = 50)
    {
        Check(cycles, capacities);
        if (!double.IsFinite(reportedPercent) || reportedPercent <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(reportedPercent), reportedPercent, $"The reported retention is {reportedPercent}; expected a finite percentage > 0.");
        }

        if (!double.IsFinite(roundingHalfWidth) || roundingHalfWidth < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(roundingHalfWidth), roundingHalfWidth, $"The rounding half-width is {roundingHalfWidth}; expected a finite number of percentage points ≥ 0.");
        }

        int n = Math.Min(Math.Max(1, searchCycles), capacities.Length);
        var candidates = new List<RetentionReference>();
        for (int k = 0; k < n; k++)
        {
            candidates.Add(RetentionReference.AtCycle(cycles[k]));
        }

        for (int m = 2; m <= n; m++)
        {
            candidates.Add(RetentionReference.MaximumOfFirst(m));
            candidates.Add(RetentionReference.MedianOfFirst(m));
            candidates.Add(RetentionReference.MeanOfFirst(m));
        }

        double last = capacities[^1];
        var matches = ImmutableArray.CreateBuilder<(RetentionReference, double)>();
        foreach (RetentionReference candidate in candidates)
        {
            double percent = 100 * last / CapacityOf(candidate, cycles, capacities);
            if (Math.Abs(percent - reportedPercent) <= roundingHalfWidth && !matches.Any(m => m.Item2 == percent && m.Item1.Kind != RetentionReferenceKind.Cycle))
            {
                matches.Add((candidate, percent));
            }
        }

        return new RetentionExplanation(reportedPercent, 100 * last / reportedPercent, 100 * last / capacities[0], matches.ToImmutable());
    }

    /// <summary>The reference capacity of a series (cycles in order).</summary>
    internal static double CapacityOf(RetentionReference reference, ReadOnlySpan<int> cycles, ReadOnlySpan<double> capacities)
    {
        if (reference.Kind == RetentionReferenceKind.Cycle)
        {
            int index = cycles.IndexOf(reference.Count);
            return index < 0
                ? throw new ArgumentOutOfRangeException(nameof(reference), reference.Count, $"The reference is cycle {reference.Count}, which is not in the series (cycles {cycles[0]} to {cycles[^1]}).")
                : capacities[index];
        }

        if (reference.Kind == RetentionReferenceKind.FirstCycle)
        {
            return capacities[0];
        }

        if (reference.Count < 1 || reference.Count > capacities.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(reference), reference.Count, $"The reference is {reference}, but the series has {capacities.Length} cycles; expected n from 1 to {capacities.Length}.");
        }

        ReadOnlySpan<double> first = capacities[..reference.Count];
        switch (reference.Kind)
        {
            case RetentionReferenceKind.MaximumOfFirst:
                return System.Numerics.Tensors.TensorPrimitives.Max(first);
            case RetentionReferenceKind.MeanOfFirst:
                return System.Numerics.Tensors.TensorPrimitives.Average(first);
            default:
                return SampleStatistics.Median(first);
        }
    }

    private static void Check(ReadOnlySpan<int> cycles, ReadOnlySpan<double> capacities)
    {
        if (cycles.Length != capacities.Length)
        {
            throw new ArgumentException($"There are {cycles.Length} cycle numbers but {capacities.Length} capacities; expected one capacity per cycle.", nameof(capacities));
        }

        if (cycles.IsEmpty)
        {
            throw new ArgumentException("The series is empty; expected at least one cycle.", nameof(cycles));
        }

        for (int i = 0; i < capacities.Length; i++)
        {
            if (!double.IsFinite(capacities[i]) || capacities[i] <= 0)
            {
                throw new ArgumentException($"The capacity of cycle {cycles[i]} is {capacities[i].ToString("R", CultureInfo.InvariantCulture)}; expected a finite capacity > 0 (leave incomplete cycles out of the series).", nameof(capacities));
            }

            if (i > 0 && cycles[i] <= cycles[i - 1])
            {
                throw new ArgumentException($"Cycle {cycles[i]} follows cycle {cycles[i - 1]}; expected increasing cycle numbers.", nameof(cycles));
            }
        }
    }
}

/// <summary>What a published retention implies about its reference.</summary>
/// <param name="ReportedPercent">The published retention (%).</param>
/// <param name="ImpliedReferenceCapacity">The reference capacity that gives it: last capacity / (reported / 100).</param>
/// <param name="AgainstFirstCyclePercent">The retention against the series' first cycle, for comparison (%).</param>
/// <param name="Matches">The standard references that reproduce the published value, with the value each gives; empty when none does.</param>
public sealed record RetentionExplanation(
    double ReportedPercent,
    double ImpliedReferenceCapacity,
    double AgainstFirstCyclePercent,
    ImmutableArray<(RetentionReference Reference, double Percent)> Matches);
