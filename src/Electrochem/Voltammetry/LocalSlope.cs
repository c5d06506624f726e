namespace Electrochem.Voltammetry;

/// <summary>Moving least-squares slopes dy/dx over a window of ±half-width in x (unevenly spaced, noisy data).</summary>
internal static class LocalSlope
{
    /// <summary>dy/dx at each point from a straight line through the points within ±<paramref name="halfWidth"/> of it (NaN with fewer than three); x must be monotonic.</summary>
    internal static double[] Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double halfWidth)
    {
        int n = x.Length;
        var slope = new double[n];
        int lo = 0, hi = 0;
        for (int i = 0; i < n; i++)
        {
            // The window [lo, hi) holds the points within ±halfWidth of x_i; it only moves forward.
            while (hi < n && Math.Abs(x[hi] - x[i]) <= halfWidth)
            {
                hi++;
            }

            while (lo < i && Math.Abs(x[lo] - x[i]) > halfWidth)
            {
                lo++;
            }

            int m = hi - lo;
            if (m < 3)
            {
                slope[i] = double.NaN;
                continue;
            }

            double mx = 0, my = 0;
            for (int k = lo; k < hi; k++)
            {
                mx += x[k];
                my += y[k];
            }

            mx /= m;
            my /= m;
            double cxx = 0, cxy = 0;
            for (int k = lo; k < hi; k++)
            {
                double dx = x[k] - mx;
                cxx += dx * dx;
                cxy += dx * (y[k] - my);
            }

            slope[i] = cxx > 0 ? cxy / cxx : double.NaN;
        }

        return slope;
    }
}
