using System.Collections.Immutable;
using System.Globalization;

namespace Electrochem.Cycling;

/// <summary>
/// The per-cycle summary of a cycling test: steps classified, cycles numbered by a stated rule, capacities, energies
/// and efficiencies under an explicit convention, and the running accounts (<see cref="CycleBookkeeping"/>).
/// </summary>
public sealed class CycleTable
{
    private static readonly string[] ResistanceNames = ["internal_resistance", "internalresistance", "ir", "dcir", "resistance"];

    private CycleTable(
        string sourceName,
        CycleTableOptions options,
        CycleNumbering numbering,
        string numberingReason,
        StepTable steps,
        ImmutableArray<CycleSummary> cycles,
        double? mass,
        double? nominal,
        ImmutableArray<string> warnings)
    {
        SourceName = sourceName;
        Convention = options.Convention;
        Numbering = numbering;
        NumberingReason = numberingReason;
        StepTable = steps;
        Cycles = cycles;
        ActiveMassGrams = mass;
        AreaSquareCentimetres = options.AreaSquareCentimetres;
        NominalCapacityAmpereHours = nominal;
        Warnings = warnings;
    }

    /// <summary>The recording's source name.</summary>
    public string SourceName { get; }

    /// <summary>The convention the efficiencies and differences follow.</summary>
    public EfficiencyConvention Convention { get; }

    /// <summary>How the cycles were numbered.</summary>
    public CycleNumbering Numbering { get; }

    /// <summary>Why: which counter, or why it was not used.</summary>
    public string NumberingReason { get; }

    /// <summary>The steps, with <see cref="CyclerStep.Cycle"/> set to the table's cycle numbers.</summary>
    public StepTable StepTable { get; }

    /// <summary>The cycles in time order.</summary>
    public ImmutableArray<CycleSummary> Cycles { get; }

    /// <summary>The active mass used for specific capacities (g): the caller's, else the recording's stated one; null when neither gave one.</summary>
    public double? ActiveMassGrams { get; }

    /// <summary>The electrode area used for areal capacities (cm²); null when none was given.</summary>
    public double? AreaSquareCentimetres { get; }

    /// <summary>The nominal capacity used for C-rates and equivalent full cycles (A·h); null when none was given or stated.</summary>
    public double? NominalCapacityAmpereHours { get; }

    /// <summary>What the analysis noticed: a convention that looks reversed, an incomplete last cycle, a counter not used.</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>The cycle numbered <paramref name="cycle"/>.</summary>
    /// <param name="cycle">The cycle number.</param>
    /// <returns>The cycle.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No cycle has that number.</exception>
    public CycleSummary GetCycle(int cycle)
    {
        foreach (CycleSummary summary in Cycles)
        {
            if (summary.Cycle == cycle)
            {
                return summary;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(cycle), cycle, $"{SourceName} has no cycle {cycle}; its cycles are {Describe(Cycles)}.");
    }

    /// <summary>Builds the cycle table of a recording.</summary>
    /// <param name="recording">The recording (current &gt; 0 on charge).</param>
    /// <param name="options">The convention and settings.</param>
    /// <param name="cancellationToken">Stops a long run.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The instrument's counter or accumulators were asked for and cannot be used, or the named resistance column does not exist.</exception>
    public static CycleTable From(CyclerRecording recording, CycleTableOptions options, CancellationToken cancellationToken = default) =>
        From(recording, options, StepTable.ParallelRows, cancellationToken);

    /// <summary>As the public overload, summarising steps in parallel from <paramref name="parallelRows"/> rows (tests lower it).</summary>
    internal static CycleTable From(CyclerRecording recording, CycleTableOptions options, int parallelRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        StepTable table = StepTable.From(recording, options.Steps, options.CapacitySource, parallelRows, cancellationToken);
        ImmutableArray<CyclerStep> steps = table.Steps;
        var warnings = new List<string>();
        (CycleNumbering numbering, string reason, int[] numbers) = Number(recording, steps, options);
        var renumbered = ImmutableArray.CreateBuilder<CyclerStep>(steps.Length);
        for (int k = 0; k < steps.Length; k++)
        {
            renumbered.Add(steps[k].Cycle == numbers[k] ? steps[k] : steps[k] with { Cycle = numbers[k] });
        }

        steps = renumbered.MoveToImmutable();
        double? mass = options.ActiveMassGrams ?? recording.Metadata.ActiveMassGrams;
        double? nominal = options.NominalCapacityAmpereHours ?? recording.Metadata.NominalCapacityAmpereHours;
        RecordingColumn? resistance = ResistanceColumn(recording, options.InternalResistanceColumn);
        var cycles = ImmutableArray.CreateBuilder<CycleSummary>();
        var ledger = new Ledger(options.Convention, nominal);
        for (int first = 0; first < steps.Length;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int end = first + 1;
            while (end < steps.Length && steps[end].Cycle == steps[first].Cycle)
            {
                end++;
            }

            CycleSummary cycle = Summarise(recording, steps.AsSpan(first, end - first), options, mass, nominal, resistance, isLast: end == steps.Length);
            cycles.Add(cycle with { Bookkeeping = ledger.Next(cycle.ChargeCapacity, cycle.DischargeCapacity) });
            first = end;
        }

        ImmutableArray<CycleSummary> all = cycles.ToImmutable();
        AddConventionWarning(all, options.Convention, warnings);
        if (all.Length > 0 && (all[^1].Anomalies & CycleAnomalies.Incomplete) != 0)
        {
            warnings.Add($"the last cycle ({all[^1].Cycle}) lacks its {((all[^1].Anomalies & CycleAnomalies.NoDischarge) != 0 ? "discharge" : "charge")}: the test ended or was cut off there, so leave it out of statistics");
        }

        return new CycleTable(recording.SourceName, options, numbering, reason, table.WithSteps(steps), all, mass, nominal, [.. warnings]);
    }

    /// <summary>Decides how to number cycles and numbers every step.</summary>
    private static (CycleNumbering Numbering, string Reason, int[] Numbers) Number(CyclerRecording recording, ImmutableArray<CyclerStep> steps, CycleTableOptions options)
    {
        RecordingColumn? counter = recording.CycleIndex;
        string? unusable = counter is null ? "the recording has no cycle counter" : Unusable(counter, steps);
        int[] derived = Derive(steps, options.Convention);
        if (options.Numbering == CycleNumbering.Derived)
        {
            return (CycleNumbering.Derived, "derived from the charge/discharge alternation, as asked", derived);
        }

        if (options.Numbering == CycleNumbering.InstrumentCounter && unusable is not null)
        {
            throw new ArgumentException($"{recording.SourceName}: the instrument's cycle counter cannot number the cycles: {unusable}. Use CycleNumbering.Derived (or leave Numbering null to choose automatically).", nameof(options));
        }

        if (unusable is not null)
        {
            return (CycleNumbering.Derived, $"derived from the charge/discharge alternation: {unusable}", derived);
        }

        int[] counted = [.. steps.Select(s => s.Cycle)];
        string name = counter!.Origin.Header;
        if (options.Numbering is null)
        {
            int distinct = counted.Distinct().Count();
            int derivedCycles = derived.Length == 0 ? 0 : derived[^1];
            if (distinct == 1 && derivedCycles > 1)
            {
                return (CycleNumbering.Derived, $"derived from the charge/discharge alternation: the counter '{name}' is {counted[0]} in every row while the data hold {derivedCycles} cycles", derived);
            }

            (int halves, int active) = HalfCycleGroups(steps);
            if (active >= 2 && halves * 2 >= active)
            {
                return (CycleNumbering.Derived, $"derived from the charge/discharge alternation: the counter '{name}' holds only a charge or only a discharge in {halves} of its {active} values between the first and the last, so it counts half-cycles", derived);
            }
        }

        return (CycleNumbering.InstrumentCounter, $"the instrument's counter '{name}'", counted);
    }

    /// <summary>
    /// Why a counter cannot number cycles (not whole, out of int range, or going backwards), or null. Steps are cut
    /// wherever the counter changes, so its value at each step's first row is all there is to check.
    /// </summary>
    private static string? Unusable(RecordingColumn counter, ImmutableArray<CyclerStep> steps)
    {
        ReadOnlySpan<double> values = counter.Values;
        double previous = double.NegativeInfinity;
        foreach (CyclerStep step in steps)
        {
            double v = values[step.StartRow];
            if (!double.IsFinite(v) || v != Math.Floor(v) || Math.Abs(v) > int.MaxValue)
            {
                return $"the counter '{counter.Origin.Header}' is {v.ToString("R", CultureInfo.InvariantCulture)} at row {step.StartRow}, not a whole number";
            }

            if (v < previous)
            {
                return $"the counter '{counter.Origin.Header}' goes back from {previous.ToString("R", CultureInfo.InvariantCulture)} to {v.ToString("R", CultureInfo.InvariantCulture)} at row {step.StartRow}";
            }

            previous = v;
        }

        return null;
    }

    /// <summary>
    /// Among the counter's values other than the first and the last (which are often partial cycles), those holding
    /// only a charge or only a discharge, and those holding any current step.
    /// </summary>
    private static (int Halves, int Active) HalfCycleGroups(ImmutableArray<CyclerStep> steps)
    {
        var groups = new List<(bool Charge, bool Discharge)>();
        for (int first = 0; first < steps.Length;)
        {
            int end = first;
            bool charge = false, discharge = false;
            while (end < steps.Length && steps[end].Cycle == steps[first].Cycle)
            {
                charge |= StepKinds.IsCharge(steps[end].Kind);
                discharge |= StepKinds.IsDischarge(steps[end].Kind);
                end++;
            }

            groups.Add((charge, discharge));
            first = end;
        }

        int halves = 0, active = 0;
        for (int g = 1; g + 1 < groups.Count; g++)
        {
            active += groups[g].Charge || groups[g].Discharge ? 1 : 0;
            halves += groups[g].Charge != groups[g].Discharge ? 1 : 0;
        }

        return (halves, active);
    }

    /// <summary>Cycle numbers from the alternation: a new cycle at a first-half step after a second-half step.</summary>
    private static int[] Derive(ImmutableArray<CyclerStep> steps, EfficiencyConvention convention)
    {
        int[] numbers = new int[steps.Length];
        int cycle = 1;
        bool sawSecond = false;
        for (int k = 0; k < steps.Length; k++)
        {
            StepKind kind = steps[k].Kind;
            if (IsFirstHalf(kind, convention))
            {
                if (sawSecond)
                {
                    cycle++;
                    sawSecond = false;
                }
            }
            else if (IsSecondHalf(kind, convention))
            {
                sawSecond = true;
            }

            numbers[k] = cycle;
        }

        return numbers;
    }

    private static bool IsFirstHalf(StepKind kind, EfficiencyConvention convention) =>
        convention == EfficiencyConvention.ChargeFirst ? StepKinds.IsCharge(kind) : StepKinds.IsDischarge(kind);

    private static bool IsSecondHalf(StepKind kind, EfficiencyConvention convention) =>
        convention == EfficiencyConvention.ChargeFirst ? StepKinds.IsDischarge(kind) : StepKinds.IsCharge(kind);

    private static RecordingColumn? ResistanceColumn(CyclerRecording recording, string? name)
    {
        if (name is not null)
        {
            return recording.GetColumn(name);
        }

        foreach (RecordingColumn column in recording.Columns)
        {
            if (column.Quantity == RecordingQuantity.Other && Array.IndexOf(ResistanceNames, Normalise(column.Name)) >= 0)
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>A column name without its unit, lower case, spaces as underscores.</summary>
    private static string Normalise(string name)
    {
        int unit = name.IndexOfAny(['(', '[', '/']);
        return (unit > 0 ? name[..unit] : name).Trim().ToLowerInvariant().Replace(' ', '_');
    }

    private static CycleSummary Summarise(CyclerRecording recording, ReadOnlySpan<CyclerStep> steps, CycleTableOptions options, double? mass, double? nominal, RecordingColumn? resistance, bool isLast)
    {
        double qc = 0, qd = 0, ec = 0, ed = 0, cvc = 0, cvcSeconds = 0, cvd = 0, cvdSeconds = 0;
        double ccChargeAmpSeconds = 0, ccChargeSeconds = 0, ccDischargeAmpSeconds = 0, ccDischargeSeconds = 0;
        CyclerStep? lastCharge = null, lastDischarge = null, firstActive = null;
        foreach (CyclerStep step in steps)
        {
            qc += step.ChargeCapacity;
            qd += step.DischargeCapacity;
            ec += step.ChargeEnergy;
            ed += step.DischargeEnergy;
            switch (step.Kind)
            {
                case StepKind.ConstantVoltageCharge:
                    cvc += step.ChargeCapacity;
                    cvcSeconds += step.Duration;
                    break;
                case StepKind.ConstantVoltageDischarge:
                    cvd += step.DischargeCapacity;
                    cvdSeconds += step.Duration;
                    break;
                case StepKind.ConstantCurrentCharge:
                    ccChargeAmpSeconds += Math.Abs(step.MeanCurrent) * step.Duration;
                    ccChargeSeconds += step.Duration;
                    break;
                case StepKind.ConstantCurrentDischarge:
                    ccDischargeAmpSeconds += Math.Abs(step.MeanCurrent) * step.Duration;
                    ccDischargeSeconds += step.Duration;
                    break;
            }

            if (StepKinds.IsCharge(step.Kind))
            {
                lastCharge = step;
                firstActive ??= step;
            }
            else if (StepKinds.IsDischarge(step.Kind))
            {
                lastDischarge = step;
                firstActive ??= step;
            }
        }

        CyclerStep head = steps[0];
        CyclerStep tail = steps[^1];
        int startRow = head.StartRow;
        int endRow = tail.EndRow;
        CycleAnomalies anomalies = (lastCharge is null ? CycleAnomalies.NoCharge : 0) | (lastDischarge is null ? CycleAnomalies.NoDischarge : 0);
        if (firstActive is not null && IsSecondHalf(firstActive.Kind, options.Convention))
        {
            anomalies |= CycleAnomalies.OppositeOrder;
        }

        if (isLast && (anomalies & (CycleAnomalies.NoCharge | CycleAnomalies.NoDischarge)) != 0 && firstActive is not null)
        {
            anomalies |= CycleAnomalies.Incomplete;
        }

        bool complete = lastCharge is not null && lastDischarge is not null;
        (double numerator, double denominator, double energyNumerator, double energyDenominator) = options.Convention == EfficiencyConvention.ChargeFirst
            ? (qd, qc, ed, ec)
            : (qc, qd, ec, ed);
        (double? minimumTemperature, double? meanTemperature, double? maximumTemperature) = Temperatures(recording, startRow, endRow);
        return new CycleSummary
        {
            Cycle = head.Cycle,
            FirstStep = head.Ordinal,
            StepCount = steps.Length,
            StartRow = startRow,
            RowCount = endRow - startRow,
            StartTime = head.StartTime,
            EndTime = recording.TestTime.Values[endRow - 1],
            LastDataPoint = recording.DataPoint is { } points && double.IsFinite(points.Values[endRow - 1]) ? points.Values[endRow - 1] : null,
            ChargeCapacity = qc,
            DischargeCapacity = qd,
            ChargeEnergy = ec,
            DischargeEnergy = ed,
            CoulombicEfficiencyPercent = complete && denominator > 0 ? 100 * numerator / denominator : null,
            EnergyEfficiencyPercent = complete && energyDenominator > 0 ? 100 * energyNumerator / energyDenominator : null,
            MeanChargeVoltage = qc > 0 ? ec / qc : null,
            MeanDischargeVoltage = qd > 0 ? ed / qd : null,
            EndChargeVoltage = lastCharge?.EndVoltage,
            EndDischargeVoltage = lastDischarge?.EndVoltage,
            ConstantVoltageChargeCapacity = cvc,
            ConstantVoltageChargeSeconds = cvcSeconds,
            ConstantVoltageDischargeCapacity = cvd,
            ConstantVoltageDischargeSeconds = cvdSeconds,
            ChargeCurrent = ccChargeSeconds > 0 ? ccChargeAmpSeconds / ccChargeSeconds : null,
            DischargeCurrent = ccDischargeSeconds > 0 ? ccDischargeAmpSeconds / ccDischargeSeconds : null,
            ChargeCRate = nominal is { } n && ccChargeSeconds > 0 ? ccChargeAmpSeconds / ccChargeSeconds / n : null,
            DischargeCRate = nominal is { } m && ccDischargeSeconds > 0 ? ccDischargeAmpSeconds / ccDischargeSeconds / m : null,
            ChargeResistance = lastCharge is not null ? Finite(resistance, lastCharge.EndRow - 1) : null,
            DischargeResistance = lastDischarge is not null ? Finite(resistance, lastDischarge.EndRow - 1) : null,
            MinimumTemperature = minimumTemperature,
            MeanTemperature = meanTemperature,
            MaximumTemperature = maximumTemperature,
            SpecificChargeCapacity = mass is { } g ? qc * 1000 / g : null,
            SpecificDischargeCapacity = mass is { } h ? qd * 1000 / h : null,
            ArealChargeCapacity = options.AreaSquareCentimetres is { } a ? qc * 1000 / a : null,
            ArealDischargeCapacity = options.AreaSquareCentimetres is { } b ? qd * 1000 / b : null,
            Anomalies = anomalies,
            Bookkeeping = null!,
        };
    }

    private static double? Finite(RecordingColumn? column, int row) =>
        column is not null && double.IsFinite(column.Values[row]) ? column.Values[row] : null;

    private static (double? Minimum, double? Mean, double? Maximum) Temperatures(CyclerRecording recording, int start, int end)
    {
        if (recording.Temperatures.IsEmpty)
        {
            return (null, null, null);
        }

        ReadOnlySpan<double> values = recording.Temperatures[0].Values[start..end];
        double minimum = double.PositiveInfinity, maximum = double.NegativeInfinity, sum = 0;
        int count = 0;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                minimum = Math.Min(minimum, v);
                maximum = Math.Max(maximum, v);
                sum += v;
                count++;
            }
        }

        return count == 0 ? (null, null, null) : (minimum, sum / count, maximum);
    }

    private static void AddConventionWarning(ImmutableArray<CycleSummary> cycles, EfficiencyConvention convention, List<string> warnings)
    {
        int complete = cycles.Count(c => (c.Anomalies & (CycleAnomalies.NoCharge | CycleAnomalies.NoDischarge)) == 0);
        int reversed = cycles.Count(c => (c.Anomalies & (CycleAnomalies.NoCharge | CycleAnomalies.NoDischarge | CycleAnomalies.OppositeOrder)) == CycleAnomalies.OppositeOrder);
        if (complete > 0 && reversed * 2 > complete)
        {
            warnings.Add(convention == EfficiencyConvention.ChargeFirst
                ? $"{reversed} of {complete} complete cycles start with a discharge, but the convention is charge-first (CE = Qd/Qc); for an anode half-cell (discharge lithiates) DischargeFirst gives CE = Qc/Qd"
                : $"{reversed} of {complete} complete cycles start with a charge, but the convention is discharge-first (CE = Qc/Qd); for a full cell or a cathode half-cell ChargeFirst gives CE = Qd/Qc");
        }
    }

    private static string Describe(ImmutableArray<CycleSummary> cycles) =>
        cycles.IsEmpty ? "none" : cycles.Length <= 8 ? string.Join(", ", cycles.Select(c => c.Cycle)) : $"{cycles[0].Cycle} … {cycles[^1].Cycle} ({cycles.Length} cycles)";

    /// <summary>The running accounts, cycle by cycle.</summary>
    private sealed class Ledger(EfficiencyConvention convention, double? nominal)
    {
        private double _difference, _chargeLoss, _dischargeLoss, _charge, _discharge, _shifted, _throughput;
        private double? _ric, _ricSei, _ricDisconnect;
        private double? _previousCharge, _previousDischarge;

        internal CycleBookkeeping Next(double qc, double qd)
        {
            double difference = convention == EfficiencyConvention.ChargeFirst ? qc - qd : qd - qc;
            _difference += difference;
            double? chargeLoss = _previousCharge - qc;
            double? dischargeLoss = _previousDischarge - qd;
            _chargeLoss += chargeLoss ?? 0;
            _dischargeLoss += dischargeLoss ?? 0;
            _charge += qc;
            _discharge += qd;
            _shifted += qc - qd;
            _throughput += qc + qd;
            if (_previousDischarge is { } pd && pd > 0)
            {
                _ric = (_ric ?? 0) + ((_previousCharge!.Value - qd) / pd);
                _ricSei = (_ricSei ?? 0) + ((qc - pd) / pd);
                _ricDisconnect = (_ricDisconnect ?? 0) + ((pd - qd) / pd);
            }

            _previousCharge = qc;
            _previousDischarge = qd;
            return new CycleBookkeeping(
                difference,
                _difference,
                chargeLoss,
                dischargeLoss,
                chargeLoss is null ? null : _chargeLoss,
                dischargeLoss is null ? null : _dischargeLoss,
                _charge,
                _discharge,
                _shifted,
                _shifted + qc,
                _ric,
                _ricSei,
                _ricDisconnect,
                _throughput,
                nominal is { } n ? _throughput / (2 * n) : null);
        }
    }
}
