using System.Globalization;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// Impedance tables without an instrument header: Parstat and PowerSuite exports (recognised by their column names),
/// delimited tables with a header row (read by <see cref="DelimitedTable"/>, columns found by name and unit), and
/// impedance.py's three-column CSV without a header. The first line that is neither blank nor a <c>#</c> comment decides:
/// all numbers means no header.
/// </summary>
internal static class TableReader
{
    private static readonly string[] ParstatColumns = ["Potential (V)", "Frequency (Hz)", "Zre (ohms)", "Zim (ohms)"];
    private static readonly string[] PowerSuiteColumns = ["Frequency", "Zre", "Zimg"];

    /// <summary>The table format of the text, or null when its first content line is neither numbers nor a header naming f, Z′ and Z″.</summary>
    internal static ImpedanceFileFormat? Detect(ImpedanceText text)
    {
        int first = text.FirstContentLine;
        if (first == 0)
        {
            return null;
        }

        string line = text.Line(first);
        char delimiter = DetectDelimiter(line);
        var fields = new List<string>();
        if (FieldSplitter.Split(line, delimiter, fields) is not null)
        {
            return null;
        }

        while (fields.Count > 1 && fields[^1].Length == 0)
        {
            fields.RemoveAt(fields.Count - 1);
        }

        if (fields.Count >= 2 && fields.TrueForAll(IsNumber))
        {
            return ImpedanceFileFormat.HeaderlessCsv;
        }

        if (ParstatColumns.All(fields.Contains))
        {
            return ImpedanceFileFormat.Parstat;
        }

        if (fields.SequenceEqual(PowerSuiteColumns))
        {
            return ImpedanceFileFormat.PowerSuite;
        }

        ColumnHeader[] headers = [.. fields.Where(f => f.Length > 0).Select(ColumnHeader.Parse)];
        return ImpedanceColumnRoles.Resolve(headers, string.Empty, text.Columns, out _) is null ? ImpedanceFileFormat.DelimitedTable : null;
    }

    /// <summary>Whether the first content line splits at tabs, semicolons or commas into two or more fields that are not all numbers: a table's header row (words separated by spaces are prose, not a header).</summary>
    internal static bool HasHeaderRow(ImpedanceText text)
    {
        int first = text.FirstContentLine;
        if (first == 0)
        {
            return false;
        }

        string line = text.Line(first);
        char delimiter = DetectDelimiter(line);
        var fields = new List<string>();
        return delimiter != ' '
            && FieldSplitter.Split(line, delimiter, fields) is null
            && fields.Count(f => f.Length > 0) >= 2
            && !fields.Where(f => f.Length > 0).All(IsNumber);
    }

    /// <summary>Parstat: a tab-separated table with a trailing tab; DC records (frequency 0) are dropped and listed.</summary>
    internal static DataFileResult<ImpedanceData> ReadParstat(ImpedanceText text)
    {
        int first = text.FirstContentLine;
        if (first == 0)
        {
            return text.Fail<ImpedanceData>(1, "no column header; expected the Parstat header 'Potential (V)\\tCurrent (A)\\tElapsed Time (s)\\tFrequency (Hz)\\tZre (ohms)\\tZim (ohms)…'");
        }

        var fields = new List<string>();
        _ = FieldSplitter.Split(text.Line(first), '\t', fields);
        return ImpedanceDataBuilder.Read(text, ImpedanceFileFormat.Parstat, new ImpedanceFileHeader(), first, DataBlock.HeadersOf(fields), "'Frequency (Hz)', 'Zre (ohms)' and 'Zim (ohms)'",
            first + 1, '\t', new DecimalNumberParser(null));
    }

    /// <summary>A table with a header row, read by <see cref="DelimitedTable"/> (PowerSuite exports are such tables).</summary>
    internal static DataFileResult<ImpedanceData> ReadHeaded(ImpedanceText text, ImpedanceFileFormat format)
    {
        int first = text.FirstContentLine;
        string expected = format == ImpedanceFileFormat.PowerSuite
            ? "'Frequency', 'Zre' and 'Zimg'"
            : "headers such as 'f (Hz)', 'Re(Z) (Ohm)' and 'Im(Z) (Ohm)' (or '-Im(Z)', 'Z'' and 'Z''', 'Zre' and 'Zim', 'Zreal' and 'Zimag'; units Hz, kHz, rad/s, Ω, mΩ, kΩ)";
        if (first > 0 && text.Line(first).TrimEnd(' ') is { Length: > 0 } header && header[^1] is '\t' or ';' or ',')
        {
            // A header ending in its delimiter (EC-Lab's "export as text") has no name for its last field, which
            // DelimitedTable rejects; the rows end the same way, so the empty trailing field is read as no column.
            char delimiter = header[^1];
            var fields = new List<string>();
            _ = FieldSplitter.Split(header, delimiter, fields);
            return ImpedanceDataBuilder.Read(text, format, new ImpedanceFileHeader(), first, DataBlock.HeadersOf(fields), expected,
                first + 1, delimiter, new DecimalNumberParser(delimiter == ',' ? '.' : null), skipComments: true);
        }

        if (first > 0)
        {
            char delimiter = text.Options.Delimiter ?? DetectDelimiter(text.Line(first));
            var fields = new List<string>();
            if (FieldSplitter.Split(text.Line(first), delimiter, fields) is null
                && ImpedanceDataBuilder.CheckColumns(text, first, DataBlock.HeadersOf(fields), expected) is { } columnError)
            {
                return DataFileResult.Failure<ImpedanceData>(columnError);
            }
        }

        using TextReader reader = text.OpenReader();
        int rows = first > 0 ? DataBlock.CountRows(text, first + 1, null, skipComments: true) : 0;
        DataFileResult<DelimitedTable> read = DelimitedTableParser.Parse(reader, text.SourceName, text.Options, rows);
        if (!read.IsSuccess)
        {
            return DataFileResult.Failure<ImpedanceData>(read.Error);
        }

        DelimitedTable table = read.Value;
        var block = new DataBlock(table.HeaderLineNumber, [.. table.Columns.Select(c => c.Header)], [.. table.Columns.Select(c => c.Values)], table.RowLineNumbers, text.Count + 1);
        return ImpedanceDataBuilder.Build(text, format, new ImpedanceFileHeader(), block, expected);
    }

    /// <summary>Three numeric columns f, Z′, Z″ (Hz, Ω) without a header; <c>#</c> comment lines (impedance.py's saveCSV header) are skipped.</summary>
    internal static DataFileResult<ImpedanceData> ReadHeaderless(ImpedanceText text)
    {
        int first = text.FirstContentLine;
        if (first == 0)
        {
            return text.Fail<ImpedanceData>(1, "no data; expected rows of three numbers: f (Hz), Z′ (Ω), Z″ (Ω)");
        }

        char delimiter = DetectDelimiter(text.Line(first));
        var fields = new List<string>();
        _ = FieldSplitter.Split(text.Line(first), delimiter, fields);
        while (fields.Count > 1 && fields[^1].Length == 0)
        {
            fields.RemoveAt(fields.Count - 1);
        }

        if (fields.Count != 3)
        {
            return text.Fail<ImpedanceData>(first, string.Create(CultureInfo.InvariantCulture,
                $"the first row has {fields.Count} numbers and no header; a table without a header must have exactly three columns, f (Hz), Z′ (Ω) and Z″ (Ω), or else a header row naming its columns"));
        }

        ColumnHeader?[] headers = [new ColumnHeader("column 1 (f)", "f", null), new ColumnHeader("column 2 (Z′)", "Z′", null), new ColumnHeader("column 3 (Z″)", "Z″", null)];
        DataFileResult<DataBlock> block = DataBlock.Read(text, first, headers, first, delimiter, new DecimalNumberParser(delimiter == ',' ? '.' : null), skipComments: true);
        return block.IsSuccess
            ? ImpedanceDataBuilder.Build(text, ImpedanceFileFormat.HeaderlessCsv, new ImpedanceFileHeader(), block.Value, ImpedanceColumnRoles.Positional(block.Value.Headers))
            : DataFileResult.Failure<ImpedanceData>(block.Error);
    }

    /// <summary>Tab, else semicolon, else comma (as <see cref="DelimitedTable"/> detects it), else runs of spaces when the line has no comma but inner spaces.</summary>
    private static char DetectDelimiter(string line) =>
        line.Contains('\t', StringComparison.Ordinal) ? '\t'
        : line.Contains(';', StringComparison.Ordinal) ? ';'
        : !line.Contains(',', StringComparison.Ordinal) && line.Trim().Contains(' ', StringComparison.Ordinal) ? ' '
        : ',';

    private static bool IsNumber(string field) =>
        double.TryParse(field.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
