using System.Collections.Immutable;
using System.Globalization;

namespace Electrochem.Cycling;

/// <summary>
/// A cycling test cut into runs of one rate — formation, the series whose retention is reported, recurring check-ups,
/// rate steps — so that retention and coulombic-efficiency statistics are computed within one series and check-up
/// cycles are reported apart. Rates are the cycles' mean discharge currents (constant-current steps), so no nominal
/// capacity is needed.
/// </summary>
public sealed class CyclingProtocol
{
    private CyclingProtocol(ImmutableArray<ProtocolBlock> blocks, ImmutableArray<string> notes)
    {
        Blocks = blocks;
        Notes = notes;
    }

    /// <summary>The runs in order.</summary>
    public ImmutableArray<ProtocolBlock> Blocks { get; }

    /// <summary>What the segmentation decided and why (the series rate and its share, check-ups found, a rate test recognised).</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>The cycles of all <see cref="ProtocolRole.Series"/> runs, in order.</summary>
    public ImmutableArray<int> SeriesCycles => CyclesOf(ProtocolRole.Series);

    /// <summary>The cycles of all <see cref="ProtocolRole.CheckUp"/> runs, in order.</summary>
    public ImmutableArray<int> CheckUpCycles => CyclesOf(ProtocolRole.CheckUp);

    /// <summary>Segments a cycle table by the cycles' discharge currents; cycles without a constant-current discharge are left out.</summary>
    /// <param name="table">The cycle table.</param>
    /// <param name="options">Tolerances (null: <see cref="ProtocolOptions.Default"/>).</param>
    /// <returns>The protocol.</returns>
    public static CyclingProtocol Segment(CycleTable table, ProtocolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        CycleSummary[] rated = [.. table.Cycles.Where(c => c.DischargeCurrent is not null && c.Anomalies == CycleAnomalies.None)];
        return Segment([.. rated.Select(c => c.Cycle)], [.. rated.Select(c => c.DischargeCurrent!.Value)], options);
    }

    /// <summary>Segments cycles by their currents (any unit, &gt; 0), in cycle order.</summary>
    /// <param name="cycles">Cycle numbers, increasing.</param>
    /// <param name="currents">Each cycle's discharge current magnitude (or C-rate).</param>
    /// <param name="options">Tolerances (null: <see cref="ProtocolOptions.Default"/>).</param>
    /// <returns>The protocol.</returns>
    /// <exception cref="ArgumentException">Lengths differ, nothing is given, cycles do not increase, or a current is not finite and positive.</exception>
    public static CyclingProtocol Segment(ReadOnlySpan<int> cycles, ReadOnlySpan<double> currents, ProtocolOptions? options = null)
    {
        options ??= ProtocolOptions.Default;
        options.Validate();
        if (cycles.Length != currents.Length || cycles.IsEmpty)
        {
            throw new ArgumentException($"There are {cycles.Length} cycle numbers and {currents.Length} currents; expected the same number, at least one.", nameof(currents));
        }

        for (int i = 0; i < currents.Length; i++)
        {
            if (!double.IsFinite(currents[i]) || currents[i] <= 0 || (i > 0 && cycles[i] <= cycles[i - 1]))
            {
                throw new ArgumentException($"Cycle {cycles[i]} has current {currents[i].ToString("R", CultureInfo.InvariantCulture)}; expected increasing cycle numbers and finite currents > 0.", nameof(currents));
            }
        }

        // Runs of cycles within the tolerance of the run's first cycle.
        var runs = new List<(int Start, int End, double Current)>();
        for (int start = 0; start < currents.Length;)
        {
            int end = start + 1;
            while (end < currents.Length && Same(currents[end], currents[start], options.RateTolerance))
            {
                end++;
            }

            double sum = 0;
            for (int i = start; i < end; i++)
            {
                sum += currents[i];
            }

            runs.Add((start, end, sum / (end - start)));
            start = end;
        }

        // Rates: runs whose currents agree form one rate; the rate with most cycles is the series when it holds enough.
        int[] rateOf = new int[runs.Count];
        var rates = new List<(double Current, int Cycles, int Runs)>();
        for (int r = 0; r < runs.Count; r++)
        {
            int found = rates.FindIndex(x => Same(runs[r].Current, x.Current, options.RateTolerance));
            if (found < 0)
            {
                rates.Add((runs[r].Current, 0, 0));
                found = rates.Count - 1;
            }

            rateOf[r] = found;
            rates[found] = (rates[found].Current, rates[found].Cycles + (runs[r].End - runs[r].Start), rates[found].Runs + 1);
        }

        int series = Enumerable.Range(0, rates.Count).MaxBy(k => rates[k].Cycles);
        var notes = new List<string>();
        bool hasSeries = rates[series].Cycles >= options.SeriesMinimumShare * currents.Length;
        if (hasSeries)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"series: {rates[series].Cycles} of {currents.Length} cycles at {rates[series].Current:G4} (the most common rate)"));
        }
        else
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"no rate holds {options.SeriesMinimumShare:P0} of the cycles (the most common, {rates[series].Current:G4}, holds {rates[series].Cycles} of {currents.Length}): a rate test, every run a rate step"));
        }

        int firstSeries = hasSeries ? Array.IndexOf(rateOf, series) : -1;
        int beforeSeries = firstSeries > 0 ? runs[firstSeries].Start : 0;
        var blocks = ImmutableArray.CreateBuilder<ProtocolBlock>(runs.Count);
        bool sawOtherRate = false;
        int checkUps = 0;
        for (int r = 0; r < runs.Count; r++)
        {
            (int start, int end, double current) = runs[r];
            int length = end - start;
            ProtocolRole role;
            if (!hasSeries)
            {
                role = ProtocolRole.RateStep;
            }
            else if (rateOf[r] == series)
            {
                role = ProtocolRole.Series;
            }
            else if (r < firstSeries)
            {
                role = beforeSeries <= options.FormationMaximumCycles ? ProtocolRole.Formation : ProtocolRole.RateStep;
            }
            else if (length <= options.CheckUpMaximumCycles && rates[rateOf[r]].Runs >= 2)
            {
                role = ProtocolRole.CheckUp;
                checkUps++;
            }
            else
            {
                role = ProtocolRole.RateStep;
            }

            sawOtherRate |= rateOf[r] != rateOf[0];
            bool returns = r > 0 && rateOf[r] == rateOf[0] && sawOtherRate && rateOf[r - 1] != rateOf[0];
            blocks.Add(new ProtocolBlock([.. cycles[start..end]], current, role, returns));
        }

        if (checkUps > 0)
        {
            notes.Add($"{checkUps} check-up runs between series runs, reported apart");
        }

        return new CyclingProtocol(blocks.MoveToImmutable(), [.. notes]);
    }

    /// <summary>
    /// Retention of the series' reversible capacity (the convention's second half: discharge for charge-first, charge
    /// for discharge-first) against <paramref name="reference"/>, over the series cycles only.
    /// </summary>
    /// <param name="table">The cycle table the protocol was segmented from.</param>
    /// <param name="reference">The reference (always stated with the result).</param>
    /// <returns>The retention.</returns>
    /// <exception cref="InvalidOperationException">The protocol has no series (a rate test).</exception>
    public CapacityRetention SeriesRetention(CycleTable table, RetentionReference reference)
    {
        ArgumentNullException.ThrowIfNull(table);
        CycleSummary[] series = SeriesOf(table);
        double[] capacities = [.. series.Select(c => table.Convention == EfficiencyConvention.ChargeFirst ? c.DischargeCapacity : c.ChargeCapacity)];
        return CapacityRetention.Compute([.. series.Select(c => c.Cycle)], capacities, reference);
    }

    /// <summary>Coulombic efficiency over the series cycles (complete cycles only): mean, standard deviation, minimum, maximum (%).</summary>
    /// <param name="table">The cycle table the protocol was segmented from.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="InvalidOperationException">The protocol has no series (a rate test).</exception>
    public (double Mean, double StandardDeviation, double Minimum, double Maximum, int Cycles) SeriesCoulombicEfficiency(CycleTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        double[] ce = [.. SeriesOf(table).Where(c => c.CoulombicEfficiencyPercent is not null).Select(c => c.CoulombicEfficiencyPercent!.Value)];
        if (ce.Length == 0)
        {
            throw new InvalidOperationException("No series cycle has a coulombic efficiency.");
        }

        double mean = ce.Average();
        double sd = ce.Length > 1 ? Math.Sqrt(ce.Sum(x => (x - mean) * (x - mean)) / (ce.Length - 1)) : double.NaN;
        return (mean, sd, ce.Min(), ce.Max(), ce.Length);
    }

    private CycleSummary[] SeriesOf(CycleTable table)
    {
        ImmutableArray<int> cycles = SeriesCycles;
        if (cycles.IsEmpty)
        {
            throw new InvalidOperationException("The test has no series (no rate holds most of its cycles: a rate test); compute retention against a chosen block's cycles with CapacityRetention.Compute.");
        }

        var wanted = cycles.ToHashSet();
        return [.. table.Cycles.Where(c => wanted.Contains(c.Cycle))];
    }

    private ImmutableArray<int> CyclesOf(ProtocolRole role)
    {
        var cycles = ImmutableArray.CreateBuilder<int>();
        foreach (ProtocolBlock block in Blocks.Where(b => b.Role == role))
        {
            cycles.AddRange(block.Cycles);
        }

        return cycles.ToImmutable();
    }

    private static bool Same(double a, double b, double tolerance) => Math.Abs(a - b) <= tolerance * Math.Max(a, b);
}
