using System.Globalization;

namespace Electrochem.Cycling;

/// <summary>How a retention's reference capacity is chosen (always printed with the result: a retention without its reference is not a number).</summary>
public enum RetentionReferenceKind
{
    /// <summary>The capacity of one named cycle.</summary>
    Cycle,

    /// <summary>The capacity of the series' first cycle.</summary>
    FirstCycle,

    /// <summary>The largest capacity among the series' first n cycles.</summary>
    MaximumOfFirst,

    /// <summary>The median capacity of the series' first n cycles (beep's choice, n = 40 there).</summary>
    MedianOfFirst,

    /// <summary>The mean capacity of the series' first n cycles.</summary>
    MeanOfFirst,
}

/// <summary>The reference a retention is computed against.</summary>
/// <param name="Kind">How the reference capacity is chosen.</param>
/// <param name="Count">The cycle number for <see cref="RetentionReferenceKind.Cycle"/>; n for the "of first n" kinds; ignored for <see cref="RetentionReferenceKind.FirstCycle"/>.</param>
public sealed record RetentionReference(RetentionReferenceKind Kind, int Count = 1)
{
    /// <summary>The series' first cycle.</summary>
    public static RetentionReference First { get; } = new(RetentionReferenceKind.FirstCycle);

    /// <summary>The cycle numbered <paramref name="cycle"/>.</summary>
    /// <param name="cycle">The cycle number.</param>
    /// <returns>The reference.</returns>
    public static RetentionReference AtCycle(int cycle) => new(RetentionReferenceKind.Cycle, cycle);

    /// <summary>The largest of the first <paramref name="n"/> cycles.</summary>
    /// <param name="n">How many cycles (≥ 1).</param>
    /// <returns>The reference.</returns>
    public static RetentionReference MaximumOfFirst(int n) => new(RetentionReferenceKind.MaximumOfFirst, n);

    /// <summary>The median of the first <paramref name="n"/> cycles.</summary>
    /// <param name="n">How many cycles (≥ 1).</param>
    /// <returns>The reference.</returns>
    public static RetentionReference MedianOfFirst(int n) => new(RetentionReferenceKind.MedianOfFirst, n);

    /// <summary>The mean of the first <paramref name="n"/> cycles.</summary>
    /// <param name="n">How many cycles (≥ 1).</param>
    /// <returns>The reference.</returns>
    public static RetentionReference MeanOfFirst(int n) => new(RetentionReferenceKind.MeanOfFirst, n);

    /// <summary>The reference in words: "cycle 12", "the first cycle", "the median of the first 40 cycles".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        RetentionReferenceKind.Cycle => "cycle " + Count.ToString(CultureInfo.InvariantCulture),
        RetentionReferenceKind.FirstCycle => "the first cycle",
        RetentionReferenceKind.MaximumOfFirst => $"the largest of the first {Count.ToString(CultureInfo.InvariantCulture)} cycles",
        RetentionReferenceKind.MedianOfFirst => $"the median of the first {Count.ToString(CultureInfo.InvariantCulture)} cycles",
        _ => $"the mean of the first {Count.ToString(CultureInfo.InvariantCulture)} cycles",
    };
}
