using System.Globalization;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using Electrochem.IO.Cycling.Jet;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// Arbin .res files (Jet 4 databases) read natively, against the Channel_Normal_Table of the same files exported by
/// mdbtools' mdb-export (cellpy's two .res files, MIT; see Data/cycling/cellpy/SOURCE.md): every column of every row.
/// mdb-export prints a Single with 8 significant digits (%.8g) — the reader gives that decimal itself, or 9 digits for
/// the few Singles (160 of 61,566 and 7 of 157,716) whose 8 digits name a neighbouring Single — and a Double with 16
/// (%.16g), so a Double is compared after the same rounding.
/// </summary>
public sealed class ArbinResTests
{
    internal const string HalfCell = "20160805_test001_45_cc_01";
    internal const string FullCell = "20210210_FC_01_cc_03";

    [Theory]
    [InlineData(HalfCell, 10_261, 160)]
    [InlineData(FullCell, 26_286, 7)]
    public void Every_value_of_the_Channel_Normal_Table_matches_its_export(string name, int rows, int singlesNeedingNineDigits)
    {
        string res = CyclingFiles.Cellpy(name + ".res");
        CyclerRecording r = CyclingFiles.Read(res);
        string[] lines = File.ReadAllLines(CyclingFiles.Cellpy(name + ".Channel_Normal_Table.csv"));
        string[] headers = lines[0].Split(',');
        Assert.Equal(rows, lines.Length - 1);
        Assert.Equal(rows, r.RowCount);
        IReadOnlyList<JetColumn> types = Types(res);
        Assert.Equal(headers, types.Select(c => c.Name));
        RecordingColumn[] columns = [.. headers.Select(h => Assert.Single(r.Columns.ToArray(), c => c.Origin.Header == h))];
        int compared = 0;
        int nineDigits = 0;   // Singles whose 8-digit export does not identify them (the reader then gives 9 digits)
        for (int i = 1; i < lines.Length; i++)
        {
            string[] fields = lines[i].Split(',');
            for (int c = 0; c < headers.Length; c++)
            {
                double value = columns[c].Values[i - 1];
                double exported = double.Parse(fields[c], CultureInfo.InvariantCulture);
                bool same = types[c].Type == JetColumnType.Float
                    ? value == exported || (Rounded((float)value, "G8") == exported && (float)exported != (float)value && ++nineDigits > 0)
                    : Rounded(value, "G16") == exported;
                Assert.True(same, $"{name}: row {i}, {headers[c]}: {value:R} is not {fields[c]}");
                compared++;
            }
        }

        Assert.Equal(rows * 18, compared);
        Assert.Equal(singlesNeedingNineDigits, nineDigits);
    }

    [Theory]
    [InlineData(HalfCell)]
    [InlineData(FullCell)]
    public void Columns_have_the_names_units_and_origins_of_the_CSV_reader(string name)
    {
        CyclerRecording res = CyclingFiles.Read(CyclingFiles.Cellpy(name + ".res"));
        CyclerRecording csv = CyclingFiles.Read(CyclingFiles.Cellpy(name + ".Channel_Normal_Table.csv"));
        foreach (RecordingColumn expected in csv.Columns)
        {
            RecordingColumn actual = res.GetColumn(expected.Name);
            Assert.Equal(expected.Quantity, actual.Quantity);
            Assert.Equal(expected.Unit, actual.Unit);
            Assert.Equal(expected.Origin, actual.Origin);
        }

        Assert.Equal(CyclerFileFormat.ArbinRes, CyclerFile.Detect(CyclingFiles.Cellpy(name + ".res")));
        Assert.Equal("Arbin .res (Jet 4 database)", res.Format);
        Assert.Equal(csv.Metadata.StartTime!.ClockTime.Date, res.Metadata.StartTime!.ClockTime.Date);
        Assert.Null(res.Metadata.StartTime.UtcOffset);
    }

    [Fact]
    public void The_silicon_half_cell_has_cellpys_cycles_and_metadata()
    {
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Cellpy(HalfCell + ".res"));
        Assert.Equal(18, r.CycleIndex!.Values[^1]);
        Assert.Equal(18, r.CycleIndex.Values.ToArray().Distinct().Count());
        Assert.Equal(1457, r.WhereCycle(1).DataPoint!.Values[^1]);              // cellpy: cycle-1 last data point
        Assert.Equal(1.625405999113e-3, CyclingFiles.MaxInCycle(r, r.ChargeCapacity!, 1), 12);
        RecordingMetadata m = r.Metadata;
        Assert.Equal(0.00085283798, m.ActiveMassGrams);                          // Global_Table MASS (a Single) as written
        Assert.Equal("20160805_sic006_45_cc_01", m.TestName);
        Assert.Contains(m.HeaderEntries, e => e.Key == "Global_Table.Test_Name" && e.Value == "20160805_sic006_45_cc_01-01-003");
        Assert.Equal(@"SiNODE\24h_rest_3cyc_C20_100cyc_c10_MR.sdu", m.ScheduleName);
        Assert.Equal("3", m.Channel);
        Assert.Equal("Arbin", m.Instrument);
        Assert.Equal("Arbin 4.32 Build: 130904", m.Software);
        Assert.Null(m.NominalCapacityAmpereHours);                              // Capacity = 0: not stated
        Assert.Contains(m.HeaderEntries, e => e.Key == "Global_Table.Specific_Capacity" && e.Value == "3.579");
        Assert.Equal(new DateTime(2016, 8, 5, 16, 16, 23), new DateTime(m.StartTime!.ClockTime.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond));
        Assert.Contains("Start_DateTime", m.StartTime.Source, StringComparison.Ordinal);
        Assert.Contains(m.HeaderEntries, e => e.Key == "Event_Table[1].Event_Describe" && e.Value == "Test end");
        Assert.Contains(m.HeaderEntries, e => e.Key == "Resume_Table.TC_CCapacity1");
        Assert.Empty(r.Warnings);                                               // every table with rows is in the recording or its metadata
    }

    [Fact]
    public void Cycle_statistics_are_joined_on_Data_Point()
    {
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Cellpy(HalfCell + ".res"));
        RecordingColumn vmax = r.GetColumn("Vmax_On_Cycle");
        Assert.Equal("Channel_Statistic_Table.Vmax_On_Cycle", vmax.Origin.Header);
        ReadOnlySpan<double> points = r.DataPoint!.Values;
        var ends = new List<double>();
        for (int i = 0; i < points.Length; i++)
        {
            if (!double.IsNaN(vmax.Values[i]))
            {
                ends.Add(points[i]);
            }
        }

        Assert.Equal(17, ends.Count);                                           // 17 statistics rows
        Assert.Equal([1457, 2283, 3119, 3635], ends.Take(4));                   // cycle ends (SOURCE.md)
        Assert.Equal(10165, ends[^1]);
        Assert.Contains(r.Columns.ToArray(), c => c.Name == "Charge_Time");
    }

    [Fact]
    public void Rows_stored_out_of_order_are_returned_in_Data_Point_order()
    {
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Cellpy(FullCell + ".res"));
        ReadOnlySpan<double> points = r.DataPoint!.Values;
        for (int i = 1; i < points.Length; i++)
        {
            Assert.True(points[i] > points[i - 1]);
        }

        Assert.Contains(r.Warnings, w => w.Contains("stored out of Data_Point order", StringComparison.Ordinal));
        Assert.Equal(0.02264156, r.Metadata.ActiveMassGrams);
        Assert.Equal("20210210_batmar_FC_01_cc_03", r.Metadata.TestName);
        Assert.Equal(@"BattMarine\GITT_fullcell_3-4dot2V.sdu", r.Metadata.ScheduleName);
    }

    [Fact]
    public void A_stream_reads_like_the_file()
    {
        string path = CyclingFiles.Cellpy(HalfCell + ".res");
        using var stream = new MemoryStream();
        stream.Write([1, 2, 3]);                                                // the database starts mid-stream
        stream.Write(File.ReadAllBytes(path));
        stream.Position = 3;
        DataFileResult<CyclerRecording> read = CyclerFile.TryRead(stream, "in-memory.res");
        Assert.True(read.IsSuccess, read.ToString());
        Assert.Equal(10_261, read.Value.RowCount);
        Assert.Equal(CyclingFiles.Read(path).Voltage.Values.ToArray(), read.Value.Voltage.Values.ToArray());
    }

    [Fact]
    public void The_format_can_be_named_and_other_binary_files_are_still_refused()
    {
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Cellpy(HalfCell + ".res"), CyclerReadOptions.Default with { Format = CyclerFileFormat.ArbinRes });
        Assert.Equal(10_261, r.RowCount);
        DataFileResult<CyclerRecording> csv = CyclerFile.TryRead(CyclingFiles.Cellpy(HalfCell + ".Channel_Normal_Table.csv"), CyclerReadOptions.Default with { Format = CyclerFileFormat.ArbinRes });
        Assert.False(csv.IsSuccess);
        Assert.Contains("not a Jet/Access database", csv.Error!.Problem, StringComparison.Ordinal);
    }

    private static double Rounded(double value, string format) =>
        double.Parse(value.ToString(format, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static IReadOnlyList<JetColumn> Types(string path)
    {
        using FileStream stream = File.OpenRead(path);
        JetFile file = JetFile.Open(stream, path);
        int page = JetCatalog.Tables(file, CancellationToken.None)[ArbinResReader.NormalTable];
        return JetTable.Read(file, ArbinResReader.NormalTable, page).Columns;
    }
}
