using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.IO.Tests.Cycling;

public sealed class ArbinCsvTests
{
    [Fact]
    public void Reads_the_cellpy_Channel_Normal_Table_with_every_row_and_column()
    {
        // cellpy's loader golden for this .res: 10,261 rows × 18 columns; cycle-1 last data point 1457.
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Cellpy("20160805_test001_45_cc_01.Channel_Normal_Table.csv"));
        Assert.Equal(CyclerFileFormat.ArbinCsv, CyclerFile.Detect(CyclingFiles.Cellpy("20160805_test001_45_cc_01.Channel_Normal_Table.csv")));
        Assert.Equal("Arbin CSV export", r.Format);
        Assert.Equal(10_261, r.RowCount);
        Assert.Equal(18, r.Columns.Length + r.TextColumns.Length);
        Assert.Equal(18, r.CycleIndex!.Values[^1]);
        CyclerRecording first = r.WhereCycle(1);
        Assert.Equal(1457, first.DataPoint!.Values[^1]);
        Assert.Equal(300.0104819316021, r.TestTime.Values[0]);
        Assert.Equal(1500.05, r.Find(RecordingQuantity.StepTime)!.Values[4], 2);   // raw data_point 5 step_time 1500.05 s
        Assert.Null(r.Metadata.StartTime!.UtcOffset);                              // OLE date: local clock, zone unknown
        Assert.Equal(new DateTime(2016, 8, 5), r.Metadata.StartTime.ClockTime.Date);
        Assert.Equal("Test_ID", r.Columns[0].Name);                                 // kept under its own name
    }

    [Fact]
    public void Cycle_one_capacities_match_cellpys_summary()
    {
        // cellpy-core golden (NORMAL convention), cycle 1: charge 1.625405999113e-3 Ah, discharge 1.755093529421e-3 Ah.
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Cellpy("20160805_test001_45_cc_01.Channel_Normal_Table.csv"));
        Assert.Equal(1.625405999113e-3, CyclingFiles.MaxInCycle(r, r.ChargeCapacity!, 1), 12);
        Assert.Equal(1.755093529421e-3, CyclingFiles.MaxInCycle(r, r.DischargeCapacity!, 1), 12);
    }

    [Fact]
    public void Beep_file_with_empty_counters_reads_with_warnings_and_no_cycle_index()
    {
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Beep("2017-05-09_test-TC-contact_CH33.csv"));
        Assert.Equal(287, r.RowCount);
        Assert.Null(r.CycleIndex);
        Assert.Null(r.StepIndex);
        Assert.Contains(r.Warnings, w => w.Contains("'Cycle_Index' is empty in every row", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.Zero, r.Metadata.StartTime!.UtcOffset);  // beep writes DateTime as Unix seconds
    }

    [Fact]
    public void Beep_file_whose_cycle_counter_never_counts_says_so()
    {
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Beep("FastCharge_000025_CH8.csv"));
        Assert.Equal(248, r.RowCount);
        Assert.Contains(r.Warnings, w => w.Contains("does not count cycles", StringComparison.Ordinal));
        Assert.InRange(r.Temperatures[0].Values[0], 303.0, 303.5);   // 30.1 °C → K
        Assert.Equal("°C", r.Temperatures[0].Origin.WrittenUnit);
    }
}
