using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Electrochem.Cycling;
using Parquet;
using Parquet.Schema;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Writes and reads a <see cref="CyclerRecording"/> as Apache Parquet, so a lab's archive becomes a dataset that
/// DuckDB, Polars or Spark query (see docs/scale-out.md). Nothing is lost: every numeric column as DOUBLE and every
/// text column as a nullable STRING under the recording's column names, in row groups of at most
/// <see cref="RowGroupRows"/> rows (memory stays bounded for any length); units as Parquet key/value metadata on each
/// column chunk (<c>unit</c>, <c>quantity</c>) and on the file (<c>unit:&lt;column&gt;</c>); and everything else —
/// quantities, origins, metadata, start time, warnings, source and format — as one JSON document under the file key
/// <see cref="MetadataKey"/>. A Parquet file written by another tool reads when it has numeric
/// <c>test_time</c>, <c>current</c> and <c>voltage</c> columns (in s, A, V). Thread-safe.
/// </summary>
public static class RecordingParquet
{
    /// <summary>The file key/value metadata key of the recording's JSON description (schema version 1).</summary>
    public const string MetadataKey = "electrochem.recording";

    /// <summary>Rows per row group.</summary>
    public const int RowGroupRows = 1 << 20;

    /// <summary>Writes a recording to a file (created or overwritten).</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Stops a long write.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(CyclerRecording recording, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        WriteAsync(recording, stream, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Writes a recording to a stream (left open).</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="destination">A writable stream.</param>
    /// <param name="cancellationToken">Stops a long write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public static async Task WriteAsync(CyclerRecording recording, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(destination);
        DataField<double>[] numeric = [.. recording.Columns.Select(c => new DataField<double>(c.Name, false))];
        DataField<string>[] text = [.. recording.TextColumns.Select(c => new DataField<string>(c.Name, true))];
        var schema = new ParquetSchema([.. numeric.Cast<Field>(), .. text.Cast<Field>()]);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, destination, cancellationToken: cancellationToken).ConfigureAwait(false);
        var fileMetadata = new Dictionary<string, string>(StringComparer.Ordinal) { [MetadataKey] = Describe(recording) };
        foreach (RecordingColumn column in recording.Columns)
        {
            fileMetadata["unit:" + column.Name] = column.Unit;
        }

        writer.CustomMetadata = fileMetadata;
        for (int start = 0; start < recording.RowCount; start += RowGroupRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int length = Math.Min(RowGroupRows, recording.RowCount - start);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            for (int c = 0; c < numeric.Length; c++)
            {
                RecordingColumn column = recording.Columns[c];
                var chunkMetadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["unit"] = column.Unit, ["quantity"] = column.Quantity.ToString() };
                await group.WriteAsync(numeric[c], column.Memory.Slice(start, length), null, chunkMetadata, cancellationToken).ConfigureAwait(false);
            }

            for (int c = 0; c < text.Length; c++)
            {
                RecordingTextColumn column = recording.TextColumns[c];
                string?[] values = new string?[length];
                ReadOnlySpan<int> codes = column.Codes.Slice(start, length);
                for (int i = 0; i < length; i++)
                {
                    values[i] = codes[i] >= 0 ? column.Categories[codes[i]] : null;
                }

                await group.WriteAsync(text[c], values!, null).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads a recording from a Parquet file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    /// <returns>The recording.</returns>
    /// <exception cref="DataFileException">The file is not a readable Parquet file, or it lacks test time, current and voltage columns; the message says which.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static CyclerRecording Read(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return ReadAsync(stream, path, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Reads a recording from a seekable stream holding a Parquet file (left open).</summary>
    /// <param name="source">The stream.</param>
    /// <param name="sourceName">The name for messages (and the recording's source when the file does not say).</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    /// <returns>The recording.</returns>
    /// <exception cref="DataFileException">The data are not a readable Parquet file, or lack test time, current and voltage columns.</exception>
    public static async Task<CyclerRecording> ReadAsync(Stream source, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        try
        {
            await using ParquetReader reader = await ParquetReader.CreateAsync(source, leaveStreamOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            DataField[] fields = reader.Schema.GetDataFields();
            long rows = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                rows += reader.OpenRowGroupReader(g).RowCount;
            }

            if (rows is < 1 or > int.MaxValue)
            {
                throw new DataFileException(sourceName, 1, $"the Parquet file has {rows} rows; a recording needs 1 to {int.MaxValue}");
            }

            Description description = reader.CustomMetadata.TryGetValue(MetadataKey, out string? json)
                ? Description.Parse(json, sourceName)
                : Description.Infer(fields, sourceName);
            var numbers = new Dictionary<string, double[]>(StringComparer.Ordinal);
            var strings = new Dictionary<string, string?[]>(StringComparer.Ordinal);
            foreach (ColumnDescription column in description.Columns)
            {
                DataField field = fields.FirstOrDefault(f => f.Name == column.Name)
                    ?? throw new DataFileException(sourceName, 1, $"the recording's description names a column '{column.Name}' that the Parquet file does not have");
                if (column.IsText ? !IsText(field.ClrType) : !IsNumeric(field.ClrType))
                {
                    throw new DataFileException(sourceName, 1, $"column '{column.Name}' is {field.ClrType.Name} in the Parquet file but the description says it is {(column.IsText ? "text" : "numeric")}");
                }
            }

            int offset = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                int length = checked((int)group.RowCount);
                foreach (ColumnDescription column in description.Columns)
                {
                    DataField field = fields.First(f => f.Name == column.Name);
                    if (column.IsText)
                    {
                        string?[] target = strings.TryGetValue(column.Name, out string?[]? s) ? s : strings[column.Name] = new string?[rows];
                        await group.ReadAsync(field, target.AsMemory(offset, length)!, null, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        double[] target = numbers.TryGetValue(column.Name, out double[]? n) ? n : numbers[column.Name] = new double[rows];
                        await ReadNumbers(group, field, target.AsMemory(offset, length), cancellationToken).ConfigureAwait(false);
                    }
                }

                offset += length;
            }

            return description.Build(numbers, strings);
        }
        catch (Exception e) when (e is not (DataFileException or OperationCanceledException or OutOfMemoryException))
        {
            throw new DataFileException(sourceName, 1, $"not a readable Parquet recording: {e.Message}");
        }
    }

    private static bool IsText(Type type) => type == typeof(string) || type == typeof(ReadOnlyMemory<char>);

    private static bool IsNumeric(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(double) || t == typeof(float) || t == typeof(int) || t == typeof(long);
    }

    /// <summary>Reads a numeric column chunk as doubles (NaN for nulls), whatever numeric type another tool wrote.</summary>
    private static async Task ReadNumbers(ParquetRowGroupReader group, DataField field, Memory<double> target, CancellationToken cancellationToken)
    {
        Type type = field.ClrType;
        if (type == typeof(double) && !field.IsNullable)
        {
            await group.ReadAsync(field, target, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (type == typeof(double))
        {
            double?[] values = new double?[target.Length];
            await group.ReadAsync<double>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < values.Length; i++)
            {
                target.Span[i] = values[i] ?? double.NaN;
            }

            return;
        }

        if (type == typeof(long))
        {
            long?[] values = new long?[target.Length];
            await group.ReadAsync<long>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < values.Length; i++)
            {
                target.Span[i] = values[i] is { } v ? v : double.NaN;
            }

            return;
        }

        if (type == typeof(int))
        {
            int?[] values = new int?[target.Length];
            await group.ReadAsync<int>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < values.Length; i++)
            {
                target.Span[i] = values[i] is { } v ? v : double.NaN;
            }

            return;
        }

        float?[] floats = new float?[target.Length];
        await group.ReadAsync<float>(field, floats.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < floats.Length; i++)
        {
            target.Span[i] = floats[i] is { } v ? v : double.NaN;
        }
    }

    private static string Describe(CyclerRecording r)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("source", r.SourceName);
            json.WriteString("format", r.Format);
            json.WriteStartArray("warnings");
            foreach (string w in r.Warnings)
            {
                json.WriteStringValue(w);
            }

            json.WriteEndArray();
            RecordingMetadata m = r.Metadata;
            json.WriteStartObject("metadata");
            Optional(json, "instrument", m.Instrument);
            Optional(json, "channel", m.Channel);
            Optional(json, "testName", m.TestName);
            Optional(json, "technique", m.Technique);
            Optional(json, "scheduleName", m.ScheduleName);
            Optional(json, "procedureName", m.ProcedureName);
            Optional(json, "software", m.Software);
            if (m.ActiveMassGrams is { } mass)
            {
                json.WriteNumber("activeMassGrams", mass);
            }

            if (m.NominalCapacityAmpereHours is { } capacity)
            {
                json.WriteNumber("nominalCapacityAmpereHours", capacity);
            }

            if (m.StartTime is { } start)
            {
                json.WriteStartObject("startTime");
                json.WriteNumber("clockTicks", start.ClockTime.Ticks);
                if (start.UtcOffset is { } utc)
                {
                    json.WriteNumber("utcOffsetTicks", utc.Ticks);
                }

                json.WriteString("source", start.Source);
                json.WriteEndObject();
            }

            json.WriteStartArray("headerEntries");
            foreach (KeyValuePair<string, string> entry in m.HeaderEntries)
            {
                json.WriteStartArray();
                json.WriteStringValue(entry.Key);
                json.WriteStringValue(entry.Value);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("columns");
            foreach (RecordingColumn c in r.Columns)
            {
                WriteColumn(json, c.Name, false, c.Quantity, c.Unit, false, c.Origin);
            }

            foreach (RecordingTextColumn c in r.TextColumns)
            {
                WriteColumn(json, c.Name, true, RecordingQuantity.Other, string.Empty, c.IsStepType, c.Origin);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteColumn(Utf8JsonWriter json, string name, bool isText, RecordingQuantity quantity, string unit, bool isStepType, ColumnOrigin origin)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteBoolean("text", isText);
        json.WriteString("quantity", quantity.ToString());
        json.WriteString("unit", unit);
        json.WriteBoolean("stepType", isStepType);
        json.WriteString("header", origin.Header);
        Optional(json, "writtenUnit", origin.WrittenUnit);
        json.WriteNumber("scale", origin.Scale);
        json.WriteNumber("offset", origin.Offset);
        Optional(json, "note", origin.Note);
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private sealed record ColumnDescription(string Name, bool IsText, RecordingQuantity Quantity, string Unit, bool IsStepType, ColumnOrigin Origin);

    /// <summary>What the JSON document (or, for a foreign file, the schema) says the recording is.</summary>
    private sealed record Description(string Source, string Format, RecordingMetadata Metadata, ImmutableArray<string> Warnings, ImmutableArray<ColumnDescription> Columns)
    {
        internal static Description Parse(string json, string sourceName)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(json);
                JsonElement root = document.RootElement;
                if (root.GetProperty("version").GetInt32() != 1)
                {
                    throw new DataFileException(sourceName, 1, $"the recording description has version {root.GetProperty("version").GetInt32()}; this library reads version 1");
                }

                JsonElement m = root.GetProperty("metadata");
                string? Text(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                double? Number(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
                RecordingStartTime? start = m.TryGetProperty("startTime", out JsonElement s)
                    ? new RecordingStartTime(new DateTime(s.GetProperty("clockTicks").GetInt64(), DateTimeKind.Unspecified), s.TryGetProperty("utcOffsetTicks", out JsonElement o) ? new TimeSpan(o.GetInt64()) : null, Text(s, "source") ?? string.Empty)
                    : null;
                var metadata = new RecordingMetadata
                {
                    Instrument = Text(m, "instrument"),
                    Channel = Text(m, "channel"),
                    TestName = Text(m, "testName"),
                    Technique = Text(m, "technique"),
                    ScheduleName = Text(m, "scheduleName"),
                    ProcedureName = Text(m, "procedureName"),
                    Software = Text(m, "software"),
                    ActiveMassGrams = Number(m, "activeMassGrams"),
                    NominalCapacityAmpereHours = Number(m, "nominalCapacityAmpereHours"),
                    StartTime = start,
                    HeaderEntries = [.. m.GetProperty("headerEntries").EnumerateArray().Select(p => new KeyValuePair<string, string>(p[0].GetString()!, p[1].GetString()!))],
                };
                ImmutableArray<ColumnDescription> columns = [.. root.GetProperty("columns").EnumerateArray().Select(c => new ColumnDescription(
                    c.GetProperty("name").GetString()!,
                    c.GetProperty("text").GetBoolean(),
                    Enum.Parse<RecordingQuantity>(c.GetProperty("quantity").GetString()!),
                    c.GetProperty("unit").GetString()!,
                    c.GetProperty("stepType").GetBoolean(),
                    new ColumnOrigin(c.GetProperty("header").GetString()!, Text(c, "writtenUnit"), c.GetProperty("scale").GetDouble(), c.GetProperty("offset").GetDouble(), Text(c, "note"))))];
                return new Description(root.GetProperty("source").GetString()!, root.GetProperty("format").GetString()!, metadata, [.. root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)], columns);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException && e is not DataFileException)
            {
                throw new DataFileException(sourceName, 1, $"the recording description under '{MetadataKey}' is malformed: {e.Message}");
            }
        }

        internal static Description Infer(DataField[] fields, string sourceName)
        {
            foreach (string required in (ReadOnlySpan<string>)["test_time", "current", "voltage"])
            {
                if (!fields.Any(f => f.Name == required && IsNumeric(f.ClrType)))
                {
                    throw new DataFileException(sourceName, 1, $"the Parquet file has no '{MetadataKey}' description and no numeric '{required}' column; a recording needs test_time (s), current (A) and voltage (V). Its columns are {string.Join(", ", fields.Select(f => $"'{f.Name}'"))}");
                }
            }

            ImmutableArray<ColumnDescription> columns = [.. fields.Where(f => IsNumeric(f.ClrType) || IsText(f.ClrType)).Select(f =>
            {
                RecordingQuantity q = f.Name switch { "test_time" => RecordingQuantity.TestTime, "current" => RecordingQuantity.Current, "voltage" => RecordingQuantity.Voltage, _ => RecordingQuantity.Other };
                return new ColumnDescription(f.Name, IsText(f.ClrType), q, q == RecordingQuantity.Other ? string.Empty : RecordingQuantities.Unit(q), false, ColumnOrigin.AsWritten(f.Name, null));
            })];
            return new Description(sourceName, "Parquet table", RecordingMetadata.Empty, [], columns);
        }

        internal CyclerRecording Build(Dictionary<string, double[]> numbers, Dictionary<string, string?[]> strings)
        {
            var numeric = new List<RecordingColumn>();
            var text = new List<RecordingTextColumn>();
            foreach (ColumnDescription c in Columns)
            {
                if (!c.IsText)
                {
                    numeric.Add(new RecordingColumn(c.Name, c.Quantity, c.Unit, numbers[c.Name], c.Origin));
                    continue;
                }

                string?[] values = strings[c.Name];
                var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
                var categories = ImmutableArray.CreateBuilder<string>();
                int[] codes = new int[values.Length];
                for (int i = 0; i < values.Length; i++)
                {
                    if (values[i] is not { } v)
                    {
                        codes[i] = -1;
                    }
                    else if (!lookup.TryGetValue(v, out codes[i]))
                    {
                        codes[i] = lookup[v] = categories.Count;
                        categories.Add(v);
                    }
                }

                text.Add(new RecordingTextColumn(c.Name, codes, categories.ToImmutable(), c.Origin, c.IsStepType));
            }

            return CyclerRecording.Create(Source, Format, Metadata, numeric, text, Warnings);
        }
    }
}
