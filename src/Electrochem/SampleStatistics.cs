namespace Electrochem;

/// <summary>Order statistics the analyses share.</summary>
internal static class SampleStatistics
{
    /// <summary>The median (the mean of the middle two for an even count); NaN for no values. Copies, never reorders the input.</summary>
    internal static double Median(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
    }
}
