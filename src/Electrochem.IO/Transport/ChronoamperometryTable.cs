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
    /// <param name="columns">Columns named by the caller instead of found by their headers; null to find both.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="DataFileException">The file is malformed or lacks a needed column or unit; the message is <c>file:line: problem</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or an argument is invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static ChronoamperometryTable Read(string path, DelimitedTableOptions? options = null, ChronoamperometryColumns? columns = null)
    {
        DataFileResult<DelimitedTable> table = DelimitedTable.TryRead(path, options);
        return table.IsSuccess ? TryFromTable(table.Value, columns).Value : throw table.Error.ToException();
    }

    /// <summary>Finds the time and current columns in a table already read.</summary>
    /// <param name="table">The table.</param>
    /// <param name="columns">Columns named by the caller; null to find both by their headers.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="DataFileException">A needed column or unit is missing.</exception>
    public static ChronoamperometryTable FromTable(DelimitedTable table, ChronoamperometryColumns? columns = null) => TryFromTable(table, columns).Value;

    /// <summary>Finds the time and current columns in a table already read, returning the problem instead of throwing.</summary>
    /// <param name="table">The table.</param>
    /// <param name="columns">Columns named by the caller; null to find both by their headers.</param>
    /// <returns>The trace, or the problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static DataFileResult<ChronoamperometryTable> TryFromTable(DelimitedTable table, ChronoamperometryColumns? columns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        DataFileResult<ChronoamperometryTable> Fail(string problem) => DataFileResult.Failure<ChronoamperometryTable>(new DataFileError(table.SourceName, table.HeaderLineNumber, problem));

        var assigned = new TableColumn?[2];
        if (ColumnAssignment.Assign(table, [new("time", "--time-column", columns?.Time), new("current", "--current-column", columns?.Current)], Classify, assigned) is { } problem)
        {
            return Fail(problem);
        }

        TableColumn? time = assigned[0];
        TableColumn? current = assigned[1];
        if (time is null)
        {
            return Fail($"no time column; expected a header such as 't (s)', 'time_s' or 'time (min)', but the columns are {table.ColumnList()}; or name it (--time-column NAME --time-unit s)");
        }

        if (current is null)
        {
            return Fail($"no current column; expected a header such as 'I (A)', 'current_A' or 'current (mA)', but the columns are {table.ColumnList()}; or name it (--current-column NAME --current-unit mA)");
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
                ? $"the time column '{time.Header.Text}' has no unit; write it in the header, e.g. 't (s)', or give it (--time-unit s|min|h)"
                : $"the time column '{time.Header.Text}' is in '{time.Header.Unit}', which is not a time unit this reader knows; expected s, min or h");
        }

        if (current.Header.Unit is not { } written)
        {
            return Fail($"the current column '{current.Header.Text}' has no unit; write it in the header, e.g. 'I (A)' or 'I (mA)', or give it (--current-unit A|mA|uA)");
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

    /// <summary>A header's role (0 time, 1 current, −1 neither), with a <c>name_unit</c> suffix (time_s, current_A) split off as its unit.</summary>
    private static (int Role, ColumnHeader Header) Classify(ColumnHeader asWritten)
    {
        ColumnHeader header = HeaderGrammar.WithSuffixUnit(HeaderGrammar.WithSuffixUnit(asWritten, UnitDimension.Time, TimeWords), UnitDimension.Current, CurrentWords);
        List<string> words = HeaderWords.Split(header.Name);
        int role = words.Count != 1 ? -1 : TimeWords.Contains(words[0]) ? 0 : CurrentWords.Contains(words[0]) ? 1 : -1;
        return (role, header);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SourceName}: {Count} rows, t in {TimeUnitInFile}, I in {CurrentUnitInFile.Symbol}");
}
