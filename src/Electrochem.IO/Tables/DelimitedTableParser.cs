using System.Collections.Immutable;
using System.Globalization;

namespace Electrochem.IO.Tables;

/// <summary>The one pass over a delimited text file that builds a <see cref="DelimitedTable"/> or reports the first problem.</summary>
internal sealed class DelimitedTableParser
{
    private readonly LineReader _lines;
    private readonly string _source;
    private readonly DelimitedTableOptions _options;
    private readonly List<string> _fields = [];
    private char? _decimalSeparator;
    private int _decimalDecidedOnLine;

    private DelimitedTableParser(TextReader reader, string source, DelimitedTableOptions options)
    {
        _lines = new LineReader(reader, options.MaximumLineLength, options.MaximumFileBytes);
        _source = source;
        _options = options;
        _decimalSeparator = options.DecimalSeparator;
    }

    internal static DataFileResult<DelimitedTable> Parse(TextReader reader, string source, DelimitedTableOptions options) =>
        new DelimitedTableParser(reader, source, options).Parse();

    private DataFileResult<DelimitedTable> Parse()
    {
        if (NextContentLine(out string header) is { } headerError)
        {
            return Fail(headerError);
        }

        if (header.Length == 0)
        {
            return _lines.LineNumber == 0
                ? Fail(1, "the file is empty; expected a header row of column names followed by rows of numbers")
                : Fail(_lines.LineNumber, "the file has only comments and blank lines; expected a header row of column names followed by rows of numbers");
        }

        int headerLine = _lines.LineNumber;
        char delimiter = _options.Delimiter ?? DetectDelimiter(header);
        if (_options.Delimiter is null && delimiter == ',' && _options.DecimalSeparator == ',')
        {
            return Fail(headerLine, "the header row is comma-delimited but the options ask for decimal commas; use ';' or tab as the delimiter");
        }

        if (delimiter == ',')
        {
            _decimalSeparator = '.';
        }

        if (FieldSplitter.Split(header, delimiter, _fields) is { } splitProblem)
        {
            return Fail(headerLine, "header row: " + splitProblem);
        }

        var headers = new ColumnHeader[_fields.Count];
        for (int c = 0; c < headers.Length; c++)
        {
            if (_fields[c].Length == 0)
            {
                return Fail(headerLine, $"column {c + 1} of the header row has no name; every column needs a name such as 'T (K)'");
            }

            if (double.TryParse(_fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return Fail(headerLine, $"the first row is numbers ('{_fields[c]}' in column {c + 1}), not column names; expected a header row such as 'T (K),sigma (S/cm)' before the data");
            }

            headers[c] = ColumnHeader.Parse(_fields[c]);
            for (int earlier = 0; earlier < c; earlier++)
            {
                if (string.Equals(headers[earlier].Text, headers[c].Text, StringComparison.Ordinal))
                {
                    return Fail(headerLine, $"columns {earlier + 1} and {c + 1} are both named '{headers[c].Text}'; column names must be unique");
                }
            }
        }

        var values = new List<double>[headers.Length];
        for (int c = 0; c < values.Length; c++)
        {
            values[c] = [];
        }

        var rowLines = new List<int>();
        while (true)
        {
            if (NextContentLine(out string row) is { } rowError)
            {
                return Fail(rowError);
            }

            if (row.Length == 0)
            {
                break;
            }

            int line = _lines.LineNumber;
            if (FieldSplitter.Split(row, delimiter, _fields) is { } problem)
            {
                return Fail(line, problem);
            }

            if (_fields.Count != headers.Length)
            {
                string truncated = _lines.LastLineTerminated ? string.Empty : " (this last line has no line break: is the file truncated?)";
                return Fail(line, $"the row has {_fields.Count} field{(_fields.Count == 1 ? string.Empty : "s")} but the header on line {headerLine} has {headers.Length} columns, delimited by '{FieldSplitter.Describe(delimiter)}'{truncated}");
            }

            for (int c = 0; c < headers.Length; c++)
            {
                if (ParseNumber(_fields[c], line, c, headers[c], out double value) is { } numberProblem)
                {
                    return Fail(line, numberProblem);
                }

                values[c].Add(value);
            }

            rowLines.Add(line);
        }

        if (rowLines.Count == 0)
        {
            return Fail(headerLine, "the header row has no data rows after it; expected at least one row of numbers");
        }

        var columns = ImmutableArray.CreateBuilder<TableColumn>(headers.Length);
        for (int c = 0; c < headers.Length; c++)
        {
            columns.Add(new TableColumn(headers[c], [.. values[c]]));
        }

        return DataFileResult.Success(
            new DelimitedTable(_source, delimiter, _decimalSeparator ?? '.', headerLine, columns.MoveToImmutable(), [.. rowLines]));
    }

    /// <summary>The next line that is neither blank nor a comment; empty at the end of the input. Returns a reading error or null.</summary>
    private DataFileError? NextContentLine(out string content)
    {
        content = string.Empty;
        while (true)
        {
            LineReadStatus status = _lines.Read(out string line);
            switch (status)
            {
                case LineReadStatus.EndOfInput:
                    return null;
                case LineReadStatus.LineTooLong:
                    return Error(_lines.LineNumber, $"the line is longer than {_options.MaximumLineLength} characters (DelimitedTableOptions.MaximumLineLength); is this a binary file or a file without line breaks?");
                case LineReadStatus.InputTooLarge:
                    return Error(_lines.LineNumber, $"the file is larger than {_options.MaximumFileBytes} bytes (DelimitedTableOptions.MaximumFileBytes); reading stopped on this line");
                case LineReadStatus.NulCharacter:
                    return Error(_lines.LineNumber, "the line contains a NUL character; this looks like a binary file, not delimited text");
            }

            ReadOnlySpan<char> trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty || trimmed[0] == '#')
            {
                continue;
            }

            content = line;
            return null;
        }
    }

    /// <summary>
    /// Tab, else semicolon, else comma, counting only characters outside double quotes; a header with none of them
    /// (one column) is read as tab-delimited, which allows decimal commas.
    /// </summary>
    private static char DetectDelimiter(string header)
    {
        bool quoted = false;
        bool tab = false;
        bool semicolon = false;
        bool comma = false;
        foreach (char c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                tab |= c == '\t';
                semicolon |= c == ';';
                comma |= c == ',';
            }
        }

        return tab ? '\t' : semicolon ? ';' : comma ? ',' : '\t';
    }

    private string? ParseNumber(string field, int line, int column, ColumnHeader header, out double value)
    {
        value = double.NaN;
        string where = $"column {column + 1} ('{header.Text}')";
        if (field.Length == 0)
        {
            return $"{where} is empty; every row needs a number in every column";
        }

        bool hasComma = field.Contains(',', StringComparison.Ordinal);
        bool hasPoint = field.Contains('.', StringComparison.Ordinal);
        if (hasComma && hasPoint)
        {
            return $"{where} is '{field}', which has both '.' and ','; expected one decimal separator and no thousands separators";
        }

        if (hasComma || hasPoint)
        {
            char used = hasComma ? ',' : '.';
            if (_decimalSeparator is null)
            {
                _decimalSeparator = used;
                _decimalDecidedOnLine = line;
            }
            else if (_decimalSeparator != used)
            {
                string why = _decimalDecidedOnLine > 0
                    ? $"line {_decimalDecidedOnLine} uses '{_decimalSeparator}'"
                    : $"the file uses '{_decimalSeparator}'";
                return $"{where} is '{field}', written with '{used}' as the decimal separator, but {why}; a file must use one decimal separator";
            }
        }

        string invariant = hasComma ? field.Replace(',', '.') : field;
        if (!double.TryParse(invariant, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return $"{where} is '{field}', which is not a number; expected a decimal number such as {(_decimalSeparator == ',' ? "3,6e-4" : "3.6e-4")}";
        }

        if (!double.IsFinite(value))
        {
            return $"{where} is '{field}'; every value must be a finite number (not NaN or infinity)";
        }

        return null;
    }

    private DataFileError Error(int line, string problem) => new(_source, Math.Max(line, 1), problem);

    private DataFileResult<DelimitedTable> Fail(int line, string problem) => Fail(Error(line, problem));

    private static DataFileResult<DelimitedTable> Fail(DataFileError error) => DataFileResult.Failure<DelimitedTable>(error);
}
