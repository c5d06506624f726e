using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Electrochem.Cli.Formatting;

/// <summary>
/// A result table a command writes as CSV or Parquet (a row per spectrum, file or cycle): named columns, each numeric
/// with its unit or text, and rows of cells. CSV numbers are invariant round-trip, absent values empty; Parquet columns
/// are nullable doubles or strings with the unit in each column's metadata and in the file's (<c>unit:NAME</c>).
/// </summary>
internal sealed class ResultTable
{
    private readonly List<object?[]> _rows = [];

    /// <summary>Creates an empty table.</summary>
    /// <param name="columns">Each column's name (e.g. <c>fmin_Hz</c>), unit (empty for none) and whether it holds text.</param>
    internal ResultTable(IReadOnlyList<(string Name, string Unit, bool IsText)> columns) => Columns = columns;

    /// <summary>The columns.</summary>
    internal IReadOnlyList<(string Name, string Unit, bool IsText)> Columns { get; }

    /// <summary>Adds a row: a string (text columns) or a double or null (numeric columns) per column.</summary>
    internal void Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"A row has {cells.Length} cells for {Columns.Count} columns.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the table as CSV with a header of the column names.</summary>
    internal void WriteCsv(TextWriter writer)
    {
        writer.Write(string.Join(',', Columns.Select(c => Quote(c.Name))));
        writer.Write('\n');
        foreach (object?[] row in _rows)
        {
            writer.Write(string.Join(',', row.Select(Cell)));
            writer.Write('\n');
        }
    }

    /// <summary>Writes the table as a Parquet file (created or overwritten), with file-level metadata.</summary>
    internal void WriteParquet(string path, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        using FileStream stream = File.Create(path);
        WriteParquetAsync(stream, metadata, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>A CSV field, quoted when it holds a comma, quote or line break.</summary>
    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Cell(object? cell) => cell switch
    {
        null => string.Empty,
        double value => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
        string text => Quote(text),
        _ => Quote(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private async Task WriteParquetAsync(Stream destination, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        Field[] fields = [.. Columns.Select(c => c.IsText ? (Field)new DataField<string>(c.Name, true) : new DataField<double?>(c.Name))];
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), destination, cancellationToken: cancellationToken).ConfigureAwait(false);
        var all = new Dictionary<string, string>(metadata, StringComparer.Ordinal);
        foreach ((string name, string unit, bool isText) in Columns)
        {
            if (!isText)
            {
                all["unit:" + name] = unit;
            }
        }

        writer.CustomMetadata = all;
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        for (int c = 0; c < Columns.Count; c++)
        {
            if (Columns[c].IsText)
            {
                string?[] text = [.. _rows.Select(r => r[c] as string)];
                await group.WriteAsync((DataField<string>)fields[c], text, null).ConfigureAwait(false);
            }
            else
            {
                double?[] values = [.. _rows.Select(r => r[c] is double v && double.IsFinite(v) ? v : (double?)null)];
                var unit = new Dictionary<string, string>(StringComparer.Ordinal) { ["unit"] = Columns[c].Unit };
                await group.WriteAsync<double>((DataField<double?>)fields[c], values.AsMemory(), null, unit, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
