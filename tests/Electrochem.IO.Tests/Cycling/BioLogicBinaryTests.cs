using System.Buffers.Binary;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// The <c>.mpr</c> reader on cellpy's <c>biol.mpr</c> (bundled, MIT) and on small files built in memory: the module
/// structure, both header variants, data module versions 0, 2 and 3, unknown columns, and headers that lie.
/// </summary>
public sealed class BioLogicBinaryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "electrochem-mpr-" + Guid.NewGuid().ToString("N"));

    public BioLogicBinaryTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Cellpys_biol_mpr_reads_as_data_module_v2_with_23561_points_of_36_columns()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "cycling", "cellpy", "biol.mpr");
        Assert.Equal(CyclerFileFormat.BioLogicBinary, CyclerFile.Detect(path));
        CyclerRecording r = CyclerFile.Read(path);
        Assert.Equal(23_561, r.RowCount);
        Assert.Equal(36, r.Columns.Length + r.TextColumns.Length);
        Assert.Equal("2", Entry(r, "Data module version"));
        Assert.Equal("03.15.17", Entry(r, "Settings module date"));   // galvani's start and end dates
        Assert.Equal("03.16.17", Entry(r, "Log module date"));
        Assert.Equal("Modulo Bat", r.Metadata.Technique);
        Assert.Equal("Si/C Li half cell with reference electrode", Entry(r, "Comments"));
        Assert.Equal("EC-Lab v11.10", r.Metadata.Software);
        Assert.Equal(new DateTime(2017, 3, 15, 10, 22, 54), r.Metadata.StartTime!.ClockTime);
        Assert.Equal(0.0065, r.Metadata.NominalCapacityAmpereHours!.Value, 15);   // 6.5 mA·h
        Assert.Null(r.Metadata.ActiveMassGrams);                                      // EC-Lab's default 0.001 mg
        Assert.Equal("Ewe/V", r.Voltage.Origin.Header);
        Assert.Equal("I/mA", r.Current.Origin.Header);
        Assert.Equal(0.001, r.Current.Origin.Scale);
        Assert.NotNull(r.StepIndex);
        Assert.NotNull(r.StepType);
        Assert.Contains(r.Columns, c => c.Origin.Header == "Ece/V");
        Assert.Contains(r.Columns, c => c.Origin.Header == "freq/Hz");
        Assert.DoesNotContain(r.Warnings, w => w.Contains("unknown", StringComparison.Ordinal));
        Assert.True(r.TestTime.Values[^1] > r.TestTime.Values[0]);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(0, true)]
    public void Each_data_module_layout_reads(int version, bool extended)
    {
        CyclerRecording r = Read(MprBytes.Build(points: 5, version: version, extended: extended)).Value;
        Assert.Equal(5, r.RowCount);
        Assert.Equal([0, 10, 20, 30, 40], r.TestTime.Values.ToArray());
        Assert.Equal(3.52, r.Voltage.Values[2], 6);
        Assert.Equal([0.0005, -0.0005, 0.0005, -0.0005, 0.0005], r.Current.Values.ToArray());
        Assert.Equal([0, 0, 1, 1, 2], r.StepIndex!.Values.ToArray());
        Assert.Equal(["1", "2", "1", "2", "1"], Enumerable.Range(0, 5).Select(i => r.StepType![i]));
        Assert.Equal("Galvanostatic Cycling with Potential Limitation", r.Metadata.Technique);
        Assert.Equal(0.00139, r.Metadata.ActiveMassGrams!.Value, 12);
        Assert.Equal("120.000 µA.h", Entry(r, "Battery capacity"));
        Assert.Equal(extended, Entry(r, "Modules")!.Contains("EC-Lab ≥ 11.50 header", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stream_reads_like_a_file_and_the_format_can_be_named()
    {
        byte[] bytes = MprBytes.Build(points: 7, version: 0, extended: true);
        using var stream = new MemoryStream(bytes);
        CyclerRecording fromStream = CyclerFile.TryRead(stream, "memory.mpr").Value;
        CyclerRecording named = Read(bytes, CyclerReadOptions.Default with { Format = CyclerFileFormat.BioLogicBinary }).Value;
        Assert.Equal(7, fromStream.RowCount);
        Assert.Equal(named.Voltage.Values.ToArray(), fromStream.Voltage.Values.ToArray());
        Assert.Equal("memory.mpr", fromStream.SourceName);
        DataFileResult<CyclerRecording> text = Read("time/s\tEwe/V\tI/mA\n0\t3\t1\n"u8.ToArray(), CyclerReadOptions.Default with { Format = CyclerFileFormat.BioLogicBinary });
        Assert.Contains("not an EC-Lab binary file", text.Error!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_column_is_kept_under_its_id_with_a_warning()
    {
        CyclerRecording r = Read(MprBytes.Build(points: 4, extraIds: [1234], extraWidth: 4)).Value;
        RecordingColumn unknown = r.GetColumn("unknown column 1234");
        Assert.Equal(4, unknown.Length);
        Assert.Contains(r.Warnings, w => w.Contains("column ID 1234 is not known", StringComparison.Ordinal) && w.Contains("4-byte float", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_columns_whose_widths_cannot_be_told_are_refused()
    {
        DataFileResult<CyclerRecording> r = Read(MprBytes.Build(points: 4, extraIds: [1234, 1235], extraWidth: 6));
        Assert.Contains("column IDs this reader does not know (1234, 1235)", r.Error!.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("module length", "says it holds 2147483632 bytes, but only")]
    [InlineData("point count", "says it holds 4294967295 points of 19 bytes")]
    [InlineData("column count", "says it has 255 columns; its column list holds 1 to 200")]
    [InlineData("no columns", "says it has 0 columns")]
    [InlineData("no points", "holds no data points")]
    [InlineData("version", "has version 7; this reader knows versions 0, 2 and 3")]
    [InlineData("truncated", "only 37 bytes follow its column list")]
    [InlineData("magic", "looks like a binary file")]
    [InlineData("no data module", "has no 'VMP data' module")]
    [InlineData("garbage module", "expected a module ('MODULE') at byte")]
    public void A_header_that_lies_is_a_clear_error_without_a_large_allocation(string lie, string expected)
    {
        byte[] bytes = MprBytes.Build(points: 5);
        (List<int> lengths, int points, int columns) = MprBytes.Counts(bytes);
        switch (lie)
        {
            case "module length": BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(lengths[1]), int.MaxValue - 15); break;
            case "point count": BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(points), uint.MaxValue); break;
            case "column count": bytes[columns] = 255; break;
            case "no columns": bytes[columns] = 0; break;
            case "no points": BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(points), 0); break;
            case "version": BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(lengths[1] + 4), 7); break;
            case "truncated":
                bytes = bytes[..^58];
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(lengths[1]), (uint)(bytes.Length - points));
                break;
            case "magic": bytes[3] ^= 0x20; break;
            case "no data module": bytes[lengths[1] - 35 + 4] = (byte)'X'; break;
            case "garbage module": bytes = [.. bytes, .. "MODULX"u8]; break;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        DataFileResult<CyclerRecording> r = Read(bytes);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20, "allocation not bounded");
        Assert.False(r.IsSuccess);
        Assert.Equal(1, r.Error!.LineNumber);
        Assert.Contains(expected, r.Error.Problem, StringComparison.Ordinal);
        Assert.Throws<DataFileException>(() => CyclerFile.Read(Path.Combine(_folder, "cell.mpr")));
    }

    [Fact]
    public void A_problem_in_the_data_names_the_point()
    {
        byte[] bytes = MprBytes.Build(points: 5);
        (_, int points, _) = MprBytes.Counts(bytes);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(points + 0x195 + (3 * 19) + 3), double.NaN); // time of point 4
        DataFileResult<CyclerRecording> r = Read(bytes);
        Assert.Equal(4, r.Error!.LineNumber);
        Assert.Contains("test time ('time/s') is empty or not a number", r.Error.Problem, StringComparison.Ordinal);
    }

    private DataFileResult<CyclerRecording> Read(byte[] bytes, CyclerReadOptions? options = null)
    {
        string path = Path.Combine(_folder, "cell.mpr");
        File.WriteAllBytes(path, bytes);
        return CyclerFile.TryRead(path, options);
    }

    private static string? Entry(CyclerRecording r, string key) =>
        r.Metadata.HeaderEntries.FirstOrDefault(e => e.Key == key).Value;
}
