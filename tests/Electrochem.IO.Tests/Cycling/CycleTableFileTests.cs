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
            Close(row, "coulombic_efficiency", cycle.CoulombicEfficiencyPercent);
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
