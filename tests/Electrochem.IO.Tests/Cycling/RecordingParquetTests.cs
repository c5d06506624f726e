using System.Collections.Immutable;
using DuckDB.NET.Data;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Cycling;

public sealed class RecordingParquetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "electrochem-parquet-" + Guid.NewGuid().ToString("N"));

    public RecordingParquetTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_real_recording_round_trips_every_column_and_its_description()
    {
        CyclerRecording original = CyclingFiles.Read(CyclingFiles.Cellpy("20160805_test001_45_cc_01.Channel_Normal_Table.csv"));
        string path = Path.Combine(_folder, "cell.parquet");
        RecordingParquet.Write(original, path);
        AssertSame(original, RecordingParquet.Read(path));
    }

    [Property(MaxTest = 60)]
    public Property Generated_recordings_round_trip_exactly(int seed)
    {
        CyclerRecording original = Generate(new Random(seed));
        using var stream = new MemoryStream();
        RecordingParquet.WriteAsync(original, stream).GetAwaiter().GetResult();
        stream.Position = 0;
        AssertSame(original, RecordingParquet.ReadAsync(stream, "memory").GetAwaiter().GetResult());
        return true.ToProperty();
    }

    [Fact]
    public void Csv_written_reads_back_to_the_same_values()
    {
        CyclerRecording original = CyclingFiles.Read(CyclingFiles.Beep("FastCharge_000025_CH8.csv"));
        string path = Path.Combine(_folder, "cell.csv");
        RecordingCsv.Write(original, path);
        CyclerRecording back = CyclingFiles.Read(path);
        Assert.Equal(original.RowCount, back.RowCount);
        foreach (RecordingColumn column in original.Columns)
        {
            Assert.True(column.Values.SequenceEqual(back.GetColumn(column.Name).Values), column.Name);
            Assert.Equal(column.Quantity, back.GetColumn(column.Name).Quantity);
        }
    }

    [Fact]
    public void Corrupt_and_foreign_files_give_a_data_file_error()
    {
        CyclerRecording original = CyclingFiles.Read(CyclingFiles.Beep("FastCharge_000025_CH8.csv"));
        string path = Path.Combine(_folder, "cell.parquet");
        RecordingParquet.Write(original, path);
        byte[] bytes = File.ReadAllBytes(path);
        string truncated = Path.Combine(_folder, "truncated.parquet");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        Assert.Contains("not a readable Parquet recording", Assert.Throws<DataFileException>(() => RecordingParquet.Read(truncated)).Message, StringComparison.Ordinal);
        string text = Path.Combine(_folder, "text.parquet");
        File.WriteAllText(text, "time_s,current_A\n1,2\n");
        Assert.Throws<DataFileException>(() => RecordingParquet.Read(text));
    }

    [Fact]
    public void DuckDB_queries_a_folder_of_recordings_and_sees_their_units()
    {
        var recordings = new List<CyclerRecording>();
        for (int k = 0; k < 3; k++)
        {
            CyclerRecording r = Generate(new Random(100 + k));
            recordings.Add(r);
            RecordingParquet.Write(r, Path.Combine(_folder, $"cell{k}.parquet"));
        }

        // The library's answer: per cycle, the largest charge capacity over all files.
        var expected = new SortedDictionary<double, double>();
        foreach (CyclerRecording r in recordings)
        {
            for (int i = 0; i < r.RowCount; i++)
            {
                double cycle = r.CycleIndex!.Values[i];
                double q = r.ChargeCapacity!.Values[i];
                expected[cycle] = expected.TryGetValue(cycle, out double m) ? Math.Max(m, q) : q;
            }
        }

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT cycle_index, max(charge_capacity) FROM read_parquet('{_folder}/*.parquet') GROUP BY cycle_index ORDER BY cycle_index";
        var actual = new SortedDictionary<double, double>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                actual[reader.GetDouble(0)] = reader.GetDouble(1);
            }
        }

        Assert.Equal(expected, actual);
        command.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{_folder}/cell0.parquet') WHERE decode(key) = 'unit:charge_capacity'";
        Assert.Equal("Ah", command.ExecuteScalar());
    }

    private static CyclerRecording Generate(Random random)
    {
        int rows = 1 + random.Next(300);
        double[] Series(Func<int, double> f) => [.. Enumerable.Range(0, rows).Select(f)];
        double t = 0;
        double[] time = Series(_ => t += random.NextDouble());
        var columns = new List<RecordingColumn>
        {
            new("test_time", RecordingQuantity.TestTime, "s", time, ColumnOrigin.AsWritten("Time (h)", "h") with { Scale = 3600 }),
            new("current", RecordingQuantity.Current, "A", Series(_ => random.NextDouble() - 0.5), ColumnOrigin.AsWritten("I", "mA") with { Scale = 1e-3, Note = "negated" }),
            new("voltage", RecordingQuantity.Voltage, "V", Series(_ => 3 + random.NextDouble()), ColumnOrigin.AsWritten("U", null)),
            new("cycle_index", RecordingQuantity.CycleIndex, string.Empty, Series(i => 1 + (i / 50)), ColumnOrigin.AsWritten("Cycle", null)),
            new("charge_capacity", RecordingQuantity.ChargeCapacity, "Ah", Series(_ => random.NextDouble()), ColumnOrigin.AsWritten("Q", "mAh")),
            new("Aux #1", RecordingQuantity.Other, "mV", Series(_ => random.Next(5) == 0 ? double.NaN : random.NextDouble()), ColumnOrigin.AsWritten("Aux #1 (mV)", "mV")),
        };
        ImmutableArray<string> categories = ["CC_Chg", "Rest", "CC, \"quoted\""];
        var text = new RecordingTextColumn("step_type", Enumerable.Range(0, rows).Select(_ => random.Next(-1, 3)).ToArray(), categories, ColumnOrigin.AsWritten("Step Type", null), isStepType: true);
        var metadata = new RecordingMetadata
        {
            Instrument = "Cycler",
            Channel = random.Next(2) == 0 ? null : "7",
            ActiveMassGrams = random.Next(2) == 0 ? null : random.NextDouble(),
            StartTime = random.Next(3) switch
            {
                0 => null,
                1 => new RecordingStartTime(new DateTime(2021, 5, 5, 15, 36, 22, 757), null, "header"),
                _ => new RecordingStartTime(new DateTime(2021, 5, 5, 15, 36, 22), TimeSpan.FromHours(-7), "header"),
            },
            HeaderEntries = [new("Mass", "1 mg"), new("Note", "ä µ °C")],
        };
        return CyclerRecording.Create("generated.csv", "generated", metadata, columns, [text], ["a warning"]);
    }

    private static void AssertSame(CyclerRecording expected, CyclerRecording actual)
    {
        Assert.Equal(expected.SourceName, actual.SourceName);
        Assert.Equal(expected.Format, actual.Format);
        Assert.Equal(expected.Warnings, actual.Warnings);
        Assert.Equal(expected.Metadata with { HeaderEntries = [] }, actual.Metadata with { HeaderEntries = [] });
        Assert.Equal(expected.Metadata.HeaderEntries, actual.Metadata.HeaderEntries);
        Assert.Equal(expected.Columns.Length, actual.Columns.Length);
        for (int c = 0; c < expected.Columns.Length; c++)
        {
            RecordingColumn e = expected.Columns[c];
            RecordingColumn a = actual.Columns[c];
            Assert.Equal((e.Name, e.Quantity, e.Unit, e.Origin), (a.Name, a.Quantity, a.Unit, a.Origin));
            Assert.True(e.Values.SequenceEqual(a.Values), e.Name);
        }

        Assert.Equal(expected.TextColumns.Length, actual.TextColumns.Length);
        for (int c = 0; c < expected.TextColumns.Length; c++)
        {
            RecordingTextColumn e = expected.TextColumns[c];
            RecordingTextColumn a = actual.TextColumns[c];
            Assert.Equal((e.Name, e.IsStepType, e.Origin), (a.Name, a.IsStepType, a.Origin));
            Assert.Equal(Enumerable.Range(0, e.Length).Select(i => e[i]), Enumerable.Range(0, a.Length).Select(i => a[i]));
        }
    }
}
