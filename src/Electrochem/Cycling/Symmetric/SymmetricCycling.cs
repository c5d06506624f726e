using System.Collections.Immutable;
using System.Numerics.Tensors;

namespace Electrochem.Cycling;

/// <summary>
/// Galvanostatic cycling of a symmetric (Li‖Li) cell: every constant-current half-cycle with its overpotential
/// (plateau, peak, end), scatter and polarity, its evolution over time, and the first short by stated criteria
/// (<see cref="ShortCriteria"/>: a collapse of the plateau, noise, a lost square wave, each against the median of the
/// preceding half-cycles). One pass over the rows; thread-safe.
/// </summary>
/// <param name="SourceName">The recording analysed.</param>
/// <param name="HalfCycles">Every current run, in time order.</param>
/// <param name="FirstShort">The first half-cycle meeting a criterion, or null when none did.</param>
/// <param name="RestCurrentAmperes">|I| at or below this was rest (A).</param>
/// <param name="Options">The options used.</param>
public sealed record SymmetricCycling(string SourceName, ImmutableArray<PolarizationHalfCycle> HalfCycles, ShortCircuit? FirstShort, double RestCurrentAmperes, SymmetricCyclingOptions Options)
{
    /// <summary>The median plateau overpotential (V) of the half-cycles before the short (all when there is none); NaN without half-cycles.</summary>
    public double MedianPlateauVolts => SampleStatistics.Median([.. HalfCycles.Where(h => FirstShort is null || h.Index < FirstShort.HalfCycle).Select(h => h.PlateauVolts)]);

    /// <summary>Hours from the record's start to its last half-cycle's end.</summary>
    public double Hours => HalfCycles.IsEmpty ? 0 : (HalfCycles[^1].EndTime - HalfCycles[0].StartTime) / 3600;

    /// <summary>Measures the half-cycles and looks for a short.</summary>
    /// <param name="recording">Time, current and voltage of the symmetric cell.</param>
    /// <param name="options">Criteria (null: <see cref="SymmetricCyclingOptions.Default"/>).</param>
    /// <param name="cancellationToken">Stops a long analysis.</param>
    /// <returns>The half-cycles and the short, if any.</returns>
    /// <exception cref="ArgumentException">The options are out of range or the record carries no current.</exception>
    public static SymmetricCycling Analyse(CyclerRecording recording, SymmetricCyclingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        options ??= SymmetricCyclingOptions.Default;
        options.Validate();
        ReadOnlySpan<double> time = recording.TestTime.Values;
        ReadOnlySpan<double> current = recording.Current.Values;
        ReadOnlySpan<double> voltage = recording.Voltage.Values;
        double rest = options.RestCurrentAmperes ?? CurrentRuns.DefaultRestCurrent(current, recording.SourceName);
        List<CurrentRun> runs = CurrentRuns.Find(recording, rest, minimumRows: 3, out _);
        var halves = ImmutableArray.CreateBuilder<PolarizationHalfCycle>();
        double cumulative = 0;
        ShortCircuit? found = null;
        var plateaus = new List<double>();
        var noises = new List<double>();
        foreach (CurrentRun run in runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (run.Sign == 0 || run.End - run.Start < 3)
            {
                continue;
            }

            PolarizationHalfCycle h = Measure(time, current, voltage, run, halves.Count, options, ref cumulative);
            ShortCriteria signatures = ShortCriteria.None;
            if (plateaus.Count >= options.HistoryLength)
            {
                double typicalPlateau = SampleStatistics.Median(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(plateaus)[^options.HistoryLength..]);
                double typicalNoise = SampleStatistics.Median(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(noises)[^options.HistoryLength..]);
                signatures |= options.CollapseFraction > 0 && h.PlateauVolts < options.CollapseFraction * typicalPlateau ? ShortCriteria.Collapse : ShortCriteria.None;
                signatures |= options.NoiseFactor > 0 && h.NoiseVolts > Math.Max(options.NoiseFactor * typicalNoise, options.NoiseFloorVolts) ? ShortCriteria.Noise : ShortCriteria.None;
                signatures |= h.PolarityAgreement < options.PolarityFraction ? ShortCriteria.ShapeLoss : ShortCriteria.None;
            }

            h = h with { Signatures = signatures };
            if (found is null && signatures != ShortCriteria.None)
            {
                double before = cumulative - h.CapacityAmpereHours;
                found = new ShortCircuit(h.Index, (h.StartTime - time[0]) / 3600, before, options.AreaSquareMetres is { } a ? before / a : null, signatures);
            }

            // A shorted half-cycle does not become the history later ones are judged against.
            if (found is null)
            {
                plateaus.Add(h.PlateauVolts);
                noises.Add(h.NoiseVolts);
            }

            halves.Add(h);
        }

        return new SymmetricCycling(recording.SourceName, halves.ToImmutable(), found, rest, options);
    }

    private static PolarizationHalfCycle Measure(ReadOnlySpan<double> time, ReadOnlySpan<double> current, ReadOnlySpan<double> voltage, CurrentRun run, int index, SymmetricCyclingOptions options, ref double cumulative)
    {
        ReadOnlySpan<double> t = time[run.Start..run.End];
        ReadOnlySpan<double> v = voltage[run.Start..run.End];
        double amperes = TensorPrimitives.Sum(current[run.Start..run.End]) / t.Length;
        double duration = t[^1] - t[0];
        double capacity = Math.Abs(amperes) * (run.End < time.Length ? time[run.End] - t[0] : duration) / 3600;
        cumulative += capacity;

        // The plateau window by time; at least three samples.
        int from = 0, to = t.Length;
        while (from < t.Length - 3 && t[from] - t[0] < options.PlateauStartFraction * duration)
        {
            from++;
        }

        while (to > from + 3 && t[to - 1] - t[0] > options.PlateauEndFraction * duration)
        {
            to--;
        }

        ReadOnlySpan<double> pt = t[from..to], pv = v[from..to];
        double plateau = Math.Abs(TensorPrimitives.Sum(pv) / pv.Length);
        int sign = Math.Sign(amperes);
        int agreeing = 0;
        foreach (double x in v)
        {
            agreeing += Math.Sign(x) == sign ? 1 : 0;
        }

        return new PolarizationHalfCycle
        {
            Index = index,
            StartRow = run.Start,
            EndRow = run.End,
            StartTime = t[0],
            EndTime = t[^1],
            CurrentAmperes = amperes,
            CurrentDensity = options.AreaSquareMetres is { } a ? Math.Abs(amperes) / a : null,
            PlateauVolts = plateau,
            PeakVolts = Math.Abs(TensorPrimitives.MaxMagnitude(v)), // MaxMagnitude keeps the sign
            EndVolts = Math.Abs(v[^1]),
            NoiseVolts = Scatter(pt, pv),
            PolarityAgreement = agreeing / (double)v.Length,
            CapacityAmpereHours = capacity,
            CumulativeCapacityAmpereHours = cumulative,
            Signatures = ShortCriteria.None,
        };
    }

    /// <summary>RMS of y about its least-squares line in x (two passes, no allocation).</summary>
    private static double Scatter(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        double mx = TensorPrimitives.Sum(x) / n, my = TensorPrimitives.Sum(y) / n;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        double residual = sxx > 0 ? syy - (sxy * sxy / sxx) : syy;
        return Math.Sqrt(Math.Max(0, residual) / n);
    }
}
