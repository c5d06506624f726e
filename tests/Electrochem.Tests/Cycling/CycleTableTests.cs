using Electrochem.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Cycling;

public sealed class CycleTableTests
{
    private static readonly CycleTableOptions ChargeFirst = new(EfficiencyConvention.ChargeFirst);

    [Fact]
    public void Constant_current_cycles_give_their_closed_form_capacities_energies_and_efficiencies()
    {
        // 1 A for 3600 s in (1 A·h at a voltage ramping 3 → 4 V: 3.5 W·h), 1 A for 3240 s out (0.9 A·h, 4 → 3 V: 3.15 W·h).
        var cell = new SyntheticCycling(3, 1.0, 3600, 3240, 600, 60);
        CycleTable table = CycleTable.From(cell.Build(), ChargeFirst);
        Assert.Equal(CycleNumbering.InstrumentCounter, table.Numbering);
        Assert.Equal([1, 2, 3], table.Cycles.Select(c => c.Cycle));
        foreach (CycleSummary c in table.Cycles)
        {
            Assert.Equal(1.0, c.ChargeCapacity, 1e-12);
            Assert.Equal(0.9, c.DischargeCapacity, 1e-12);
            Assert.Equal(90, c.CoulombicEfficiencyPercent!.Value, 1e-9);
            Assert.Equal(CycleAnomalies.None, c.Anomalies);
            Assert.Equal(4, c.StepCount);
            Assert.Equal(4.0, c.EndChargeVoltage!.Value, 1e-12);
            Assert.Equal(3.0, c.EndDischargeVoltage!.Value, 1e-12);
            Assert.Null(c.SpecificChargeCapacity); // no mass: never defaulted
            Assert.Null(c.ChargeCRate); // no nominal capacity
        }

        CycleTable integrated = CycleTable.From(cell.Build(), ChargeFirst with { CapacitySource = CapacitySource.Integrated });
        CycleSummary first = integrated.Cycles[0];
        Assert.Equal(1.0, first.ChargeCapacity, 1e-12);
        Assert.Equal(0.9, first.DischargeCapacity, 1e-12);
        Assert.Equal(3.5, first.ChargeEnergy, 1e-12); // ∫ V·I dt, exact for a linear ramp by the trapezoid rule
        Assert.Equal(3.15, first.DischargeEnergy, 1e-12);
        Assert.Equal(90, first.EnergyEfficiencyPercent!.Value, 1e-9);
        Assert.Equal(3.5, first.MeanChargeVoltage!.Value, 1e-12);
        Assert.Equal(
            [StepKind.ConstantCurrentCharge, StepKind.Rest, StepKind.ConstantCurrentDischarge, StepKind.Rest],
            integrated.StepTable.Steps.Take(4).Select(s => s.Kind));
    }

    [Fact]
    public void A_recording_that_only_discharges_still_tells_rest_from_current()
    {
        // The default rest threshold is a fraction of the largest |I|; a discharge-only record once made it negative.
        double[] time = [.. Enumerable.Range(0, 30).Select(i => (double)i)];
        double[] current = [.. time.Select(t => t is >= 10 and < 20 ? -0.001 : 0.0)];
        double[] voltage = [.. time.Select(t => 3.5 - (t is >= 10 and < 20 ? 0.01 * (t - 9) : 0))];
        CyclerRecording r = CyclerRecording.Create("discharge only", "test", RecordingMetadata.Empty, [
            new RecordingColumn("t", RecordingQuantity.TestTime, "s", time, ColumnOrigin.AsWritten("t", "s")),
            new RecordingColumn("I", RecordingQuantity.Current, "A", current, ColumnOrigin.AsWritten("I", "A")),
            new RecordingColumn("V", RecordingQuantity.Voltage, "V", voltage, ColumnOrigin.AsWritten("V", "V"))]);
        StepTable steps = StepTable.From(r);
        Assert.Equal(1e-6, steps.RestCurrentAmperes, 1e-18);
        Assert.Equal([StepKind.Rest, StepKind.ConstantCurrentDischarge, StepKind.Rest], steps.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void Mass_area_and_nominal_capacity_give_specific_values_and_rates_only_when_given()
    {
        var cell = new SyntheticCycling(2, 0.002, 3600, 3600, 60, 30);
        CycleTable table = CycleTable.From(cell.Build(), ChargeFirst with { ActiveMassGrams = 0.0125, AreaSquareCentimetres = 1.54, NominalCapacityAmpereHours = 0.004 });
        CycleSummary c = table.Cycles[0];
        Assert.Equal(0.002 * 1000 / 0.0125, c.SpecificChargeCapacity!.Value, 1e-9); // 160 mA·h/g
        Assert.Equal(0.002 * 1000 / 1.54, c.ArealDischargeCapacity!.Value, 1e-9);
        Assert.Equal(0.5, c.ChargeCRate!.Value, 1e-9); // 2 mA on 4 mA·h
        Assert.Equal(0.5, c.Bookkeeping.EquivalentFullCycles!.Value, 1e-9); // (2 + 2) mA·h / (2 × 4 mA·h)
    }

    [Property(MaxTest = 200)]
    public Property Capacities_do_not_depend_on_how_the_instrument_resets_or_whether_it_numbers_cycles(PositiveInt cycles, PositiveInt chargeMinutes, PositiveInt dischargeMinutes, PositiveInt interval, bool chargeFirst, byte reset, bool counters)
    {
        var cell = new SyntheticCycling(
            1 + (cycles.Get % 5),
            0.001 + (chargeMinutes.Get % 7),
            60.0 * (5 + (chargeMinutes.Get % 120)),
            60.0 * (5 + (dischargeMinutes.Get % 120)),
            300,
            1 + (interval.Get % 180),
            chargeFirst,
            (AccumulatorReset)(reset % 3),
            counters,
            FadePerCycle: 0.01);
        var options = new CycleTableOptions(chargeFirst ? EfficiencyConvention.ChargeFirst : EfficiencyConvention.DischargeFirst);
        CyclerRecording recording = cell.Build();
        CycleTable instrument = CycleTable.From(recording, options);
        CycleTable integrated = CycleTable.From(recording, options with { CapacitySource = CapacitySource.Integrated });
        bool ok = instrument.Cycles.Length == cell.Cycles && integrated.Cycles.Length == cell.Cycles
            && (counters ? instrument.Numbering == CycleNumbering.InstrumentCounter : instrument.Numbering == CycleNumbering.Derived);
        for (int n = 1; ok && n <= cell.Cycles; n++)
        {
            foreach (CycleTable table in new[] { instrument, integrated })
            {
                CycleSummary c = table.Cycles[n - 1];
                double ce = chargeFirst ? cell.ExpectedDischarge(n) / cell.ExpectedCharge(n) : cell.ExpectedCharge(n) / cell.ExpectedDischarge(n);
                ok &= c.Cycle == n
                    && Near(c.ChargeCapacity, cell.ExpectedCharge(n))
                    && Near(c.DischargeCapacity, cell.ExpectedDischarge(n))
                    && Near(c.CoulombicEfficiencyPercent!.Value, 100 * ce)
                    && c.Anomalies == CycleAnomalies.None;
            }
        }

        return ok.ToProperty().Label($"{cell}: {string.Join("; ", instrument.Cycles.Select(c => $"{c.Cycle} {c.ChargeCapacity}/{c.DischargeCapacity} {c.Anomalies}"))}");
    }

    [Property(MaxTest = 100)]
    public Property Bookkeeping_adds_up(PositiveInt cycles, PositiveInt fade)
    {
        var cell = new SyntheticCycling(2 + (cycles.Get % 8), 0.5, 3600, 3500, 60, 120, FadePerCycle: (fade.Get % 10) * 0.002);
        CycleTable table = CycleTable.From(cell.Build(), ChargeFirst);
        double qc = 0, qd = 0;
        bool ok = true;
        for (int k = 0; k < table.Cycles.Length; k++)
        {
            CycleSummary c = table.Cycles[k];
            CycleBookkeeping b = c.Bookkeeping;
            qc += c.ChargeCapacity;
            qd += c.DischargeCapacity;
            ok &= Near(b.CumulatedChargeCapacity, qc) && Near(b.CumulatedDischargeCapacity, qd)
                && Near(b.Throughput, qc + qd)
                && Near(b.CumulatedCoulombicDifference, qc - qd)
                && Near(b.ShiftedDischargeCapacity - b.ShiftedChargeCapacity, c.ChargeCapacity)
                && (k == 0 ? b.DischargeCapacityLoss is null && b.CumulatedRic is null
                    : Near(b.CumulatedDischargeCapacityLoss!.Value, table.Cycles[0].DischargeCapacity - c.DischargeCapacity));
        }

        return ok.ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property Long_recordings_summarised_on_every_core_equal_one_core(PositiveInt cycles, PositiveInt interval, bool counters, bool chargeFirst, byte reset)
    {
        var cell = new SyntheticCycling(1 + (cycles.Get % 6), 0.5, 1800, 1700, 300, 1 + (interval.Get % 120), chargeFirst, (AccumulatorReset)(reset % 3), counters);
        CyclerRecording recording = cell.Build();
        var options = new CycleTableOptions(EfficiencyConvention.ChargeFirst);
        CycleTable one = CycleTable.From(recording, options, int.MaxValue, CancellationToken.None);
        CycleTable all = CycleTable.From(recording, options, 1, CancellationToken.None);
        bool same = one.StepTable.Steps.SequenceEqual(all.StepTable.Steps) && one.Cycles.SequenceEqual(all.Cycles) && one.NumberingReason == all.NumberingReason;
        return same.ToProperty().Label($"{cell}: {one.StepTable.Steps.Length} vs {all.StepTable.Steps.Length} steps");
    }

    [Fact]
    public void A_test_that_starts_with_the_other_half_and_ends_mid_cycle_is_flagged()
    {
        // Discharge-first data read charge-first: the derived cycle 1 is the opening discharge alone, and the last holds
        // only a charge.
        var cell = new SyntheticCycling(3, 1, 3600, 3600, 60, 60, ChargeFirst: false, WithCounters: false);
        CycleTable table = CycleTable.From(cell.Build(), ChargeFirst);
        Assert.Equal(CycleNumbering.Derived, table.Numbering);
        Assert.Equal(4, table.Cycles.Length);
        Assert.Equal(CycleAnomalies.NoCharge | CycleAnomalies.OppositeOrder, table.Cycles[0].Anomalies);
        Assert.Null(table.Cycles[0].CoulombicEfficiencyPercent);
        Assert.Equal(CycleAnomalies.NoDischarge | CycleAnomalies.Incomplete, table.Cycles[^1].Anomalies);
        Assert.Contains(table.Warnings, w => w.Contains("last cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void A_counter_that_counts_half_cycles_or_nothing_is_not_used()
    {
        CyclerRecording recording = new SyntheticCycling(4, 1, 3600, 3600, 60, 60).Build();
        double[] halves = [.. recording.StepIndex!.Values.ToArray().Select(s => Math.Floor((s - 1) / 2))];
        CyclerRecording halfCounted = Replace(recording, RecordingQuantity.CycleIndex, halves);
        CycleTable table = CycleTable.From(halfCounted, ChargeFirst);
        Assert.Equal(CycleNumbering.Derived, table.Numbering);
        Assert.Contains("half-cycles", table.NumberingReason, StringComparison.Ordinal);
        Assert.Equal(4, table.Cycles.Length);

        CyclerRecording constant = Replace(recording, RecordingQuantity.CycleIndex, new double[recording.RowCount]);
        CycleTable fromConstant = CycleTable.From(constant, ChargeFirst);
        Assert.Equal(CycleNumbering.Derived, fromConstant.Numbering);
        Assert.Contains("is 0 in every row", fromConstant.NumberingReason, StringComparison.Ordinal);
        Assert.Equal(4, fromConstant.Cycles.Length);
    }

    [Fact]
    public void Bad_requests_are_refused_with_what_was_expected()
    {
        CyclerRecording recording = new SyntheticCycling(2, 1, 600, 600, 60, 60).Build();
        Assert.Throws<ArgumentNullException>(() => CycleTable.From(recording, null!));
        Assert.Equal("ActiveMassGrams", Assert.Throws<ArgumentOutOfRangeException>(() => CycleTable.From(recording, ChargeFirst with { ActiveMassGrams = 0 })).ParamName);
        Assert.Equal("Convention", Assert.Throws<ArgumentOutOfRangeException>(() => CycleTable.From(recording, new CycleTableOptions((EfficiencyConvention)7))).ParamName);
        Assert.Equal("RelaxationVolts", Assert.Throws<ArgumentOutOfRangeException>(() => CycleTable.From(recording, ChargeFirst with { Steps = new StepThresholds { RelaxationVolts = double.NaN } })).ParamName);

        CyclerRecording bare = CyclerRecording.Create("bare", "generated", RecordingMetadata.Empty, recording.Columns.Where(c => c.Quantity is RecordingQuantity.TestTime or RecordingQuantity.Current or RecordingQuantity.Voltage));
        Assert.Contains("Integrated", Assert.Throws<ArgumentException>(() => CycleTable.From(bare, ChargeFirst with { CapacitySource = CapacitySource.Instrument })).Message, StringComparison.Ordinal);
        Assert.Contains("no cycle counter", Assert.Throws<ArgumentException>(() => CycleTable.From(bare, ChargeFirst with { Numbering = CycleNumbering.InstrumentCounter })).Message, StringComparison.Ordinal);
        Assert.Contains("has no cycle 9", Assert.Throws<ArgumentOutOfRangeException>(() => CycleTable.From(recording, ChargeFirst).GetCycle(9)).Message, StringComparison.Ordinal);
    }

    private static bool Near(double actual, double expected) => Math.Abs(actual - expected) <= 1e-9 * Math.Max(1e-9, Math.Abs(expected));

    private static CyclerRecording Replace(CyclerRecording recording, RecordingQuantity quantity, double[] values) =>
        CyclerRecording.Create(recording.SourceName, recording.Format, recording.Metadata, recording.Columns.Select(c => c.Quantity == quantity ? SyntheticCycling.Column(quantity, values) : c));
}
