namespace Electrochem.IO.Cycling;

/// <summary>
/// One column of numbers read from the pages of an <c>.ndc</c> entry, whose count is known only once the last page is
/// read: the values go into one array, first of the expected size (which the caller bounds by the archive's length, not
/// only by what the entry claims), doubled when more come, and handed on without a copy when it is mostly used.
/// </summary>
internal sealed class NdcColumn(int expected)
{
    /// <summary>The array is handed on as it is when at least this fraction of it holds values; else the values are copied.</summary>
    private const double KeepFraction = 0.75;

    private double[] _values = GC.AllocateUninitializedArray<double>(Math.Max(1, expected));

    internal int Count { get; private set; }

    /// <summary>Room for the next <paramref name="count"/> values, which the caller fills.</summary>
    internal Span<double> Append(int count)
    {
        if (Count + count > _values.Length)
        {
            double[] larger = GC.AllocateUninitializedArray<double>((int)Math.Min(Array.MaxLength, Math.Max(Count + (long)count, 2L * _values.Length)));
            _values.AsSpan(0, Count).CopyTo(larger);
            _values = larger;
        }

        Span<double> room = _values.AsSpan(Count, count);
        Count += count;
        return room;
    }

    /// <summary>The values: the array itself when it is mostly used, else an exact copy.</summary>
    internal Memory<double> ToMemory() =>
        Count >= KeepFraction * _values.Length ? _values.AsMemory(0, Count) : _values.AsSpan(0, Count).ToArray();
}
