using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Transport;

/// <summary>
/// A chronoamperometry trace (current against time at constant voltage) read from a delimited table, converted to
/// seconds and amperes, ready for <c>BruceVincent.Analyze</c>. Immutable.
/// </summary>
/// <remarks>
/// <para>Columns are found by their headers (case-insensitive):</para>
/// <list type="bullet">
/// <item>time: <c>t</c>, <c>time</c>, in s, min or h (converted to s);</item>
/// <item>current: <c>I</c>, <c>i</c>, <c>current</c>, in A, mA or µA (converted to A). A current density is refused:
/// the Bruce–Vincent formulas combine the current with resistances in Ω.</item>
/// </list>
/// <para>Both units must be in the header: they are never guessed. Every other column is kept in <see cref="Table"/>.</para>
/// </remarks>
/// <example><code>
/// ChronoamperometryTable trace = ChronoamperometryTable.Read("polarisation.csv");   // header "t (s),I (mA)"
/// var result = BruceVincent.Analyze(trace.TimeSeconds.AsSpan(), trace.CurrentAmperes.AsSpan(), new Measurement(0.010, 1e-4), resistances);
/// </code></example>
public sealed class ChronoamperometryTable
{
    private static readonly FrozenSet<string> TimeWords = FrozenSet.Create(StringComparer.Ordinal, "t", "time");

    private static readonly FrozenSet<string> CurrentWords = FrozenSet.Create(StringComparer.Ordinal, "i", "current");

    private ChronoamperometryTable(DelimitedTable table, ColumnHeader timeHeader, string timeUnit, ColumnHeader currentHeader, CurrentUnit currentUnit, ImmutableArray<double> time, ImmutableArray<double> current)
    {
        Table = table;
        TimeHeader = timeHeader;
        TimeUnitInFile = timeUnit;
        CurrentHeader = currentHeader;
        CurrentUnitInFile = currentUnit;
        TimeSeconds = time;
        CurrentAmperes = current;
    }

    /// <summary>The file path as given, or the table's source name.</summary>
    public string SourceName => Table.SourceName;

    /// <summary>The whole table as read, every column included.</summary>
    public DelimitedTable Table { get; }

    /// <summary>Header of the time column.</summary>
    public ColumnHeader TimeHeader { get; }

    /// <summary>The unit the times are written in: <c>s</c>, <c>min</c> or <c>h</c>.</summary>
    public string TimeUnitInFile { get; }

    /// <summary>Header of the current column.</summary>
    public ColumnHeader CurrentHeader { get; }

    /// <summary>The unit the currents are written in (A, mA or µA).</summary>
    public CurrentUnit CurrentUnitInFile { get; }

    /// <summary>Times in s, one per row.</summary>
    public ImmutableArray<double> TimeSeconds { get; }

    /// <summary>Currents in A, one per row.</summary>
    public ImmutableArray<double> CurrentAmperes { get; }

    /// <summary>Number of rows.</summary>
    public int Count => TimeSeconds.Length;

    /// <summary>Reads a chronoamperometry trace from a file.</summary>
    /// <param name="path">The file's path; it appears in error messages as given.</param>
    /// <param name="options">Delimiter, decimal separator and limits; null for the defaults.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="DataFileException">The file is malformed or lacks a needed column or unit; the message is <c>file:line: problem</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or an argument is invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static ChronoamperometryTable Read(string path, DelimitedTableOptions? options = null)
    {
        DataFileResult<DelimitedTable> table = DelimitedTable.TryRead(path, options);
        return table.IsSuccess ? TryFromTable(table.Value).Value : throw table.Error.ToException();
    }

    /// <summary>Finds the time and current columns in a table already read.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="DataFileException">A needed column or unit is missing.</exception>
    public static ChronoamperometryTable FromTable(DelimitedTable table) => TryFromTable(table).Value;

    /// <summary>Finds the time and current columns in a table already read, returning the problem instead of throwing.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The trace, or the problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static DataFileResult<ChronoamperometryTable> TryFromTable(DelimitedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        DataFileResult<ChronoamperometryTable> Fail(string problem) => DataFileResult.Failure<ChronoamperometryTable>(new DataFileError(table.SourceName, table.HeaderLineNumber, problem));

        TableColumn? time = null;
        TableColumn? current = null;
        foreach (TableColumn asWritten in table.Columns)
        {
            // name_unit headers as scripts write them (time_s, current_A): the shared grammar splits the suffix.
            TableColumn column = asWritten with { Header = HeaderGrammar.WithSuffixUnit(HeaderGrammar.WithSuffixUnit(asWritten.Header, UnitDimension.Time, TimeWords), UnitDimension.Current, CurrentWords) };
            List<string> words = HeaderWords.Split(column.Header.Name);
            if (words.Count != 1)
            {
                continue;
            }

            if (TimeWords.Contains(words[0]))
            {
                if (time is not null)
                {
                    return Fail($"two columns look like time: '{time.Header.Text}' and '{column.Header.Text}'; keep one, or rename the other");
                }

                time = column;
            }
            else if (CurrentWords.Contains(words[0]))
            {
                if (current is not null)
                {
                    return Fail($"two columns look like current: '{current.Header.Text}' and '{column.Header.Text}'; keep one, or rename the other");
                }

                current = column;
            }
        }

        if (time is null)
        {
            return Fail($"no time column; expected a header such as 't (s)' or 'time (min)', but the columns are {table.ColumnList()}");
        }

        if (current is null)
        {
            return Fail($"no current column; expected a header such as 'I (A)' or 'current (mA)', but the columns are {table.ColumnList()}");
        }

        (double seconds, string timeUnit) = (time.Header.Unit is { } tu ? HeaderWords.NormaliseUnit(tu) : null) switch
        {
            "s" or "sec" => (1.0, "s"),
            "min" => (60.0, "min"),
            "h" or "hr" => (3600.0, "h"),
            _ => (double.NaN, string.Empty),
        };
        if (double.IsNaN(seconds))
        {
            return Fail(time.Header.Unit is null
                ? $"the time column '{time.Header.Text}' has no unit; write it in the header, e.g. 't (s)'"
                : $"the time column '{time.Header.Text}' is in '{time.Header.Unit}', which is not a time unit this reader knows; expected s, min or h");
        }

        if (current.Header.Unit is not { } written)
        {
            return Fail($"the current column '{current.Header.Text}' has no unit; write it in the header, e.g. 'I (A)' or 'I (mA)'");
        }

        CurrentUnit? unit = CurrentUnit.Parse(written);
        if (unit is null || unit.IsDensity)
        {
            return Fail($"the current column '{current.Header.Text}' is in '{written}'; expected a current in A, mA or µA (the Bruce–Vincent formulas need a current, not a density)");
        }

        if (!ColumnScaling.TryScale(table, time, seconds, "s", out ImmutableArray<double> t, out DataFileError? timeError))
        {
            return DataFileResult.Failure<ChronoamperometryTable>(timeError);
        }

        if (!ColumnScaling.TryScale(table, current, unit.AmperesPerUnit, "A", out ImmutableArray<double> amperes, out DataFileError? currentError))
        {
            return DataFileResult.Failure<ChronoamperometryTable>(currentError);
        }

        return DataFileResult.Success(new ChronoamperometryTable(table, time.Header, timeUnit, current.Header, unit, t, amperes));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SourceName}: {Count} rows, t in {TimeUnitInFile}, I in {CurrentUnitInFile.Symbol}");
}
