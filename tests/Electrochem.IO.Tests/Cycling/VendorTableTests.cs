using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// Novonix, Neware, PEC, Battery Data Format and cellpy's custom files (beep: Apache-2.0; cellpy: MIT), with the values
/// their projects' tests assert (see the SOURCE.md of each folder).
/// </summary>
public sealed class VendorTableTests
{
    [Fact]
    public void Novonix_hours_summary_and_quoted_lines()
    {
        string path = CyclingFiles.Beep("test_Nova_Form-CH01-01_short.csv");
        Assert.Equal(CyclerFileFormat.NovonixCsv, CyclerFile.Detect(path));
        CyclerRecording r = CyclingFiles.Read(path);
        Assert.Equal(3_942, r.RowCount);                                               // beep: raw frame (3942, 23)
        Assert.Equal(["0", "7", "8", "1"], r.StepType!.Categories.ToArray());          // beep: step_index unique [0, 7, 8, 1]
        Assert.Equal(3600, r.TestTime.Origin.Scale);
        Assert.Equal(0.24, r.Metadata.NominalCapacityAmpereHours);
        Assert.Equal("XC_Formation_Entree_Test.pro1", r.Metadata.ProcedureName);
        Assert.Equal(new DateTime(2022, 4, 11, 10, 58, 7), r.Metadata.StartTime!.ClockTime);
    }

    [Fact]
    public void Neware_per_cycle_capacities()
    {
        Assert.Equal(CyclerFileFormat.NewareCsv, CyclerFile.Detect(CyclingFiles.Cellpy("neware_uio.csv")));
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Cellpy("neware_uio.csv"));
        Assert.Equal(9_065, r.RowCount);                                               // cellpy: raw 9,065 rows
        Assert.Equal("Cumulative Time", r.TestTime.Origin.Header);                      // hh:mm:ss, read as seconds
        Assert.Equal(new DateTime(2022, 5, 18, 16, 27, 52), r.Metadata.StartTime!.ClockTime);
        double[][] expected = [[4.24934, 4.68031], [4.24668, 4.06473], [4.24183, 4.02979], [1.43796, 3.31516]];   // mAh
        for (int cycle = 1; cycle <= 4; cycle++)
        {
            Assert.Equal(expected[cycle - 1][0], CyclingFiles.MaxInCycle(r, r.ChargeCapacity!, cycle) * 1000, 5);
            Assert.Equal(expected[cycle - 1][1], CyclingFiles.MaxInCycle(r, r.DischargeCapacity!, cycle) * 1000, 5);
        }

        Assert.NotNull(r.StepType);
    }

    [Fact]
    public void PEC_millivolts_milliamps_and_its_energy_named_capacity()
    {
        Assert.Equal(CyclerFileFormat.PecCsv, CyclerFile.Detect(CyclingFiles.Cellpy("pec.csv")));
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Cellpy("pec.csv"));
        Assert.Equal(16_255, r.RowCount);                                              // cellpy golden 16,255 rows
        Assert.Equal(new DateTime(2019, 2, 22, 16, 21, 35), r.Metadata.StartTime!.ClockTime);   // cellpy: start 2019-02-22 16:21:35
        Assert.Equal("187", r.Metadata.TestName);                                       // cellpy: test_ID "187"
        Assert.Equal(3.272632, r.Voltage.Values[0], 9);                                // file 3272.632 mV
        Assert.Equal(-1.6339, r.Current.Values[5], 9);                                 // file −1633.9 mA
        Assert.Equal(0.000455, r.DischargeCapacity!.Values[6], 9);
        Assert.Equal(0.001487, r.DischargeEnergy!.Values[6], 9);                        // written as 'Discharge Capacity (mWh)'
        Assert.Equal("Discharge Capacity (mWh)", r.DischargeEnergy.Origin.Header);
        Assert.Equal(0, r.CycleIndex!.Values[0]);                                       // the file starts at cycle 0, kept as written
    }

    [Fact]
    public void Battery_Data_Format_table()
    {
        Assert.Equal(CyclerFileFormat.BatteryDataFormatCsv, CyclerFile.Detect(CyclingFiles.Cellpy("batmo_bdf.csv")));
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Cellpy("batmo_bdf.csv"));
        Assert.Equal(21_206, r.RowCount);                                              // cellpy golden 21,206 rows
        Assert.Equal(109, r.CycleIndex!.Values.ToArray().Distinct().Count());           // 109 cycles
        Assert.Equal(3600, r.TestTime.Origin.Scale);                                   // 'Test Time / h'
        Assert.NotNull(r.ChargeCapacity);
        Assert.NotNull(r.StepType);
    }

    [Fact]
    public void Custom_file_by_recognition_and_by_a_JSON_column_map()
    {
        CyclerRecording recognised = CyclingFiles.Read(CyclingFiles.Cellpy("custom_data_001.csv"));
        Assert.Equal(2_442, recognised.RowCount);   // cellpy's 2,444 counts the two trailing lines of empty fields
        Assert.Contains(recognised.Warnings, w => w.Contains("2 blank lines were", StringComparison.Ordinal));
        CyclerColumnMap map = CyclerColumnMap.FromJson("""
            { "columns": { "test_time": { "column": "test_time", "unit": "s" }, "current": { "column": "current", "unit": "mA" },
                           "voltage": "voltage", "cycle_index": "cycle", "step_index": "step" } }
            """);
        CyclerRecording mapped = CyclingFiles.Read(CyclingFiles.Cellpy("custom_data_001.csv"), CyclerReadOptions.Default with { ColumnMap = map });
        Assert.Equal(1e-3, mapped.Current.Origin.Scale);
        Assert.True(mapped.Voltage.Values.SequenceEqual(recognised.Voltage.Values));
        Assert.Equal(recognised.Current.Values[100] * 1e-3, mapped.Current.Values[100], 15);
    }

    [Theory]
    [InlineData("custom_missing_column.csv", 20, "no voltage column")]
    [InlineData("custom_nan_inf.csv", 24, "the voltage ('voltage') is empty or not a number")]
    public void Broken_fixtures_name_file_line_and_column(string name, int line, string problem)
    {
        string path = CyclingFiles.Cellpy(Path.Combine("bad", name));
        DataFileResult<CyclerRecording> r = CyclerFile.TryRead(path);
        Assert.False(r.IsSuccess);
        Assert.Equal(path, r.Error!.FilePath);
        Assert.Equal(line, r.Error.LineNumber);
        Assert.Contains(problem, r.Error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_naming_a_missing_column_names_it()
    {
        DataFileResult<CyclerRecording> r = CyclerFile.TryRead(CyclingFiles.Cellpy(Path.Combine("bad", "custom_missing_column.csv")), CyclerReadOptions.Default with { ColumnMap = CyclerColumnMap.Empty.With(RecordingQuantity.Voltage, "voltage") });
        Assert.Contains("names 'voltage' as the voltage column, but the file has no such column", r.Error!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_truncated_and_missing_cycle_fixtures_read_as_written_with_warnings()
    {
        Assert.Equal(60, CyclingFiles.Read(CyclingFiles.Cellpy(Path.Combine("bad", "custom_good_small.csv"))).RowCount);
        CyclerRecording truncated = CyclingFiles.Read(CyclingFiles.Cellpy(Path.Combine("bad", "custom_truncated.csv")));
        Assert.Contains(truncated.Warnings, w => w.Contains("the last line, has 5 of the 10 fields", StringComparison.Ordinal));
        // The counter jumps from 1 to 3 (cycle 2's rows are missing): read as written; cycle analyses see the gap.
        CyclerRecording gap = CyclingFiles.Read(CyclingFiles.Cellpy(Path.Combine("bad", "custom_missing_cycle.csv")));
        Assert.Equal(40, gap.RowCount);
        Assert.Equal([1.0, 3.0], gap.CycleIndex!.Values.ToArray().Distinct().Order());
    }
}
