namespace Electrochem.Kinetics;

/// <summary>
/// The automatic Tafel-region search of <see cref="TafelOptions"/>: every run of consecutive points is scored by
/// the adjusted R² of its straight line. For each start the line's sums are accumulated incrementally about the
/// start point (no prefix-sum cancellation), so all O(N²) windows cost O(1) each.
/// </summary>
internal static class TafelRegionFinder
{
    /// <summary>The chosen window [Start, End] (inclusive indices), its adjusted R², and how many windows qualified.</summary>
    internal readonly record struct Window(int Start, int End, double AdjustedRSquared, long CandidateCount);

    /// <param name="x">|V|, ascending.</param>
    /// <param name="y">log₁₀|i| at each x.</param>
    /// <param name="firstEligible">Index of the first point at or beyond the start threshold.</param>
    /// <param name="minimumPoints">Fewest points, ≥ 3.</param>
    /// <param name="minimumDecades">Fewest decades spanned.</param>
    /// <param name="cancellationToken">Checked once per start index.</param>
    /// <returns>The best window, or null when none qualifies.</returns>
    internal static Window? Find(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int firstEligible, int minimumPoints, double minimumDecades, CancellationToken cancellationToken)
    {
        int n = x.Length;
        int bestStart = -1;
        int bestEnd = -1;
        double bestScore = double.NegativeInfinity;
        long candidates = 0;
        for (int j = firstEligible; j <= n - minimumPoints; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double x0 = x[j];
            double y0 = y[j];
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            double syy = 0;
            double minY = y0;
            double maxY = y0;
            for (int k = j; k < n; k++)
            {
                double dx = x[k] - x0;
                double dy = y[k] - y0;
                sx += dx;
                sy += dy;
                sxx += dx * dx;
                sxy += dx * dy;
                syy += dy * dy;
                minY = Math.Min(minY, y[k]);
                maxY = Math.Max(maxY, y[k]);
                int m = k - j + 1;
                if (m < minimumPoints || maxY - minY < minimumDecades)
                {
                    continue;
                }

                double cxx = sxx - (sx * sx / m);
                double cxy = sxy - (sx * sy / m);
                double cyy = syy - (sy * sy / m);
                if (!(cxx > 0) || !(cxy > 0) || !(cyy > 0))
                {
                    continue;
                }

                candidates++;
                double sse = Math.Max(0, cyy - (cxy * cxy / cxx));
                double score = 1 - (sse / cyy * (m - 1) / (m - 2));
                if (score > bestScore || (score == bestScore && m > bestEnd - bestStart + 1))
                {
                    bestScore = score;
                    bestStart = j;
                    bestEnd = k;
                }
            }
        }

        return bestStart < 0 ? null : new Window(bestStart, bestEnd, bestScore, candidates);
    }
}
