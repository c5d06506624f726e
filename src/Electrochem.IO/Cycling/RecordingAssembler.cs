using System.Numerics.Tensors;
using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Turns a <see cref="RawTable"/> into a <see cref="CyclerRecording"/>: converts each planned column to its stored
/// unit (vectorised), checks test time, current and voltage row by row so a problem names its line, and applies the
/// time-order policy. Format readers may change the columns in between (<see cref="Columns"/>, then <see cref="Finish"/>).
/// </summary>
internal static class RecordingAssembler
{
    /// <summary>The raw columns as recording columns in their stored units.</summary>
    internal static (List<RecordingColumn> Numeric, List<RecordingTextColumn> Text) Columns(RawTable raw)
    {
        var numeric = new List<RecordingColumn>();
        var text = new List<RecordingTextColumn>();
        foreach (RawColumn column in raw.Columns)
        {
            ColumnPlan plan = column.Plan;
            if (column.IsText)
            {
                text.Add(new RecordingTextColumn(plan.Name, column.Codes!, column.Categories, plan.Origin, plan.IsStepType));
                continue;
            }

            Memory<double> values = column.Numbers!.Value;
            if (plan.Scale != 1)
            {
                TensorPrimitives.Multiply(values.Span, plan.Scale, values.Span);
            }

            if (plan.Offset != 0)
            {
                TensorPrimitives.Add(values.Span, plan.Offset, values.Span);
            }

            numeric.Add(new RecordingColumn(plan.Name, plan.Quantity, plan.Unit, values, plan.Origin));
        }

        return (numeric, text);
    }

    /// <summary>Checks the columns and builds the recording, or reports the first problem with its line.</summary>
    internal static DataFileResult<CyclerRecording> Finish(
        string source,
        string format,
        RecordingMetadata metadata,
        List<RecordingColumn> numeric,
        List<RecordingTextColumn> text,
        int[] rowLines,
        IEnumerable<string> warnings,
        CyclerReadOptions options)
    {
        if (FirstNonFinite(numeric) is ({ } column, int bad))
        {
            string what = double.IsNaN(column.Values[bad]) ? "empty or not a number" : "infinite";
            return Fail(source, rowLines[bad], $"the {CyclerColumnPlanner.Describe(column.Quantity)} ('{column.Origin.Header}') is {what}; every row needs a finite test time, current and voltage");
        }

        if (options.TimeOrder == RecordingTimeOrder.Reject && FirstTimeReversal(numeric) is int i)
        {
            ReadOnlySpan<double> t = numeric.Find(c => c.Quantity == RecordingQuantity.TestTime)!.Values;
            return Fail(source, rowLines[i], $"test time goes backwards ({Number(t[i - 1])} s on line {rowLines[i - 1]}, then {Number(t[i])} s); rows must be in time order. Read with CyclerReadOptions.TimeOrder = Sort (or --sort-by-time) if the file is known to hold its rows out of order");
        }

        try
        {
            return DataFileResult.Success(CyclerRecording.Create(source, format, metadata, numeric, text, warnings, options.TimeOrder));
        }
        catch (ArgumentException e)
        {
            return Fail(source, rowLines.Length > 0 ? rowLines[0] : 1, e.Message);
        }
    }

    internal static DataFileResult<CyclerRecording> Fail(string source, int line, string problem) =>
        DataFileResult.Failure<CyclerRecording>(new DataFileError(source, Math.Max(1, line), problem));

    private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first test-time, current or voltage column holding a value that is not finite, and its row; (null, −1) when every value is finite.</summary>
    internal static (RecordingColumn? Column, int Row) FirstNonFinite(List<RecordingColumn> numeric)
    {
        foreach (RecordingColumn column in numeric)
        {
            if (column.Quantity is RecordingQuantity.TestTime or RecordingQuantity.Current or RecordingQuantity.Voltage
                && column.Values.IndexOfAnyExceptInRange(double.MinValue, double.MaxValue) is int bad and >= 0)
            {
                return (column, bad);
            }
        }

        return (null, -1);
    }

    /// <summary>The first row whose test time is earlier than the row before it, or null when time never goes backwards (or there is no test time).</summary>
    internal static int? FirstTimeReversal(List<RecordingColumn> numeric)
    {
        if (numeric.Find(c => c.Quantity == RecordingQuantity.TestTime) is not { } time)
        {
            return null;
        }

        ReadOnlySpan<double> t = time.Values;
        for (int i = 1; i < t.Length; i++)
        {
            if (t[i] < t[i - 1])
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// For the binary readers, whose rows have no line numbers: a value of the test time, current or voltage that is not
    /// finite, or test time going backwards (unless sorting was asked for), in words naming <paramref name="table"/>
    /// and the row as <paramref name="row"/> describes it; null when the rows are usable.
    /// </summary>
    /// <param name="numeric">The recording's numeric columns.</param>
    /// <param name="options">The read options (time order).</param>
    /// <param name="table">Where the rows are, e.g. "the Channel_Normal_Table".</param>
    /// <param name="row">The row's name for a reader, from its 0-based index.</param>
    /// <param name="missing">What a NaN is in this format, e.g. "empty (null)".</param>
    internal static string? RowProblem(List<RecordingColumn> numeric, CyclerReadOptions options, string table, Func<int, string> row, string missing)
    {
        if (FirstNonFinite(numeric) is ({ } column, int bad))
        {
            string what = double.IsNaN(column.Values[bad]) ? missing : "infinite";
            return $"in {table}, {row(bad)} has a {CyclerColumnPlanner.Describe(column.Quantity)} ('{column.Origin.Header}') that is {what}; every row needs a finite test time, current and voltage";
        }

        if (options.TimeOrder == RecordingTimeOrder.Reject && FirstTimeReversal(numeric) is int i)
        {
            ReadOnlySpan<double> t = numeric.Find(c => c.Quantity == RecordingQuantity.TestTime)!.Values;
            return $"in {table}, test time goes backwards at {row(i)} ({Number(t[i - 1])} s, then {Number(t[i])} s); read with CyclerReadOptions.TimeOrder = Sort (or --sort-by-time) to sort the rows by time";
        }

        return null;
    }
}
