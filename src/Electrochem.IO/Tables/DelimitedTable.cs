using System.Collections.Immutable;
using System.Text;

namespace Electrochem.IO.Tables;

/// <summary>
/// A numeric table read from delimited text (comma, semicolon or tab, detected from the header row): a header row of
/// column names with optional units, then rows of numbers. Lines starting with <c>#</c> and blank lines are skipped
/// anywhere. Every column and every row is kept; anything that does not fit (a row with the wrong number of fields,
/// a field that is not a finite number, a missing header, no data) is an error naming the file, the 1-based line and
/// the problem. Numbers use the invariant culture, with decimal commas accepted in semicolon- and tab-delimited files
/// (German-locale exports). Memory is bounded by <see cref="DelimitedTableOptions.MaximumFileBytes"/> and
/// <see cref="DelimitedTableOptions.MaximumLineLength"/>. Immutable.
/// </summary>
/// <example><code>
/// DelimitedTable table = DelimitedTable.Read("sigma.csv");
/// TableColumn t = table.GetColumn("T");          // header "T (°C)": Name "T", Unit "°C"
/// DataFileResult&lt;DelimitedTable&gt; maybe = DelimitedTable.TryRead("other.csv");
/// if (!maybe.IsSuccess) Console.Error.WriteLine(maybe.Error);   // other.csv:7: ...
/// </code></example>
public sealed class DelimitedTable
{
    internal DelimitedTable(string sourceName, char delimiter, char decimalSeparator, int headerLineNumber, ImmutableArray<TableColumn> columns, ImmutableArray<int> rowLineNumbers)
    {
        SourceName = sourceName;
        Delimiter = delimiter;
        DecimalSeparator = decimalSeparator;
        HeaderLineNumber = headerLineNumber;
        Columns = columns;
        RowLineNumbers = rowLineNumbers;
    }

    /// <summary>The file path as the caller gave it, or the source name given with a text reader.</summary>
    public string SourceName { get; }

    /// <summary>The field delimiter used: ',', ';' or '\t'.</summary>
    public char Delimiter { get; }

    /// <summary>The decimal separator used: '.' or ',' ('.' when no number had a fractional part).</summary>
    public char DecimalSeparator { get; }

    /// <summary>1-based line number of the header row.</summary>
    public int HeaderLineNumber { get; }

    /// <summary>Every column, in file order, each with one value per row.</summary>
    public ImmutableArray<TableColumn> Columns { get; }

    /// <summary>1-based line number of each data row, in order (for error messages about a row's values).</summary>
    public ImmutableArray<int> RowLineNumbers { get; }

    /// <summary>Number of data rows (at least 1).</summary>
    public int RowCount => RowLineNumbers.Length;

    /// <summary>
    /// The column whose header text is exactly <paramref name="name"/>, or else the one whose quantity name (without
    /// unit) equals it, ignoring case.
    /// </summary>
    /// <param name="name">A header text such as <c>T (K)</c> or a quantity name such as <c>T</c>.</param>
    /// <returns>The column.</returns>
    /// <exception cref="KeyNotFoundException">No column has that header or name, or several have that name.</exception>
    public TableColumn GetColumn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (TableColumn column in Columns)
        {
            if (string.Equals(column.Header.Text, name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        TableColumn[] byName = [.. Columns.Where(c => string.Equals(c.Header.Name, name, StringComparison.OrdinalIgnoreCase))];
        return byName.Length switch
        {
            1 => byName[0],
            0 => throw new KeyNotFoundException($"{SourceName} has no column named '{name}'; its columns are {ColumnList()}."),
            _ => throw new KeyNotFoundException($"{SourceName} has {byName.Length} columns named '{name}' ({HeaderList.Quote([.. byName.Select(c => c.Header.Text)])}); ask for one by its full header text."),
        };
    }

    /// <summary>The header texts, quoted and comma-separated, for messages: at most twelve, each cut to 60 characters, then how many more.</summary>
    /// <returns>E.g. <c>'T (K)', 'sigma (S/cm)'</c>.</returns>
    public string ColumnList() => HeaderList.Quote([.. Columns.Select(c => c.Header.Text)]);

    /// <summary>Reads a table from a file (UTF-8, or the encoding its byte-order mark names).</summary>
    /// <param name="path">The file's path; it appears in error messages as given.</param>
    /// <param name="options">Delimiter, decimal separator and limits; null for <see cref="DelimitedTableOptions.Default"/>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="DataFileException">The file's content is malformed; the message is <c>file:line: problem</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the options are invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened or read (e.g. <see cref="FileNotFoundException"/>).</exception>
    public static DelimitedTable Read(string path, DelimitedTableOptions? options = null) => TryRead(path, options).Value;

    /// <summary>Reads a table from a file, returning the problem instead of throwing when the content is malformed.</summary>
    /// <param name="path">The file's path; it appears in error messages as given.</param>
    /// <param name="options">Delimiter, decimal separator and limits; null for the defaults.</param>
    /// <returns>The table, or the first problem found.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the options are invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened or read; I/O failures are not content errors.</exception>
    public static DataFileResult<DelimitedTable> TryRead(string path, DelimitedTableOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= DelimitedTableOptions.Default;
        options.Validate();
        var info = new FileInfo(path);
        if (info.Exists && info.Length > options.MaximumFileBytes)
        {
            return DataFileResult.Failure<DelimitedTable>(new DataFileError(path, 1,
                $"the file is {info.Length} bytes, larger than the limit of {options.MaximumFileBytes} bytes (DelimitedTableOptions.MaximumFileBytes); it was not read"));
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return DelimitedTableParser.Parse(reader, path, options);
    }

    /// <summary>Reads a table from text (e.g. an embedded resource or a string).</summary>
    /// <param name="reader">The text; read to its end, not disposed.</param>
    /// <param name="sourceName">The name to use in error messages, e.g. a file name.</param>
    /// <param name="options">Delimiter, decimal separator and limits (the size limit counts characters); null for the defaults.</param>
    /// <returns>The table.</returns>
    /// <exception cref="DataFileException">The content is malformed.</exception>
    /// <exception cref="ArgumentException">The source name is empty, or the options are invalid.</exception>
    public static DelimitedTable Read(TextReader reader, string sourceName, DelimitedTableOptions? options = null) => TryRead(reader, sourceName, options).Value;

    /// <summary>Reads a table from text, returning the problem instead of throwing when the content is malformed.</summary>
    /// <param name="reader">The text; read to its end, not disposed.</param>
    /// <param name="sourceName">The name to use in error messages.</param>
    /// <param name="options">Delimiter, decimal separator and limits (the size limit counts characters); null for the defaults.</param>
    /// <returns>The table, or the first problem found.</returns>
    /// <exception cref="ArgumentException">The source name is empty, or the options are invalid.</exception>
    public static DataFileResult<DelimitedTable> TryRead(TextReader reader, string sourceName, DelimitedTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        options ??= DelimitedTableOptions.Default;
        options.Validate();
        return DelimitedTableParser.Parse(reader, sourceName, options);
    }
}
