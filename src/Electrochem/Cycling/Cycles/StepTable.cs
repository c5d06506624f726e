using System.Collections.Immutable;
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
    public static StepTable From(CyclerRecording recording, StepThresholds? thresholds = null, CapacitySource? capacitySource = null, CancellationToken cancellationToken = default)
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
        double rest = thresholds.RestCurrentAmperes ?? thresholds.RestCurrentFraction * TensorPrimitives.MaxMagnitude(current);
        var boundaries = Boundaries(recording, rest);
        var steps = ImmutableArray.CreateBuilder<CyclerStep>(boundaries.Count - 1);
        for (int k = 0; k + 1 < boundaries.Count; k++)
        {
            if ((k & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            steps.Add(Step(recording, k, boundaries[k], boundaries[k + 1], isLast: k + 2 == boundaries.Count, rest, thresholds, capacity, energy));
        }

        return new StepTable(steps.MoveToImmutable(), capacity, energy, rest, thresholds);
    }

    /// <summary>The first row of every step, and the row count at the end.</summary>
    private static List<int> Boundaries(CyclerRecording recording, double rest)
    {
        int rows = recording.RowCount;
        ReadOnlySpan<double> stepNumbers = recording.StepIndex is { } s ? s.Values : default;
        ReadOnlySpan<double> cycles = recording.CycleIndex is { } c ? c.Values : default;
        ReadOnlySpan<double> current = recording.Current.Values;
        var starts = new List<int> { 0 };
        int row = 0;
        while (row < rows)
        {
            int next = rows;
            if (!stepNumbers.IsEmpty)
            {
                next = Math.Min(next, NextChange(stepNumbers, row));
            }
            else
            {
                int state = State(current[row], rest);
                int i = row + 1;
                while (i < rows && State(current[i], rest) == state)
                {
                    i++;
                }

                next = i;
            }

            if (!cycles.IsEmpty)
            {
                next = Math.Min(next, NextChange(cycles, row));
            }

            if (next < rows)
            {
                starts.Add(next);
            }

            row = next;
        }

        starts.Add(rows);
        return starts;
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

        for (int r = start + 1; r < end; r++)
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
        double previous = baseline;
        double total = 0;
        for (int r = start; r < end; r++)
        {
            double value = Math.Abs(accumulator[r]);
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
}
