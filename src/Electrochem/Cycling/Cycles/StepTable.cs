using System.Collections.Immutable;
using System.Numerics;
using System.Numerics.Tensors;

namespace Electrochem.Cycling;

/// <summary>
/// The steps of a recording, classified. Steps are runs of rows with one instrument step number and one cycle number;
/// a recording without a step counter is cut where the state changes between rest (|I| ≤ the rest threshold),
/// charge and discharge — so without a counter a constant-current charge and the constant-voltage hold after it form
/// one <see cref="StepKind.Charge"/> step.
/// </summary>
public sealed class StepTable
{
    /// <summary>Recordings with at least this many rows are summarised on every core.</summary>
    internal const int ParallelRows = 1 << 20;

    private StepTable(ImmutableArray<CyclerStep> steps, CapacitySource capacitySource, CapacitySource energySource, double restCurrent, StepThresholds thresholds)
    {
        Steps = steps;
        CapacitySource = capacitySource;
        EnergySource = energySource;
        RestCurrentAmperes = restCurrent;
        Thresholds = thresholds;
    }

    /// <summary>The steps in time order; <see cref="CyclerStep.Cycle"/> is the instrument's cycle counter at the step's first row (0 without a counter).</summary>
    public ImmutableArray<CyclerStep> Steps { get; }

    /// <summary>Where the capacities came from.</summary>
    public CapacitySource CapacitySource { get; }

    /// <summary>Where the energies came from (the instrument's energy columns only when the capacities did too and the recording has both).</summary>
    public CapacitySource EnergySource { get; }

    /// <summary>The rest threshold used (A).</summary>
    public double RestCurrentAmperes { get; }

    /// <summary>The thresholds used.</summary>
    public StepThresholds Thresholds { get; }

    /// <summary>The same table with renumbered steps (the cycle table's numbering).</summary>
    internal StepTable WithSteps(ImmutableArray<CyclerStep> steps) => new(steps, CapacitySource, EnergySource, RestCurrentAmperes, Thresholds);

    /// <summary>Cuts a recording into steps and classifies them.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="thresholds">Classification thresholds (null: <see cref="StepThresholds.Default"/>).</param>
    /// <param name="capacitySource">Where capacities come from; null: the instrument's accumulators when the recording has both a charge and a discharge capacity column, else integrated.</param>
    /// <param name="cancellationToken">Stops a long run.</param>
    /// <returns>The step table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recording"/> is null.</exception>
    /// <exception cref="ArgumentException">The instrument's accumulators were asked for but the recording has none.</exception>
    public static StepTable From(CyclerRecording recording, StepThresholds? thresholds = null, CapacitySource? capacitySource = null, CancellationToken cancellationToken = default) =>
        From(recording, thresholds, capacitySource, ParallelRows, cancellationToken);

    /// <summary>As the public overload, summarising in parallel from <paramref name="parallelRows"/> rows (tests lower it).</summary>
    internal static StepTable From(CyclerRecording recording, StepThresholds? thresholds, CapacitySource? capacitySource, int parallelRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        thresholds ??= StepThresholds.Default;
        thresholds.Validate();
        bool accumulators = recording.ChargeCapacity is not null && recording.DischargeCapacity is not null;
        CapacitySource capacity = capacitySource ?? (accumulators ? CapacitySource.Instrument : CapacitySource.Integrated);
        if (capacity == CapacitySource.Instrument && !accumulators)
        {
            throw new ArgumentException($"{recording.SourceName} has no charge and discharge capacity columns to take capacities from; use CapacitySource.Integrated to integrate the current instead.", nameof(capacitySource));
        }

        CapacitySource energy = capacity == CapacitySource.Instrument && recording.ChargeEnergy is not null && recording.DischargeEnergy is not null
            ? CapacitySource.Instrument
            : CapacitySource.Integrated;

        ReadOnlySpan<double> current = recording.Current.Values;
        double rest = thresholds.RestCurrentAmperes ?? thresholds.RestCurrentFraction * Math.Abs(TensorPrimitives.MaxMagnitude(current)); // MaxMagnitude keeps the sign
        List<int> boundaries = Boundaries(recording, rest, parallelRows, cancellationToken);
        var steps = new CyclerStep[boundaries.Count - 1];

        // Steps are independent: a long recording is summarised on every core, with the same result as on one.
        int chunk = Math.Max(1, steps.Length / (4 * Environment.ProcessorCount));
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = recording.RowCount >= parallelRows ? -1 : 1 };
        Parallel.For(0, (steps.Length + chunk - 1) / chunk, parallel, c =>
        {
            for (int k = c * chunk; k < Math.Min(steps.Length, (c + 1) * chunk); k++)
            {
                steps[k] = Step(recording, k, boundaries[k], boundaries[k + 1], isLast: k + 2 == boundaries.Count, rest, thresholds, capacity, energy);
            }
        });

        return new StepTable(ImmutableArray.Create(steps), capacity, energy, rest, thresholds);
    }

    /// <summary>The first row of every step, and the row count at the end (found in parallel for long recordings).</summary>
    private static List<int> Boundaries(CyclerRecording recording, double rest, int parallelRows, CancellationToken cancellationToken)
    {
        int rows = recording.RowCount;
        int pieces = rows >= parallelRows ? Math.Min(rows, 4 * Environment.ProcessorCount) : 1;
        var found = new List<int>[pieces];
        Parallel.For(0, pieces, new ParallelOptions { CancellationToken = cancellationToken }, p =>
            found[p] = Boundaries(recording, rest, (int)((long)rows * p / pieces), (int)((long)rows * (p + 1) / pieces)));
        var starts = new List<int>();
        foreach (List<int> piece in found)
        {
            starts.AddRange(piece);
        }

        starts.Add(rows);
        return starts;
    }

    /// <summary>The steps' first rows within [from, to): <paramref name="from"/> itself when it is row 0 or a change from the row before.</summary>
    private static List<int> Boundaries(CyclerRecording recording, double rest, int from, int to)
    {
        ReadOnlySpan<double> stepNumbers = recording.StepIndex is { } s ? s.Values[..to] : default;
        ReadOnlySpan<double> cycles = recording.CycleIndex is { } c ? c.Values[..to] : default;
        ReadOnlySpan<double> current = recording.Current.Values[..to];
        var starts = new List<int>();
        if (from >= to)
        {
            return starts;
        }

        if (from == 0 || Differs(stepNumbers, from) || Differs(cycles, from) || (stepNumbers.IsEmpty && State(current[from], rest) != State(current[from - 1], rest)))
        {
            starts.Add(from);
        }

        int row = from;
        int nextStep = from, nextCycle = cycles.IsEmpty ? to : from;
        while (row < to)
        {
            if (nextStep <= row)
            {
                nextStep = stepNumbers.IsEmpty ? NextState(current, row, rest) : NextChange(stepNumbers, row);
            }

            if (nextCycle <= row)
            {
                nextCycle = NextChange(cycles, row);
            }

            int next = Math.Min(nextStep, nextCycle);
            if (next < to)
            {
                starts.Add(next);
            }

            row = next;
        }

        return starts;
    }

    /// <summary>True when a counter's value at <paramref name="row"/> differs from the row before (NaN differs from everything).</summary>
    private static bool Differs(ReadOnlySpan<double> values, int row) => !values.IsEmpty && !(values[row] == values[row - 1]);

    /// <summary>The first row after <paramref name="row"/> whose state (rest, charge, discharge) differs.</summary>
    private static int NextState(ReadOnlySpan<double> current, int row, double rest)
    {
        int state = State(current[row], rest);
        int i = row + 1;
        while (i < current.Length && State(current[i], rest) == state)
        {
            i++;
        }

        return i;
    }

    /// <summary>The first row after <paramref name="row"/> whose value differs (vectorised); NaN never equals, so a NaN row is a step of its own.</summary>
    private static int NextChange(ReadOnlySpan<double> values, int row)
    {
        double value = values[row];
        if (double.IsNaN(value))
        {
            return row + 1;
        }

        int found = values[(row + 1)..].IndexOfAnyExcept(value);
        return found < 0 ? values.Length : row + 1 + found;
    }

    private static int State(double current, double rest) => current > rest ? 1 : current < -rest ? -1 : 0;

    private static CyclerStep Step(CyclerRecording recording, int ordinal, int start, int end, bool isLast, double rest, StepThresholds thresholds, CapacitySource capacity, CapacitySource energy)
    {
        ReadOnlySpan<double> time = recording.TestTime.Values;
        ReadOnlySpan<double> current = recording.Current.Values[start..end];
        ReadOnlySpan<double> voltage = recording.Voltage.Values[start..end];
        double startTime = StartOf(recording, start);
        double endTime = end < time.Length ? StartOf(recording, end) : time[end - 1];
        double minimum = TensorPrimitives.Min(current);
        double maximum = TensorPrimitives.Max(current);

        (double netAh, double chargeAh, double dischargeAh, double chargeWh, double dischargeWh) = Integrate(recording, start, end, time[start] - startTime);
        if (capacity == CapacitySource.Instrument)
        {
            chargeAh = Rise(recording.ChargeCapacity!.Values, start, end);
            dischargeAh = Rise(recording.DischargeCapacity!.Values, start, end);
        }

        if (energy == CapacitySource.Instrument)
        {
            chargeWh = Rise(recording.ChargeEnergy!.Values, start, end);
            dischargeWh = Rise(recording.DischargeEnergy!.Values, start, end);
        }

        double span = time[end - 1] - startTime;
        double mean = span > 0 ? netAh * 3600 / span : TensorPrimitives.Average(current);
        StepKind kind = Classify(current, voltage, mean, minimum, maximum, endTime - startTime, isLast, rest, thresholds);
        double stepNumber = recording.StepIndex is { } steps ? steps.Values[start] : double.NaN;
        int cycle = recording.CycleIndex is { } cycles && double.IsFinite(cycles.Values[start]) ? (int)Math.Clamp(cycles.Values[start], int.MinValue, int.MaxValue) : 0;
        return new CyclerStep(ordinal, stepNumber, cycle, start, end - start, kind, startTime, endTime, mean, minimum, maximum, voltage[0], voltage[^1], chargeAh, dischargeAh, chargeWh, dischargeWh);
    }

    /// <summary>
    /// When the step whose first row is <paramref name="row"/> began: the row's time less its step time when the
    /// recording has a step-time column (never before the previous row: loggers' clocks jitter), else the row's time.
    /// </summary>
    private static double StartOf(CyclerRecording recording, int row)
    {
        double t = recording.TestTime.Values[row];
        if (recording.StepTime is { } stepTime && stepTime.Values[row] is var since && double.IsFinite(since) && since >= 0)
        {
            return Math.Max(t - since, row > 0 ? recording.TestTime.Values[row - 1] : double.NegativeInfinity);
        }

        return t;
    }

    private static StepKind Classify(ReadOnlySpan<double> current, ReadOnlySpan<double> voltage, double mean, double minimum, double maximum, double duration, bool isLast, double rest, StepThresholds thresholds)
    {
        if (duration <= thresholds.PulseMaximumSeconds && !isLast)
        {
            return StepKind.Pulse;
        }

        if (Math.Max(-minimum, maximum) <= rest)
        {
            double change = voltage[^1] - voltage[0];
            return change > thresholds.RelaxationVolts ? StepKind.RelaxationUp
                : change < -thresholds.RelaxationVolts ? StepKind.RelaxationDown
                : StepKind.Rest;
        }

        bool charging = mean > 0;
        if (maximum - minimum <= thresholds.ConstantCurrentTolerance * Math.Abs(mean))
        {
            return charging ? StepKind.ConstantCurrentCharge : StepKind.ConstantCurrentDischarge;
        }

        if (TensorPrimitives.Max(voltage) - TensorPrimitives.Min(voltage) <= thresholds.ConstantVoltageVolts && Math.Abs(current[^1]) < Math.Abs(current[0]))
        {
            return charging ? StepKind.ConstantVoltageCharge : StepKind.ConstantVoltageDischarge;
        }

        return charging ? StepKind.Charge : StepKind.Discharge;
    }

    /// <summary>
    /// Net, charge and discharge capacity (A·h) and charge and discharge energy (W·h) of rows [start, end): the
    /// trapezoid rule within the step, plus the first row's current × the time before it (<paramref name="before"/>, s).
    /// </summary>
    private static (double Net, double Charge, double Discharge, double ChargeEnergy, double DischargeEnergy) Integrate(CyclerRecording recording, int start, int end, double before)
    {
        ReadOnlySpan<double> t = recording.TestTime.Values;
        ReadOnlySpan<double> i = recording.Current.Values;
        ReadOnlySpan<double> v = recording.Voltage.Values;
        double charge = 0, discharge = 0, chargeEnergy = 0, dischargeEnergy = 0;
        if (before > 0)
        {
            Add(i[start] * before, i[start] * v[start] * before, ref charge, ref discharge, ref chargeEnergy, ref dischargeEnergy);
        }

        // The trapezoid rule on the positive and negative parts of I and of V·I, a vector of rows at a time.
        int r = start + 1;
        if (end - r >= Vector<double>.Count)
        {
            Vector<double> c = Vector<double>.Zero, d = Vector<double>.Zero, ce = Vector<double>.Zero, de = Vector<double>.Zero;
            for (; r + Vector<double>.Count <= end; r += Vector<double>.Count)
            {
                var dt = Vector.Create<double>(t[r..]) - Vector.Create<double>(t[(r - 1)..]);
                var i1 = Vector.Create<double>(i[r..]);
                var i0 = Vector.Create<double>(i[(r - 1)..]);
                var v1 = Vector.Create<double>(v[r..]);
                var v0 = Vector.Create<double>(v[(r - 1)..]);
                Vector<double> p1 = Vector.Max(i1, Vector<double>.Zero), p0 = Vector.Max(i0, Vector<double>.Zero);
                Vector<double> n1 = Vector.Min(i1, Vector<double>.Zero), n0 = Vector.Min(i0, Vector<double>.Zero);
                c += (p1 + p0) * dt;
                d -= (n1 + n0) * dt;
                ce += ((p1 * v1) + (p0 * v0)) * dt;
                de -= ((n1 * v1) + (n0 * v0)) * dt;
            }

            charge += 0.5 * Vector.Sum(c);
            discharge += 0.5 * Vector.Sum(d);
            chargeEnergy += 0.5 * Vector.Sum(ce);
            dischargeEnergy += 0.5 * Vector.Sum(de);
        }

        for (; r < end; r++)
        {
            double dt = t[r] - t[r - 1];
            double positive = 0.5 * (Math.Max(i[r], 0) + Math.Max(i[r - 1], 0)) * dt;
            double negative = 0.5 * (Math.Min(i[r], 0) + Math.Min(i[r - 1], 0)) * dt;
            double positivePower = 0.5 * ((Math.Max(i[r], 0) * v[r]) + (Math.Max(i[r - 1], 0) * v[r - 1])) * dt;
            double negativePower = 0.5 * ((Math.Min(i[r], 0) * v[r]) + (Math.Min(i[r - 1], 0) * v[r - 1])) * dt;
            charge += positive;
            discharge -= negative;
            chargeEnergy += positivePower;
            dischargeEnergy -= negativePower;
        }

        return ((charge - discharge) / 3600, charge / 3600, discharge / 3600, chargeEnergy / 3600, dischargeEnergy / 3600);
    }

    private static void Add(double coulombs, double joules, ref double charge, ref double discharge, ref double chargeEnergy, ref double dischargeEnergy)
    {
        if (coulombs >= 0)
        {
            charge += coulombs;
            chargeEnergy += Math.Abs(joules);
        }
        else
        {
            discharge -= coulombs;
            dischargeEnergy += Math.Abs(joules);
        }
    }

    /// <summary>
    /// How much an accumulator rose over rows [start, end), counted from the previous row's value: magnitudes, a
    /// drop to less than half the previous value is a reset (the count restarts from zero), empty rows are skipped.
    /// </summary>
    private static double Rise(ReadOnlySpan<double> accumulator, int start, int end)
    {
        double baseline = start > 0 && double.IsFinite(accumulator[start - 1]) ? Math.Abs(accumulator[start - 1]) : 0;
        ReadOnlySpan<double> values = accumulator[start..end];
        double first = Math.Abs(values[0]);
        if (double.IsFinite(first) && RisesSmoothly(values))
        {
            // The usual case, checked a vector at a time: no empty row and no reset after the first row.
            return Math.Max(0, Math.Abs(values[^1]) - (first < 0.5 * baseline ? 0 : baseline));
        }

        double previous = baseline;
        double total = 0;
        foreach (double raw in values)
        {
            double value = Math.Abs(raw);
            if (!double.IsFinite(value))
            {
                continue;
            }

            if (value < 0.5 * previous)
            {
                total += previous - baseline;
                baseline = 0;
            }

            previous = value;
        }

        return Math.Max(0, total + previous - baseline);
    }

    /// <summary>True when every value is finite and none falls below half the one before (magnitudes).</summary>
    private static bool RisesSmoothly(ReadOnlySpan<double> values)
    {
        int r = 1;
        if (values.Length > Vector<double>.Count)
        {
            var half = new Vector<double>(0.5);
            var limit = new Vector<double>(double.MaxValue);
            for (; r + Vector<double>.Count <= values.Length; r += Vector<double>.Count)
            {
                Vector<double> now = Vector.Abs(Vector.Create<double>(values[r..]));
                Vector<double> before = Vector.Abs(Vector.Create<double>(values[(r - 1)..]));

                // NaN and ∞ fail "≤ double.MaxValue"; a reset passes "< half the previous".
                if (Vector.LessThanAny(now, half * before) || !Vector.LessThanOrEqualAll(now, limit))
                {
                    return false;
                }
            }
        }

        for (; r < values.Length; r++)
        {
            double now = Math.Abs(values[r]);
            if (!double.IsFinite(now) || now < 0.5 * Math.Abs(values[r - 1]))
            {
                return false;
            }
        }

        return true;
    }
}
