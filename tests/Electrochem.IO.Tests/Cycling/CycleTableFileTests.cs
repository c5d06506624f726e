using System.Globalization;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// Cycle tables of real files against what the peers computed from the same data: cellpy's summary golden (anode
/// mode) and cellpy-core's (normal mode) for the Si half-cell of 20160805_test001_45_cc_01 — every column both compute,
/// to 1e-9 relative (the capacities are the instrument's accumulators, so the only differences are summation order).
/// </summary>
public sealed class CycleTableFileTests
{
    private const double Relative = 1e-9;

    private static readonly Lazy<CyclerRecording> SiliconHalfCell = new(() => CyclingFiles.Read(CyclingFiles.Cellpy("20160805_test001_45_cc_01.Channel_Normal_Table.csv")));

    [Fact]
    public void Cellpy_summary_golden_in_anode_mode_is_reproduced_column_by_column()
    {
        CycleTable table = CycleTable.From(SiliconHalfCell.Value, new CycleTableOptions(EfficiencyConvention.DischargeFirst));
        List<Dictionary<string, string>> golden = ReadCsv(CyclingFiles.Cellpy("pipeline_smoke_summary.csv"));
        Assert.Equal(CycleNumbering.InstrumentCounter, table.Numbering);
        Assert.Equal(golden.Count, table.Cycles.Length);
        Assert.Empty(table.Warnings.Where(w => w.Contains("convention", StringComparison.Ordinal)));
        for (int n = 0; n < golden.Count; n++)
        {
            Dictionary<string, string> row = golden[n];
            CycleSummary cycle = table.Cycles[n];
            Assert.Equal(int.Parse(row["cycle_num"], CultureInfo.InvariantCulture), cycle.Cycle);
            Close(row, "charge_capacity", cycle.ChargeCapacity);
            Close(row, "discharge_capacity", cycle.DischargeCapacity);
            if (cycle.Anomalies.HasFlag(CycleAnomalies.NoCharge))
            {
                // cellpy gives 0 % for the last cycle, a partial discharge without a charge; here CE is undefined.
                Assert.Equal(0, Number(row["coulombic_efficiency"]));
                Assert.Null(cycle.CoulombicEfficiencyPercent);
            }
            else
            {
                Close(row, "coulombic_efficiency", cycle.CoulombicEfficiencyPercent);
            }

            Close(row, "coulombic_difference", cycle.Bookkeeping.CoulombicDifference);
            Close(row, "test_cumulated_coulombic_difference", cycle.Bookkeeping.CumulatedCoulombicDifference);
            Close(row, "charge_capacity_loss", cycle.Bookkeeping.ChargeCapacityLoss);
            Close(row, "discharge_capacity_loss", cycle.Bookkeeping.DischargeCapacityLoss);
            Close(row, "test_cumulated_charge_capacity_loss", cycle.Bookkeeping.CumulatedChargeCapacityLoss);
            Close(row, "test_cumulated_discharge_capacity_loss", cycle.Bookkeeping.CumulatedDischargeCapacityLoss);
            Close(row, "test_cumulated_charge_capacity", cycle.Bookkeeping.CumulatedChargeCapacity);
            Close(row, "test_cumulated_discharge_capacity", cycle.Bookkeeping.CumulatedDischargeCapacity);
            Close(row, "shifted_charge_capacity", cycle.Bookkeeping.ShiftedChargeCapacity);
            Close(row, "shifted_discharge_capacity", cycle.Bookkeeping.ShiftedDischargeCapacity);
            Close(row, "cumulated_ric", cycle.Bookkeeping.CumulatedRic);
            Close(row, "cumulated_ric_sei", cycle.Bookkeeping.CumulatedRicSei);
            Close(row, "cumulated_ric_disconnect", cycle.Bookkeeping.CumulatedRicDisconnect);
            Close(row, "test_cumulated_capacity_throughput", cycle.Bookkeeping.Throughput);
            Close(row, "potential_end_charge", cycle.EndChargeVoltage, 1e-7); // single precision in cellpy
            Close(row, "potential_end_discharge", cycle.EndDischargeVoltage, 1e-7);
            Close(row, "datapoint_num_last", cycle.LastDataPoint);
            Close(row, "last_test_time", cycle.EndTime);
        }
    }

    [Fact]
    public void Cellpy_core_normal_mode_golden_is_reproduced_and_the_reversed_convention_is_pointed_out()
    {
        CycleTable table = CycleTable.From(SiliconHalfCell.Value, new CycleTableOptions(EfficiencyConvention.ChargeFirst));
        List<Dictionary<string, string>> golden = ReadCsv(CyclingFiles.Cellpy("cellpy_core_cycler_cc_summary_expected.csv"));
        Assert.Equal(golden.Count, table.Cycles.Length);
        for (int n = 0; n < golden.Count; n++)
        {
            Dictionary<string, string> row = golden[n];
            CycleSummary cycle = table.Cycles[n];
            Close(row, "charge_capacity", cycle.ChargeCapacity);
            Close(row, "discharge_capacity", cycle.DischargeCapacity);
            Close(row, "coulombic_difference", cycle.Bookkeeping.CoulombicDifference);
            Close(row, "cumulated_coulombic_difference", cycle.Bookkeeping.CumulatedCoulombicDifference);
            Close(row, "shifted_discharge_capacity", cycle.Bookkeeping.ShiftedDischargeCapacity);
            Close(row, "cumulated_ric", cycle.Bookkeeping.CumulatedRic);
            // cellpy-core keeps Arbin's voltages and resistances as single precision; the CSV export has them to 8 digits.
            Close(row, "end_voltage_charge", cycle.EndChargeVoltage, 1e-7);
            Close(row, "end_voltage_discharge", cycle.EndDischargeVoltage, 1e-7);
            Close(row, "ir_charge", cycle.ChargeResistance, 1e-7);
            Close(row, "ir_discharge", cycle.DischargeResistance, 1e-7);
            Close(row, "data_point", cycle.LastDataPoint);
            Close(row, "test_time", cycle.EndTime);
            if (double.IsFinite(Number(row["coulombic_efficiency"])))
            {
                Close(row, "coulombic_efficiency", cycle.CoulombicEfficiencyPercent);
            }
            else
            {
                // cellpy-core gives +∞ for the last cycle, a partial discharge without a charge; here it is undefined and flagged.
                Assert.Null(cycle.CoulombicEfficiencyPercent);
                Assert.True(cycle.Anomalies.HasFlag(CycleAnomalies.NoCharge));
            }
        }

        Assert.Equal(107.97877763332802, table.Cycles[0].CoulombicEfficiencyPercent!.Value, 1e-9);
        Assert.Contains(table.Warnings, w => w.Contains("start with a discharge", StringComparison.Ordinal));
        Assert.Contains(table.Warnings, w => w.Contains("last cycle (18)", StringComparison.Ordinal));
    }

    [Fact]
    public void Steps_are_classified_as_cellpy_classifies_them()
    {
        // cellpy's step-type golden (testdata/data/steps.csv): 102 steps of 18 cycles, e.g. cycle 1: ocvrlx_down, ir,
        // discharge, ir, ocvrlx_up, charge, ir, ocvrlx_down.
        StepTable steps = StepTable.From(SiliconHalfCell.Value);
        string[][] golden = [.. File.ReadAllLines(CyclingFiles.Cellpy("steps.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';'))];
        Assert.Equal(golden.Length, steps.Steps.Length);
        for (int k = 0; k < golden.Length; k++)
        {
            CyclerStep step = steps.Steps[k];
            Assert.Equal((int.Parse(golden[k][0], CultureInfo.InvariantCulture), double.Parse(golden[k][1], CultureInfo.InvariantCulture)), (step.Cycle, step.StepNumber));
            StepKind expected = golden[k][2] switch
            {
                "ocvrlx_down" => StepKind.RelaxationDown,
                "ocvrlx_up" => StepKind.RelaxationUp,
                "ir" => StepKind.Pulse,
                "discharge" => StepKind.ConstantCurrentDischarge,
                "charge" => StepKind.ConstantCurrentCharge,
                "rest" => StepKind.Rest,
                "cv_charge" => StepKind.ConstantVoltageCharge,
                "cv_discharge" => StepKind.ConstantVoltageDischarge,
                string other => throw new InvalidDataException(other),
            };
            Assert.True(expected == step.Kind, $"cycle {step.Cycle} step {step.StepNumber}: cellpy says {golden[k][2]}, the table {step.Kind}");
        }

        Assert.Equal(CapacitySource.Instrument, steps.CapacitySource);
    }

    [Fact]
    public void Integrated_capacities_agree_with_the_instruments_accumulators()
    {
        // Arbin logs a sample every few minutes here; the trapezoid rule over the samples plus the step time before the
        // first one recovers the accumulators to better than 0.1 %.
        CycleTable instrument = CycleTable.From(SiliconHalfCell.Value, new CycleTableOptions(EfficiencyConvention.DischargeFirst));
        CycleTable integrated = CycleTable.From(SiliconHalfCell.Value, new CycleTableOptions(EfficiencyConvention.DischargeFirst) { CapacitySource = CapacitySource.Integrated });
        foreach ((CycleSummary a, CycleSummary b) in instrument.Cycles.Zip(integrated.Cycles).Where(p => p.First.Anomalies == CycleAnomalies.None))
        {
            Assert.Equal(a.ChargeCapacity, b.ChargeCapacity, a.ChargeCapacity * 1e-3);
            Assert.Equal(a.DischargeCapacity, b.DischargeCapacity, a.DischargeCapacity * 1e-3);
        }
    }

    [Fact]
    public void Beep_BT_Lab_file_gives_the_first_cycles_capacities_beep_asserts()
    {
        // beep asserts 1.4618750 Ah charge and 2.324598 Ah discharge for the file's first cycle (its 'cycle number' is 0).
        CycleTable table = CycleTable.From(CyclingFiles.Read(CyclingFiles.Beep("test_loopsnewoutput_MB_CE1_short10k.csv")), new CycleTableOptions(EfficiencyConvention.ChargeFirst));
        Assert.Equal(CycleNumbering.InstrumentCounter, table.Numbering);
        CycleSummary first = table.Cycles[0];
        Assert.Equal(0, first.Cycle);
        Assert.Equal(1.4618750, first.ChargeCapacity, 1e-6);
        Assert.Equal(2.324598, first.DischargeCapacity, 1e-6);
        Assert.True(table.Cycles[^1].Anomalies.HasFlag(CycleAnomalies.Incomplete));
        Assert.Null(table.Cycles[^1].CoulombicEfficiencyPercent);
    }

    [Fact]
    public void Pec_file_counts_cycles_from_zero_and_its_first_full_cycle_matches_its_accumulators()
    {
        // pec.csv starts with a discharge in 'Cycle' 0; cycle 1 is 44 424.915 mAh in, 44 351.991 mAh out (the file's own
        // accumulators, converted from mAh); the last cycle is a charge the test ended in.
        CycleTable table = CycleTable.From(CyclingFiles.Read(CyclingFiles.Cellpy("pec.csv")), new CycleTableOptions(EfficiencyConvention.ChargeFirst));
        Assert.Equal(CycleNumbering.InstrumentCounter, table.Numbering);
        Assert.Equal([0, 1, 2], table.Cycles.Select(c => c.Cycle));
        CycleSummary one = table.GetCycle(1);
        Assert.Equal(44.424915, one.ChargeCapacity, 1e-6);
        Assert.Equal(44.351991, one.DischargeCapacity, 1e-6);
        Assert.Equal(100 * 44.351991 / 44.424915, one.CoulombicEfficiencyPercent!.Value, 1e-6);
        Assert.True(table.GetCycle(0).Anomalies.HasFlag(CycleAnomalies.NoCharge));
        Assert.True(table.GetCycle(2).Anomalies.HasFlag(CycleAnomalies.Incomplete));
    }

    [Fact]
    public void Maccor_file_with_a_useless_counter_gets_cycles_from_the_alternation()
    {
        CycleTable table = CycleTable.From(CyclingFiles.Read(CyclingFiles.Cellpy("maccor_001.txt")), new CycleTableOptions(EfficiencyConvention.ChargeFirst));
        Assert.Equal(CycleNumbering.Derived, table.Numbering);
        Assert.Contains("'Cyc#' is 0 in every row", table.NumberingReason, StringComparison.Ordinal);
        Assert.Equal(5, table.Cycles.Length);
        Assert.True(table.Cycles[0].Anomalies.HasFlag(CycleAnomalies.NoCharge)); // the test starts with a discharge
        Assert.Equal(4.544, table.Cycles[1].DischargeCapacity, 1e-3); // the largest discharge Amp-hr segment of the file
        Assert.True(table.Cycles[1].ConstantVoltageChargeCapacity > 0.5); // CC-CV charge: Amp-hr resets per step, the CV part is counted
    }

    [Fact]
    public void Neware_cycles_sum_every_discharge_step_where_a_per_cycle_maximum_would_keep_only_one()
    {
        // Neware resets 'DChg. Cap.(Ah)' at every step; cycle 1 has several discharge steps, so its discharge is their
        // sum (5.086 mAh), not the largest (4.680 mAh) — the current integrated over the rows says the same.
        CyclerRecording recording = CyclingFiles.Read(CyclingFiles.Cellpy("neware_uio.csv"));
        CycleTable table = CycleTable.From(recording, new CycleTableOptions(EfficiencyConvention.DischargeFirst));
        Assert.Equal(4, table.Cycles.Length); // cellpy's summary has 4 cycles
        Assert.Equal(0.00424934, table.Cycles[0].ChargeCapacity, 1e-8);
        Assert.Equal(0.00424668, table.Cycles[1].ChargeCapacity, 1e-8);
        Assert.Equal(0.00508628, table.Cycles[0].DischargeCapacity, 1e-8);
    }

    [Fact]
    public void Battery_Data_Format_file_signed_positive_on_discharge_is_turned_round_with_a_warning()
    {
        CyclerRecording recording = CyclingFiles.Read(CyclingFiles.Cellpy("batmo_bdf.csv"));
        Assert.Contains(recording.Warnings, w => w.Contains("the current was negated", StringComparison.Ordinal));
        CycleTable table = CycleTable.From(recording, new CycleTableOptions(EfficiencyConvention.ChargeFirst));
        Assert.DoesNotContain(table.Warnings, w => w.Contains("convention", StringComparison.Ordinal));
        Assert.InRange(table.Cycles[10].CoulombicEfficiencyPercent!.Value, 90, 110);
    }

    public static TheoryData<string> FilesWithAccumulators() =>
        ["beep/test_loopsnewoutput_MB_CE1_short10k.csv", "cellpy/neware_uio.csv", "cellpy/pec.csv", "cellpy/maccor_001.txt", "cellpy/batmo_bdf.csv", "cellpy/20160805_test001_45_cc_01.Channel_Normal_Table.csv", "beep/xTESLADIAG_000019_CH70.070", "beep/FastCharge_000025_CH8.csv"];

    [Theory]
    [MemberData(nameof(FilesWithAccumulators))]
    public void The_instruments_accumulators_agree_with_the_integrated_current(string file)
    {
        // Two independent routes to the same charge: the accumulators (rises summed, resets detected) and the trapezoid
        // rule over the logged current. They agree to 0.5 % on every complete cycle of every vendor's file.
        CyclerRecording recording = CyclingFiles.Read(Path.Combine(AppContext.BaseDirectory, "Data", "cycling", file));
        var options = new CycleTableOptions(EfficiencyConvention.ChargeFirst);
        CycleTable instrument = CycleTable.From(recording, options);
        CycleTable integrated = CycleTable.From(recording, options with { CapacitySource = CapacitySource.Integrated });
        Assert.Equal(CapacitySource.Instrument, instrument.StepTable.CapacitySource);
        foreach ((CycleSummary a, CycleSummary b) in instrument.Cycles.Zip(integrated.Cycles).Where(p => p.First.Anomalies is CycleAnomalies.None or CycleAnomalies.OppositeOrder))
        {
            Assert.True(Math.Abs(a.ChargeCapacity - b.ChargeCapacity) <= 5e-3 * a.ChargeCapacity, $"cycle {a.Cycle} charge: {a.ChargeCapacity} vs {b.ChargeCapacity}");
            Assert.True(Math.Abs(a.DischargeCapacity - b.DischargeCapacity) <= 5e-3 * a.DischargeCapacity, $"cycle {a.Cycle} discharge: {a.DischargeCapacity} vs {b.DischargeCapacity}");
        }
    }

    private static void Close(Dictionary<string, string> row, string column, double? actual, double relative = Relative)
    {
        double expected = Number(row[column]);
        if (double.IsNaN(expected))
        {
            Assert.True(actual is null || double.IsNaN(actual.Value), $"{column}: expected empty, got {actual}");
            return;
        }

        Assert.True(actual.HasValue, $"{column}: expected {expected}, got null");
        double tolerance = Math.Max(Math.Abs(expected) * relative, 1e-15);
        Assert.True(Math.Abs(actual.Value - expected) <= tolerance, $"{column}: expected {expected.ToString("R", CultureInfo.InvariantCulture)}, got {actual.Value.ToString("R", CultureInfo.InvariantCulture)}");
    }

    private static double Number(string text) =>
        string.IsNullOrWhiteSpace(text) ? double.NaN
        : text == "Infinity" ? double.PositiveInfinity
        : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }
}
