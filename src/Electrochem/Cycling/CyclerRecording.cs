using System.Collections.Immutable;
using System.Globalization;

namespace Electrochem.Cycling;

/// <summary>
/// A cycler's raw record of one test, column by column: test time (s), current (A) and voltage (V) always; data
/// point, cycle and step counters, step time, accumulated charge/discharge capacity (Ah) and energy (Wh),
/// temperatures (K) and auxiliary voltages (V) when the file has them; and every other column of the file under its
/// own name and unit, so nothing a vendor wrote is dropped.
/// </summary>
/// <remarks>
/// <para><b>Sign convention:</b> current &gt; 0 charges the cell, current &lt; 0 discharges it, whatever the instrument
/// wrote (readers convert, and say so in <see cref="ColumnOrigin.Note"/>). Capacities and energies are the
/// instrument's own accumulations, non-negative, in the order the instrument reset them.</para>
/// <para><b>Time:</b> test time is finite and non-decreasing from row to row; rows out of order are refused or sorted
/// (<see cref="RecordingTimeOrder"/>), never kept silently. <see cref="RecordingMetadata.StartTime"/> keeps the start as
/// written (local clock time, with its UTC offset only when the file states it).</para>
/// <para>Columns are contiguous <see cref="double"/> arrays exposed as spans, so analyses vectorise over them; slicing
/// by row range shares memory. Immutable and thread-safe.</para>
/// </remarks>
public sealed class CyclerRecording
{
    private CyclerRecording(
        string sourceName,
        string format,
        RecordingMetadata metadata,
        ImmutableArray<RecordingColumn> columns,
        ImmutableArray<RecordingTextColumn> textColumns,
        ImmutableArray<string> warnings)
    {
        SourceName = sourceName;
        Format = format;
        Metadata = metadata;
        Columns = columns;
        TextColumns = textColumns;
        Warnings = warnings;
        RowCount = columns[0].Length;
        TestTime = Single(columns, RecordingQuantity.TestTime)!;
        Current = Single(columns, RecordingQuantity.Current)!;
        Voltage = Single(columns, RecordingQuantity.Voltage)!;
        StepType = textColumns.FirstOrDefault(c => c.IsStepType);
    }

    /// <summary>The file the recording was read from, as the caller named it (or any name given to <see cref="Create"/>).</summary>
    public string SourceName { get; }

    /// <summary>The file format in words, e.g. <c>Arbin CSV export</c>.</summary>
    public string Format { get; }

    /// <summary>What the file says about the test (instrument, channel, mass, capacity, start time, header entries).</summary>
    public RecordingMetadata Metadata { get; }

    /// <summary>Every numeric column, in file order (known quantities and others alike).</summary>
    public ImmutableArray<RecordingColumn> Columns { get; }

    /// <summary>Every text column (step type, state, time stamps as written), in file order.</summary>
    public ImmutableArray<RecordingTextColumn> TextColumns { get; }

    /// <summary>What the reader noticed and the caller should know (a counter that is constant, values sorted, empty cells).</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Test time since the start, seconds; finite and non-decreasing.</summary>
    public RecordingColumn TestTime { get; }

    /// <summary>Current, amperes; positive charges the cell.</summary>
    public RecordingColumn Current { get; }

    /// <summary>Cell voltage, volts.</summary>
    public RecordingColumn Voltage { get; }

    /// <summary>The instrument's step type / mode / state per row, when the file has one; null otherwise.</summary>
    public RecordingTextColumn? StepType { get; }

    /// <summary>The data-point counter, or null when the file has none.</summary>
    public RecordingColumn? DataPoint => Find(RecordingQuantity.DataPoint);

    /// <summary>The instrument's cycle counter as written, or null when the file has none.</summary>
    public RecordingColumn? CycleIndex => Find(RecordingQuantity.CycleIndex);

    /// <summary>The instrument's step counter as written, or null when the file has none.</summary>
    public RecordingColumn? StepIndex => Find(RecordingQuantity.StepIndex);

    /// <summary>Time since the start of the step (s), or null when the file has none.</summary>
    public RecordingColumn? StepTime => Find(RecordingQuantity.StepTime);

    /// <summary>Accumulated charge capacity (Ah), or null when the file has none.</summary>
    public RecordingColumn? ChargeCapacity => Find(RecordingQuantity.ChargeCapacity);

    /// <summary>Accumulated discharge capacity (Ah), or null when the file has none.</summary>
    public RecordingColumn? DischargeCapacity => Find(RecordingQuantity.DischargeCapacity);

    /// <summary>Accumulated charge energy (Wh), or null when the file has none.</summary>
    public RecordingColumn? ChargeEnergy => Find(RecordingQuantity.ChargeEnergy);

    /// <summary>Accumulated discharge energy (Wh), or null when the file has none.</summary>
    public RecordingColumn? DischargeEnergy => Find(RecordingQuantity.DischargeEnergy);

    /// <summary>Every temperature column (K), possibly none.</summary>
    public ImmutableArray<RecordingColumn> Temperatures => FindAll(RecordingQuantity.Temperature);

    /// <summary>Every auxiliary-voltage column (V), possibly none.</summary>
    public ImmutableArray<RecordingColumn> AuxiliaryVoltages => FindAll(RecordingQuantity.AuxiliaryVoltage);

    /// <summary>
    /// Builds a recording from columns, checking what the type promises: one test-time, current and voltage column
    /// each, with finite values; at most one column of each non-repeatable quantity; equal lengths; unique names;
    /// test time non-decreasing (or sorted when <paramref name="timeOrder"/> says so, with a warning).
    /// </summary>
    /// <param name="sourceName">The file or source name, for messages and reports.</param>
    /// <param name="format">The format in words.</param>
    /// <param name="metadata">What the file says about the test.</param>
    /// <param name="columns">The numeric columns, in file order.</param>
    /// <param name="textColumns">The text columns, in file order (at most one marked as the step type).</param>
    /// <param name="warnings">What the reader noticed, possibly none.</param>
    /// <param name="timeOrder">What to do when test time goes backwards.</param>
    /// <returns>The recording.</returns>
    /// <exception cref="ArgumentException">A promise above is broken; the message says which column and row.</exception>
    public static CyclerRecording Create(
        string sourceName,
        string format,
        RecordingMetadata metadata,
        IEnumerable<RecordingColumn> columns,
        IEnumerable<RecordingTextColumn>? textColumns = null,
        IEnumerable<string>? warnings = null,
        RecordingTimeOrder timeOrder = RecordingTimeOrder.Reject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(columns);
        ImmutableArray<RecordingColumn> numeric = [.. columns];
        ImmutableArray<RecordingTextColumn> text = textColumns is null ? [] : [.. textColumns];
        ImmutableArray<string> notes = warnings is null ? [] : [.. warnings];
        CheckShape(numeric, text);

        ReadOnlySpan<double> time = Single(numeric, RecordingQuantity.TestTime)!.Values;
        int firstBack = FirstDecrease(time);
        if (firstBack >= 0)
        {
            if (timeOrder == RecordingTimeOrder.Reject)
            {
                throw new ArgumentException(
                    $"Test time goes backwards at row {firstBack} ({Number(time[firstBack - 1])} s, then {Number(time[firstBack])} s); rows must be in time order. " +
                    "Sort them (RecordingTimeOrder.Sort) if the file is known to hold its rows out of order.",
                    nameof(columns));
            }

            int[] order = StableTimeOrder(time);
            int moved = 0;
            for (int i = 0; i < order.Length; i++)
            {
                moved += order[i] != i ? 1 : 0;
            }

            numeric = [.. numeric.Select(c => c.Select(order))];
            text = [.. text.Select(c => c.Select(order))];
            notes = notes.Add($"test time went backwards at row {firstBack}; {moved} of {order.Length} rows were moved to sort the recording by time (ties keep their file order)");
        }

        return new CyclerRecording(sourceName, format, metadata, numeric, text, notes);
    }

    /// <summary>The first column of a quantity, or null when the recording has none.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The column or null.</returns>
    public RecordingColumn? Find(RecordingQuantity quantity)
    {
        foreach (RecordingColumn column in Columns)
        {
            if (column.Quantity == quantity)
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>Every column of a quantity, in file order.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The columns, possibly none.</returns>
    public ImmutableArray<RecordingColumn> FindAll(RecordingQuantity quantity) => [.. Columns.Where(c => c.Quantity == quantity)];

    /// <summary>The numeric column with this name (canonical name or, for other columns, the file's name), ignoring case.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The column.</returns>
    /// <exception cref="KeyNotFoundException">No numeric column has that name; the message lists the names there are.</exception>
    public RecordingColumn GetColumn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (RecordingColumn column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return column;
            }
        }

        throw new KeyNotFoundException($"{SourceName} has no numeric column named '{name}'; its numeric columns are {string.Join(", ", Columns.Select(c => $"'{c.Name}'"))}.");
    }

    /// <summary>Rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="length"/> − 1 as a recording, sharing memory with this one.</summary>
    /// <param name="start">First row.</param>
    /// <param name="length">Number of rows (at least 1).</param>
    /// <returns>The slice (same metadata and warnings).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or lies outside the recording.</exception>
    public CyclerRecording Slice(int start, int length)
    {
        if (start < 0 || length < 1 || start > RowCount - length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"Rows {start} … {start + length - 1} are not inside the recording's {RowCount} rows (0 … {RowCount - 1}); a slice needs at least one row.");
        }

        return new CyclerRecording(SourceName, Format, Metadata, [.. Columns.Select(c => c.Slice(start, length))], [.. TextColumns.Select(c => c.Slice(start, length))], Warnings);
    }

    /// <summary>The rows whose instrument cycle counter equals <paramref name="cycle"/>, in order (shares memory when they are contiguous).</summary>
    /// <param name="cycle">The cycle number as the instrument wrote it.</param>
    /// <returns>The rows of that cycle.</returns>
    /// <exception cref="InvalidOperationException">The recording has no cycle counter.</exception>
    /// <exception cref="ArgumentException">No row has that cycle number.</exception>
    public CyclerRecording WhereCycle(double cycle) => WhereCounter(CycleIndex ?? throw new InvalidOperationException($"{SourceName} has no cycle counter; derive cycles from the charge/discharge alternation instead."), cycle);

    /// <summary>The rows whose instrument step counter equals <paramref name="step"/>, in order (shares memory when they are contiguous).</summary>
    /// <param name="step">The step number as the instrument wrote it.</param>
    /// <returns>The rows of that step (every visit to it).</returns>
    /// <exception cref="InvalidOperationException">The recording has no step counter.</exception>
    /// <exception cref="ArgumentException">No row has that step number.</exception>
    public CyclerRecording WhereStep(double step) => WhereCounter(StepIndex ?? throw new InvalidOperationException($"{SourceName} has no step counter."), step);

    /// <summary>
    /// The runs of consecutive rows over which a column keeps one value (a step counter's steps, a cycle counter's
    /// cycles), as (first row, row count) pairs in order. NaN cells form runs of their own.
    /// </summary>
    /// <param name="column">A column of this recording, usually a counter.</param>
    /// <returns>The runs.</returns>
    public static ImmutableArray<(int Start, int Length)> Runs(RecordingColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        ReadOnlySpan<double> values = column.Values;
        var runs = ImmutableArray.CreateBuilder<(int, int)>();
        int start = 0;
        for (int i = 1; i <= values.Length; i++)
        {
            if (i == values.Length || !values[i].Equals(values[start]))
            {
                runs.Add((start, i - start));
                start = i;
            }
        }

        return runs.ToImmutable();
    }

    /// <summary>A one-line summary: source, format, rows, time span, columns.</summary>
    /// <returns>Text for logs.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{SourceName}: {Format}, {RowCount} rows over {TestTime.Values[^1] - TestTime.Values[0]:G6} s, {Columns.Length} numeric and {TextColumns.Length} text columns");

    private CyclerRecording WhereCounter(RecordingColumn counter, double value)
    {
        ReadOnlySpan<double> values = counter.Values;
        int first = values.IndexOf(value);
        if (first < 0)
        {
            throw new ArgumentException($"No row of {SourceName} has {counter.Name} = {Number(value)}.", nameof(value));
        }

        int last = values.LastIndexOf(value);
        if (!values[first..(last + 1)].ContainsAnyExcept(value))
        {
            return Slice(first, last - first + 1);
        }

        var rows = new List<int>();
        for (int i = first; i <= last; i++)
        {
            if (values[i].Equals(value))
            {
                rows.Add(i);
            }
        }

        int[] selected = [.. rows];
        return new CyclerRecording(SourceName, Format, Metadata, [.. Columns.Select(c => c.Select(selected))], [.. TextColumns.Select(c => c.Select(selected))], Warnings);
    }

    private static void CheckShape(ImmutableArray<RecordingColumn> numeric, ImmutableArray<RecordingTextColumn> text)
    {
        foreach (RecordingQuantity required in (ReadOnlySpan<RecordingQuantity>)[RecordingQuantity.TestTime, RecordingQuantity.Current, RecordingQuantity.Voltage])
        {
            if (Single(numeric, required) is not { } column)
            {
                throw new ArgumentException($"A recording needs a {RecordingQuantities.CanonicalName(required)} column ({required}, {RecordingQuantities.Unit(required)}); none was given.", nameof(numeric));
            }

            ReadOnlySpan<double> values = column.Values;
            for (int i = 0; i < values.Length; i++)
            {
                if (!double.IsFinite(values[i]))
                {
                    throw new ArgumentException($"{column.Name} at row {i} is {Number(values[i])}; test time, current and voltage must be finite in every row.", nameof(numeric));
                }
            }
        }

        int rows = numeric[0].Length;
        if (rows == 0)
        {
            throw new ArgumentException("A recording needs at least one row.", nameof(numeric));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<RecordingQuantity>();
        foreach (RecordingColumn column in numeric)
        {
            CheckColumn(column.Name, column.Length, rows, names);
            if (!RecordingQuantities.IsRepeatable(column.Quantity) && !seen.Add(column.Quantity))
            {
                throw new ArgumentException($"Two columns hold {column.Quantity}; a recording has at most one (the second is '{column.Name}', from {column.Origin}).", nameof(numeric));
            }
        }

        int stepTypes = 0;
        foreach (RecordingTextColumn column in text)
        {
            CheckColumn(column.Name, column.Length, rows, names);
            stepTypes += column.IsStepType ? 1 : 0;
        }

        if (stepTypes > 1)
        {
            throw new ArgumentException($"{stepTypes} text columns are marked as the step type; at most one may be.", nameof(text));
        }
    }

    private static void CheckColumn(string name, int length, int rows, HashSet<string> names)
    {
        if (length != rows)
        {
            throw new ArgumentException($"Column '{name}' has {length} rows but the first column has {rows}; every column needs one value per row.", nameof(length));
        }

        if (!names.Add(name))
        {
            throw new ArgumentException($"Two columns are named '{name}' (ignoring case); column names must be unique.", nameof(name));
        }
    }

    private static RecordingColumn? Single(ImmutableArray<RecordingColumn> columns, RecordingQuantity quantity)
    {
        foreach (RecordingColumn column in columns)
        {
            if (column.Quantity == quantity)
            {
                return column;
            }
        }

        return null;
    }

    private static int FirstDecrease(ReadOnlySpan<double> time)
    {
        for (int i = 1; i < time.Length; i++)
        {
            if (time[i] < time[i - 1])
            {
                return i;
            }
        }

        return -1;
    }

    private static int[] StableTimeOrder(ReadOnlySpan<double> time)
    {
        double[] keys = time.ToArray();
        int[] order = new int[keys.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Array.Sort is not stable; sorting by (time, original index) makes it so.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        return order;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
