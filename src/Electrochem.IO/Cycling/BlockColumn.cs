using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cycling;
using Electrochem.IO.Tables;
using nietras.SeparatedValues;

namespace Electrochem.IO.Cycling;

/// <summary>
/// One column of a delimited block while it is read (or one part of it, when the block is read on several threads):
/// numbers into a <see cref="ChunkedBuilder{T}"/>, text dictionary-encoded, counting empty fields and clock times.
/// </summary>
internal sealed class BlockColumn : IDisposable
{
    /// <summary>Date-and-time spellings accepted in a time column (month first, as US-built cycler software writes).</summary>
    private static readonly string[] ClockFormats =
    [
        "MM/dd/yyyy HH:mm:ss.FFFFFFF", "M/d/yyyy H:mm:ss.FFFFFFF", "M/d/yyyy h:mm:ss.FFFFFFF tt",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd hh:mm:ss.FFFFFFF tt",
    ];

    private readonly bool _isTime;
    private ChunkedBuilder<double>? _numbers;
    private TextColumnBuilder? _text;

    /// <summary>A column whose numbers start in one block of <paramref name="expectedRows"/> (0 when unknown).</summary>
    internal BlockColumn(ColumnPlan plan, int expectedRows)
        : this(plan, plan.Kind == ColumnKind.Text ? null : new ChunkedBuilder<double>(expectedRows))
    {
    }

    /// <summary>One part of a column whose numbers go into <paramref name="length"/> elements of <paramref name="target"/> from <paramref name="offset"/>.</summary>
    internal BlockColumn(ColumnPlan plan, double[]? target, int offset, int length)
        : this(plan, plan.Kind == ColumnKind.Text || target is null ? null : new ChunkedBuilder<double>(target, offset, length))
    {
    }

    private BlockColumn(ColumnPlan plan, ChunkedBuilder<double>? numbers)
    {
        Plan = plan;
        _numbers = numbers;
        _text = numbers is null ? new TextColumnBuilder() : null;
        _isTime = plan.Quantity is RecordingQuantity.TestTime or RecordingQuantity.StepTime;
    }

    internal ColumnPlan Plan { get; }

    /// <summary>Empty fields in a numeric column (stored as NaN).</summary>
    internal int Empty { get; private set; }

    /// <summary>Fields of a time column written as a date and time.</summary>
    internal int ClockTimes { get; private set; }

    /// <summary>The row from which a numeric-or-text column turned to text, or -1.</summary>
    internal int SwitchedAtRow { get; private set; } = -1;

    internal bool IsText => _numbers is null;

    internal int Count => _numbers?.Count ?? _text!.Count;

    /// <summary>True when the numbers outgrew a caller's block (a part read on its own thread met more rows than its lines).</summary>
    internal bool Spilled => _numbers?.Spilled ?? false;

    /// <summary>Adds one field; returns the problem (continuing "column N ('header') …"), or null.</summary>
    internal string? Add(SepReader.Col col, CultureInfo culture)
    {
        if (_numbers is null)
        {
            _text!.Add(col.Span);
            return null;
        }

        // The nullable TryParse is Sep's csFastFloat path; TryParse(out T) goes through double.TryParse (2× slower).
        if (col.TryParse<double>() is double parsed)
        {
            _numbers.Add(parsed);
            return null;
        }

        ReadOnlySpan<char> field = col.Span.Trim();
        if (field.IsEmpty)
        {
            Empty++;
            _numbers.Add(double.NaN);
            return null;
        }

        if (double.TryParse(field, NumberStyles.Float, culture, out double value))
        {
            _numbers.Add(value);
            return null;
        }

        // A time column may hold clock durations (hh:mm:ss); stored so that the column's scale makes them seconds.
        if (_isTime && Duration.TryParseSeconds(field, out double seconds))
        {
            _numbers.Add(seconds / Plan.Scale);
            return null;
        }

        // Or dates and times (BT-Lab's "absolute time" export): seconds since 0001-01-01 on the local clock,
        // turned into time since the first row when the recording is assembled.
        if (_isTime && DateTime.TryParseExact(field, ClockFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime clock))
        {
            ClockTimes++;
            _numbers.Add(clock.Ticks / (double)TimeSpan.TicksPerSecond / Plan.Scale);
            return null;
        }

        if (Plan.Kind == ColumnKind.NumericOrText)
        {
            SwitchedAtRow = _numbers.Count;
            SwitchToText();
            _text!.Add(field);
            return null;
        }

        string shown = field.Length <= 40 ? field.ToString() : string.Concat(field[..37], "...");
        return $"is '{shown}', which is not a number; expected a decimal number{(culture.NumberFormat.NumberDecimalSeparator == "," ? " with a decimal comma" : string.Empty)}";
    }

    /// <summary>The column as read in one piece.</summary>
    internal RawColumn Build(List<string> warnings)
    {
        if (_numbers is not null)
        {
            AddEmptyWarning(Plan, Empty, _numbers.Count, warnings);
            return new RawColumn(Plan, _numbers.ToMemoryAndClear(), null, []) { ClockTimes = ClockTimes };
        }

        AddSwitchWarning(Plan, SwitchedAtRow, warnings);
        (int[] codes, ImmutableArray<string> categories) = _text!.Build();
        return new RawColumn(Plan with { Kind = ColumnKind.Text }, null, codes, categories);
    }

    /// <summary>
    /// Joins the parts of a column read on several threads, in order. Numbers were written into
    /// <paramref name="target"/> at each part's <paramref name="offsets"/> and move down over the lines that held no row
    /// (blank or cut-off lines); a numeric-or-text column that turned to text in any part is text in all of them, as it
    /// would have been read in one piece.
    /// </summary>
    internal static RawColumn Merge(IReadOnlyList<BlockColumn> parts, double[]? target, IReadOnlyList<int> offsets, List<string> warnings)
    {
        ColumnPlan plan = parts[0].Plan;
        int rows = 0;
        int switchedAt = -1;
        foreach (BlockColumn part in parts)
        {
            if (part.IsText && switchedAt < 0 && part.SwitchedAtRow >= 0)
            {
                switchedAt = rows + part.SwitchedAtRow;
            }

            rows += part.Count;
        }

        if (parts.Any(p => p.IsText))
        {
            var pieces = new List<(int[] Codes, ImmutableArray<string> Categories)>(parts.Count);
            foreach (BlockColumn part in parts)
            {
                if (!part.IsText)
                {
                    part.SwitchToText();
                }

                pieces.Add(part._text!.Build());
            }

            AddSwitchWarning(plan, switchedAt, warnings);
            (int[] codes, ImmutableArray<string> categories) = TextColumnBuilder.Concatenate(pieces);
            return new RawColumn(plan with { Kind = ColumnKind.Text }, null, codes, categories);
        }

        int written = 0;
        int empty = 0;
        int clockTimes = 0;
        for (int k = 0; k < parts.Count; k++)
        {
            int count = parts[k].Count;
            if (offsets[k] != written)
            {
                target.AsSpan(offsets[k], count).CopyTo(target.AsSpan(written)); // overlapping moves are safe
            }

            written += count;
            empty += parts[k].Empty;
            clockTimes += parts[k].ClockTimes;
        }

        AddEmptyWarning(plan, empty, rows, warnings);
        Memory<double> values = rows >= 0.75 * target!.Length ? target.AsMemory(0, rows) : target.AsSpan(0, rows).ToArray();
        return new RawColumn(plan, values, null, []) { ClockTimes = clockTimes };
    }

    public void Dispose()
    {
        _numbers?.Dispose();
        _text?.Dispose();
    }

    private static void AddEmptyWarning(ColumnPlan plan, int empty, int rows, List<string> warnings)
    {
        if (empty > 0 && !plan.IsRequired)
        {
            warnings.Add(empty == rows
                ? $"column '{plan.Header}' is empty in every row"
                : $"column '{plan.Header}' is empty in {empty} of {rows} rows (kept as NaN)");
        }
    }

    private static void AddSwitchWarning(ColumnPlan plan, int switchedAtRow, List<string> warnings)
    {
        if (switchedAtRow >= 0)
        {
            warnings.Add($"column '{plan.Header}' holds text from data row {switchedAtRow + 1} on, so it is kept as text");
        }
    }

    /// <summary>Turns the numbers read so far into text (as the shortest round-trip decimal; NaN as empty).</summary>
    private void SwitchToText()
    {
        _text = new TextColumnBuilder();
        for (int i = 0; i < _numbers!.Count; i++)
        {
            double v = _numbers[i];
            _text.Add(double.IsNaN(v) ? string.Empty : v.ToString("R", CultureInfo.InvariantCulture));
        }

        _numbers.Dispose();
        _numbers = null;
    }
}
