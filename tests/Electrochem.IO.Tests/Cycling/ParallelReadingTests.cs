using System.Globalization;
using System.Text;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// A large file is read in line-aligned parts on several threads. Here the parts are a few dozen bytes to a few
/// kilobytes, so every boundary case (a part starting at a blank line, a cut-off last line, text appearing in a kept
/// column in a later part, an error in any part) is met; the result — values, warnings, errors and their lines — must
/// be what one thread gives.
/// </summary>
public sealed class ParallelReadingTests
{
    private static readonly CyclerReadOptions OneThread = new() { MaxDegreeOfParallelism = 1 };

    public static TheoryData<string> BundledFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Data", "cycling"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith("SOURCE.md", StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void Every_bundled_file_reads_the_same_in_parts(string relativePath)
    {
        string path = Path.Combine(AppContext.BaseDirectory, relativePath);
        long length = new FileInfo(path).Length;
        foreach (long part in new[] { Math.Max(64, length / 40), Math.Max(97, length / 3) })
        {
            Assert.Equal(Describe(CyclerFile.TryRead(path, OneThread)), Describe(CyclerFile.TryRead(path, InParts(part, 3))));
        }
    }

    [Property(MaxTest = 250)]
    public Property Reading_in_parts_equals_reading_on_one_thread(int seed, PositiveInt partSize, bool windowsLineEnds)
    {
        var random = new Random(seed);
        string path = Path.Combine(Path.GetTempPath(), $"electrochem-parallel-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, GeneratedFile(random, windowsLineEnds ? "\r\n" : "\n"), new UTF8Encoding(false));
            long part = 16 + (partSize.Get % 3000);
            string one = Describe(CyclerFile.TryRead(path, OneThread));
            string parts = Describe(CyclerFile.TryRead(path, InParts(part, 1 + random.Next(4))));
            return (one == parts).ToProperty().Label($"part {part} bytes\none thread:\n{one}\nin parts:\n{parts}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_plain_large_file_is_read_in_parts_and_files_it_cannot_promise_are_left_to_one_thread()
    {
        string path = Path.Combine(Path.GetTempPath(), $"electrochem-parallel-{Guid.NewGuid():N}.csv");
        try
        {
            string rows = string.Concat(Enumerable.Range(0, 500).Select(i => $"{i},0.5,3.{i % 10}\n"));
            Assert.NotNull(TryInParts(path, "time_s,current_A,voltage_V\n" + rows, Encoding.UTF8));
            Assert.NotNull(TryInParts(path, "time_s,current_A,voltage_V\r\n" + rows.Replace("\n", "\r\n", StringComparison.Ordinal), Encoding.UTF8));
            Assert.Null(TryInParts(path, "time_s,current_A,voltage_V\n" + rows + "\"500\",0.5,3\n", Encoding.UTF8)); // a quote may hide a line break
            Assert.Null(TryInParts(path, "time_s,current_A,voltage_V\n" + rows.Replace("\n", "\r", StringComparison.Ordinal), Encoding.UTF8)); // CR alone
            Assert.Null(TryInParts(path, "time_s,current_A,voltage_V\n" + rows, Encoding.Unicode)); // 0x0A is not always a line feed
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_error_in_a_later_part_names_its_file_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"electrochem-parallel-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "time_s,current_A,voltage_V\n" + string.Concat(Enumerable.Range(0, 400).Select(i => i == 321 ? "321,1,x\n" : $"{i},1,3\n")));
            DataFileResult<CyclerRecording> result = CyclerFile.TryRead(path, InParts(100, 4));
            Assert.Equal(323, result.Error!.LineNumber);
            Assert.Contains("'x'", result.Error.Problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Cancellation_stops_a_read_in_parts()
    {
        string path = Path.Combine(Path.GetTempPath(), $"electrochem-parallel-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "time_s,current_A,voltage_V\n" + string.Concat(Enumerable.Range(0, 400).Select(i => $"{i},1,3\n")));
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => CyclerFile.TryRead(path, InParts(100, 4), cancelled.Token));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_thread_count_is_checked()
    {
        string path = CyclingFiles.Cellpy("custom_data_001.csv");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CyclerFile.TryRead(path, new CyclerReadOptions { MaxDegreeOfParallelism = 0 }));
        Assert.Equal("MaxDegreeOfParallelism", e.ParamName);
    }

    private static CyclerReadOptions InParts(long partBytes, int threads) =>
        new() { MaxDegreeOfParallelism = Math.Max(2, threads), ParallelMinimumBytes = 0, ParallelPartBytes = partBytes };

    private static DataFileResult<RawTable>? TryInParts(string path, string text, Encoding encoding)
    {
        File.WriteAllText(path, text, encoding);
        var layout = new BlockLayout(path, 1, ',', CultureInfo.InvariantCulture, CyclerColumnPlanner.Plan(["time_s", "current_A", "voltage_V"], null, [], useSynonyms: true, []).Plans!);
        var source = new ParallelBlockSource(path, encoding, 2, 1 << 20) { MinimumBytes = 0, PartBytes = 512 };
        DataFileResult<RawTable>? result = ParallelBlockReader.TryRead(source, layout, CancellationToken.None);
        if (result is not null)
        {
            Assert.True(result.IsSuccess, result.ToString());
            Assert.Equal(500, result.Value.RowCount);
            Assert.Equal(Enumerable.Range(2, 500), result.Value.RowLines);
        }

        return result;
    }

    /// <summary>A cycler table with the irregularities real files have, at random places.</summary>
    private static string GeneratedFile(Random random, string newline)
    {
        var text = new StringBuilder();
        if (random.Next(3) == 0)
        {
            text.Append("Test name: parallel").Append(newline).Append("Channel: 7").Append(newline).Append(newline);
        }

        text.Append("time_s,current_A,voltage_V,Step_Index,note,aux").Append(newline);
        int rows = 1 + random.Next(300);
        int textInAuxFrom = random.Next(3) == 0 ? random.Next(rows) : int.MaxValue;
        int badRow = random.Next(6) == 0 ? random.Next(rows) : -1;
        double time = 0;
        for (int i = 0; i < rows; i++)
        {
            if (random.Next(20) == 0)
            {
                text.Append(random.Next(2) == 0 ? string.Empty : ",,,,,").Append(newline);
            }

            time += random.Next(30) == 0 ? -1 : random.NextDouble();
            string current = random.Next(40) == 0 ? string.Empty : (random.NextDouble() - 0.5).ToString("R", CultureInfo.InvariantCulture);
            string note = random.Next(4) switch { 0 => string.Empty, 1 => "rest", 2 => "CC_Chg", _ => "n" + (i % 7).ToString(CultureInfo.InvariantCulture) };
            string aux = i >= textInAuxFrom ? "over" : random.Next(10) == 0 ? string.Empty : random.NextDouble().ToString("R", CultureInfo.InvariantCulture);
            string row = string.Create(CultureInfo.InvariantCulture, $"{time:R},{current},{3 + random.NextDouble():R},{i / 50},{note},{aux}");
            if (i == badRow)
            {
                row = random.Next(3) switch { 0 => row + ",extra", 1 => row.Replace("rest", "\"rest\"", StringComparison.Ordinal), _ => "x" + row };
            }

            text.Append(row);
            if (i < rows - 1 || random.Next(3) > 0)
            {
                text.Append(newline);
            }
        }

        if (random.Next(5) == 0)
        {
            text.Append("9999,0.1,3.1").Append(newline); // cut off while written
        }
        else if (random.Next(5) == 0)
        {
            text.Append(newline).Append(newline);
        }

        return text.ToString();
    }

    /// <summary>Everything a read gives, as text: the error, or the warnings, metadata and every value.</summary>
    private static string Describe(DataFileResult<CyclerRecording> result)
    {
        if (!result.TryGetValue(out CyclerRecording? recording))
        {
            return "error: " + result.Error;
        }

        using var csv = new StringWriter(CultureInfo.InvariantCulture);
        RecordingCsv.Write(recording, csv);
        return string.Join('\n', recording.Warnings) + "\n" + recording.Metadata + "\n" + string.Join(", ", recording.Columns.Select(c => $"{c.Name} [{c.Unit}] {c.Quantity} {c.Origin}")) + "\n" + csv;
    }
}
