using System.Collections.Immutable;

namespace Electrochem.IO.Cycling;

/// <summary>One column as read, before it becomes part of a recording: its plan and its values in the written unit.</summary>
internal sealed record RawColumn(ColumnPlan Plan, Memory<double>? Numbers, int[]? Codes, ImmutableArray<string> Categories)
{
    /// <summary>Rows of a time column written as a date and time (stored as seconds since 0001-01-01, local clock).</summary>
    internal int ClockTimes { get; init; }

    internal bool IsText => Numbers is null;
}

/// <summary>The columns of a delimited block as read, with the line each row came from.</summary>
internal sealed record RawTable(List<RawColumn> Columns, int[] RowLines, List<string> Warnings)
{
    internal int RowCount => RowLines.Length;
}
