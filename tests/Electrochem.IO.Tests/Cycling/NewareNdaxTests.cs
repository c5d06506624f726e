using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// Neware .ndax read natively: cellpy's BTS 8 file (MIT; see Data/cycling/cellpy/SOURCE.md), .ndc version 17. cellpy's
/// loader reads 252,951 rows and one cycle. The step ends' capacities are the run information's stored values, and the
/// cycle's charge agrees with the current integrated over the 1 s records.
/// </summary>
public sealed class NewareNdaxTests
{
    internal const string File = "20260302_IFE_BTS85_2_9_8_1.ndax";

    private static readonly Lazy<CyclerRecording> Recording = new(() => CyclingFiles.Read(CyclingFiles.Cellpy(File)));

    [Fact]
    public void Detected_from_the_content_and_every_record_read()
    {
        Assert.Equal(CyclerFileFormat.NewareNdax, CyclerFile.Detect(CyclingFiles.Cellpy(File)));
        CyclerRecording r = Recording.Value;
        Assert.Equal(252_951, r.RowCount);
        Assert.Equal("Neware .ndax (zip of XML and .ndc records)", r.Format);
        Assert.Equal("Neware", r.Metadata.Instrument);
        Assert.Equal("2-0-72", r.Metadata.Channel);
        Assert.Equal("LNMO-C_Formation_1Ah feb 2026.xml", r.Metadata.ScheduleName);
        Assert.Equal("2026-02-27T11:17:33+01:00", r.Metadata.StartTime!.ToString());
        Assert.Null(r.Metadata.ActiveMassGrams);
        Assert.True(r.Warnings.Any(w => w.Contains("for 4373 of the 252951 main-data records", StringComparison.Ordinal)), string.Join("\n", r.Warnings));
    }

    [Fact]
    public void Columns_have_the_names_and_units_of_the_CSV_export()
    {
        CyclerRecording r = Recording.Value;
        Assert.Equal("Cumulative Time", r.TestTime.Origin.Header);
        Assert.Equal("Current(A)", r.Current.Origin.Header);
        Assert.Equal("Voltage(V)", r.Voltage.Origin.Header);
        Assert.Equal(["CC Chg", "CV Chg", "Control"], r.TextColumns.Single(c => c.IsStepType).Categories.Order(StringComparer.Ordinal));
        string[] headers = [.. r.Columns.ToArray().Select(c => c.Origin.Header)];
        foreach (string h in new[] { "DataPoint", "Cycle Index", "Step Index", "Program Step", "Time", "Chg. Cap.(Ah)", "DChg. Cap.(Ah)", "Chg. Energy(Wh)", "DChg. Energy(Wh)", "runInfo Record", "AUX 144_2_1", "AUX 144_3_1", "AUX 1_1022_1" })
        {
            Assert.Contains(h, headers);
        }

        // First and last records as data.ndc stores them (float32 voltage and current).
        Assert.Equal(0.20695460, r.Voltage.Values[0], 7);
        Assert.Equal(0, r.Current.Values[0]);
        Assert.Equal(4.7483311, r.Voltage.Values[^1], 6);
        Assert.Equal(0.0019355653, r.Current.Values[^1], 9);
        Assert.Equal(25.633997, Column(r, "AUX 144_3_1")[0], 5);
    }

    [Fact]
    public void Step_ends_hold_the_run_information_capacities_and_times()
    {
        CyclerRecording r = Recording.Value;
        ReadOnlySpan<double> q = Column(r, "Chg. Cap.(Ah)");
        ReadOnlySpan<double> t = r.TestTime.Values;
        ReadOnlySpan<double> step = Column(r, "Step Index");

        // Step 2 (CC charge) ends at record 3622, step 4 at 5300, the last stored record is 252,901.
        Assert.Equal(2, step[3621]);
        Assert.Equal(0.00033253655, q[3621], 10);
        Assert.Equal(0.027849903, q[5299], 8);
        Assert.Equal(1.3905476, q[252_900], 7);
        Assert.Equal(3600 + 20, t[3621], 9);
        Assert.Equal(5296 + 247_600, t[252_900], 9);

        // After the last stored record, time continues by the 1 s interval and charge by the integrated current.
        Assert.Equal(5296 + 247_650, t[^1], 9);
        Assert.InRange(q[^1] - q[252_900], 50 * 0.00190 / 3600, 50 * 0.00205 / 3600);
        Assert.All(Column(r, "DChg. Cap.(Ah)").ToArray(), v => Assert.Equal(0, v));
    }

    [Fact]
    public void One_cycle_whose_charge_is_the_integrated_current()
    {
        CyclerRecording r = Recording.Value;
        CycleTable table = CycleTable.From(r, new CycleTableOptions(EfficiencyConvention.ChargeFirst));
        CycleSummary cycle = Assert.Single(table.Cycles);
        double integrated = 0;
        ReadOnlySpan<double> i = r.Current.Values;
        ReadOnlySpan<double> t = r.TestTime.Values;
        for (int k = 1; k < i.Length; k++)
        {
            integrated += i[k] * (t[k] - t[k - 1]) / 3600;
        }

        // The stored step capacities: 0.000332537 + 0.0000000137 + 0.0278499 + 1.3905476 (+ 50 s at ~2 mA).
        Assert.Equal(1.41878, cycle.ChargeCapacity, 4);
        Assert.Equal(integrated, cycle.ChargeCapacity, 3);
        Assert.Equal(0, cycle.DischargeCapacity);
    }

    private static ReadOnlySpan<double> Column(CyclerRecording r, string header) => r.Columns.ToArray().Single(c => c.Origin.Header == header).Values;
}
