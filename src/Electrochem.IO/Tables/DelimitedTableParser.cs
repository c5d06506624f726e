using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Electrochem.IO.Tables;

/// <summary>The one pass over a delimited text file that builds a <see cref="DelimitedTable"/> or reports the first problem.</summary>
internal sealed class DelimitedTableParser
{
    /// <summary>The most columns a table may have (100,000); a wider header is refused with a clear error.</summary>
    internal const int MaximumColumns = 100_000;

    private readonly LineReader _lines;
    private readonly string _source;
    private readonly DelimitedTableOptions _options;
    private readonly List<string> _fields = [];
    private readonly DecimalNumberParser _numbers;

    private readonly int _expectedRows;

    private DelimitedTableParser(TextReader reader, string source, DelimitedTableOptions options, int expectedRows)
    {
        _expectedRows = expectedRows;
        _lines = new LineReader(reader, options.MaximumLineLength, options.MaximumFileBytes);
        _source = source;
        _options = options;
        _numbers = new DecimalNumberParser(options.DecimalSeparator);
    }

    /// <summary>Parses a table.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The name for messages.</param>
    /// <param name="options">Limits, delimiter, decimal separator.</param>
    /// <param name="expectedRows">The number of data rows when the caller has counted them (each column is then one exact array, filled in place), or 0.</param>
    internal static DataFileResult<DelimitedTable> Parse(TextReader reader, string source, DelimitedTableOptions options, int expectedRows = 0) =>
        new DelimitedTableParser(reader, source, options, expectedRows).Parse();

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
            _numbers.Require('.');
        }

        if (FieldSplitter.Split(header, delimiter, _fields) is { } splitProblem)
        {
            return Fail(headerLine, "header row: " + splitProblem);
        }

        if (_fields.Count > MaximumColumns)
        {
            return Fail(headerLine, $"the header row has {_fields.Count} columns; at most {MaximumColumns} are read (is the delimiter right?)");
        }

        var headers = new ColumnHeader[_fields.Count];
        var firstByText = new Dictionary<string, int>(StringComparer.Ordinal); // duplicates found in one pass, not by comparing every pair
        for (int c = 0; c < headers.Length; c++)
        {
            if (_fields[c].Length == 0 && c == 0 && _fields.Count > 1)
            {
                // pandas writes its row index as a first column with an empty name: keep it, named for what it is.
                _fields[c] = "index";
            }
            else if (_fields[c].Length == 0)
            {
                return Fail(headerLine, $"column {c + 1} of the header row has no name; every column needs a name such as 'T (K)'");
            }

            if (double.TryParse(_fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return Fail(headerLine, $"the first row is numbers ('{_fields[c]}' in column {c + 1}), not column names; expected a header row such as 'T (K),sigma (S/cm)' before the data");
            }

            headers[c] = ColumnHeader.Parse(_fields[c]);
            if (!firstByText.TryAdd(headers[c].Text, c))
            {
                return Fail(headerLine, $"columns {firstByText[headers[c].Text] + 1} and {c + 1} are both named '{DecimalNumberParser.Shorten(headers[c].Text)}'; column names must be unique");
            }
        }

        // Exact arrays when the rows were counted, else pooled chunks that start small and are copied once into exact
        // arrays: never lists grown by doubling.
        var values = new ChunkedBuilder<double>[headers.Length];
        for (int c = 0; c < values.Length; c++)
        {
            values[c] = new ChunkedBuilder<double>(_expectedRows);
        }

        using var rowLines = new ChunkedBuilder<int>(_expectedRows);
        try
        {
            return ReadRows(headers, headerLine, delimiter, values, rowLines);
        }
        finally
        {
            foreach (ChunkedBuilder<double> column in values)
            {
                column.Dispose();
            }
        }
    }

    private DataFileResult<DelimitedTable> ReadRows(ColumnHeader[] headers, int headerLine, char delimiter, ChunkedBuilder<double>[] values, ChunkedBuilder<int> rowLines)
    {
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
                if (_numbers.Parse(_fields[c], line, $"column {c + 1} ('{headers[c].Text}')", out double value) is { } numberProblem)
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
            columns.Add(new TableColumn(headers[c], ImmutableCollectionsMarshal.AsImmutableArray(values[c].ToArrayAndClear())));
        }

        return DataFileResult.Success(
            new DelimitedTable(_source, delimiter, _numbers.DecimalSeparator ?? '.', headerLine, columns.MoveToImmutable(), ImmutableCollectionsMarshal.AsImmutableArray(rowLines.ToArrayAndClear())));
    }

    /// <summary>The next line that is neither blank nor a comment; empty at the end of the input. Returns a reading error or null.</summary>
    private DataFileError? NextContentLine(out string content)
    {
        content = string.Empty;
        while (true)
        {
            LineReadStatus status = _lines.Read(out string line);
            if (status == LineReadStatus.EndOfInput)
            {
                return null;
            }

            if (LineReadProblem.Describe(status, _options) is { } problem)
            {
                return Error(_lines.LineNumber, problem);
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

    private DataFileError Error(int line, string problem) => new(_source, Math.Max(line, 1), problem);

    private DataFileResult<DelimitedTable> Fail(int line, string problem) => Fail(Error(line, problem));

    private static DataFileResult<DelimitedTable> Fail(DataFileError error) => DataFileResult.Failure<DelimitedTable>(error);
}
