using Electrochem.Impedance;

namespace Electrochem.Benchmarks.Baselines;

/// <summary>
/// FROZEN BASELINE, not library code: the library's internal <c>SpectrumShape</c> as it was until 2026-12-04, for
/// <see cref="ShapeInitialGuessBefore"/>; do not change it. Features of a spectrum that the guess reads: intercept,
/// inductance, arcs and the low-frequency tail. Built from a spectrum sorted by decreasing frequency.
/// </summary>
internal sealed class SpectrumShapeBefore
{
    /// <summary>One arc of −Z″: its apex frequency in Hz and its diameter on the real axis in Ω.</summary>
    internal readonly record struct ArcReading(double ApexFrequency, double Resistance);

    private const int ApexWindow = 2;
    private const double MinimumProminence = 0.1;

    /// <summary>
    /// An apex lower than this fraction of the tallest one is noise, not an arc: near the high-frequency intercept −Z″
    /// is tiny, and measurement noise there makes local maxima with full prominence.
    /// </summary>
    private const double MinimumRelativeHeight = 0.05;
    private const int TailPoints = 3;

    private readonly List<ArcReading> _arcs = [];

    public SpectrumShapeBefore(ImpedanceSpectrum descending)
    {
        int n = descending.Count;
        // One pooled buffer: the moduli (sorted, for the median), then the arc heights.
        double[] buffer = System.Buffers.ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            ReadOnlySpan<double> f = descending.Frequency;
            ReadOnlySpan<double> re = descending.Real;
            ReadOnlySpan<double> im = descending.Imaginary;
            Span<double> modulus = buffer.AsSpan(0, n);
            descending.Modulus(modulus);
            modulus.Sort();
            MedianModulus = Math.Max(modulus[n / 2], double.Epsilon);
            MaximumFrequency = f[0];
            MinimumFrequency = f[n - 1];
            GeometricMeanFrequency = Math.Sqrt(f[0] * f[n - 1]);
            HighFrequencyInductance = im[0] > 0 ? im[0] / (2 * Math.PI * f[0]) : 0;

            int firstCapacitive = 0;
            while (firstCapacitive < n && im[firstCapacitive] > 0)
            {
                firstCapacitive++;
            }

            HighFrequencyIntercept = firstCapacitive == n ? re[n - 1]
                : firstCapacitive == 0 ? re[0]
                : re[firstCapacitive - 1] + ((re[firstCapacitive] - re[firstCapacitive - 1]) * im[firstCapacitive - 1] / (im[firstCapacitive - 1] - im[firstCapacitive]));
            Span<double> height = buffer.AsSpan(n, n);
            for (int i = 0; i < n; i++)
            {
                height[i] = i < firstCapacitive ? 0 : -im[i];
            }

            List<int> apexes = FindApexes(height, firstCapacitive);
            if (firstCapacitive == 0 && apexes.Count > 0)
            {
                // No crossing measured: the first arc is cut off at high frequency; its centre minus its radius (Z′ − height at the apex) extrapolates to the intercept.
                HighFrequencyIntercept = Math.Min(HighFrequencyIntercept, re[apexes[0]] - height[apexes[0]]);
            }

            HighFrequencyIntercept = Math.Max(HighFrequencyIntercept, 0);
            int valley = firstCapacitive == n ? n - 1 : firstCapacitive;
            double left = HighFrequencyIntercept;
            for (int k = 0; k < apexes.Count; k++)
            {
                int apex = apexes[k];
                int end = k + 1 < apexes.Count ? apexes[k + 1] : n - 1;
                int right = ArgMin(height, apex, end);
                double diameter = Math.Max(re[right] - left, 2 * height[apex]);
                _arcs.Add(new ArcReading(f[apex], diameter));
                left = re[right];
                valley = right;
            }

            double zx = re[n - 1] - re[valley];
            double zy = im[n - 1];
            DiffusionResistance = Math.Sqrt((zx * zx) + (zy * zy));
            LowFrequencyExcess = Math.Max(Math.Sqrt(((re[n - 1] - HighFrequencyIntercept) * (re[n - 1] - HighFrequencyIntercept)) + (zy * zy)), double.Epsilon);
            LowFrequencyCapacitance = zy < 0 ? -1 / (2 * Math.PI * f[n - 1] * zy) : 0;
            int count = Math.Min(TailPoints, n - firstCapacitive);
            double sum = 0;
            for (int i = n - count; i < n; i++)
            {
                sum += -im[i] * Math.Sqrt(2 * Math.PI * f[i]);
            }

            WarburgCoefficient = count > 0 ? sum / count : 0;
            RealSpan = Math.Max(re[n - 1] - HighFrequencyIntercept, 0);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(buffer);
        }
    }

    public double MedianModulus { get; }

    public double MaximumFrequency { get; }

    public double MinimumFrequency { get; }

    public double GeometricMeanFrequency { get; }

    public double HighFrequencyIntercept { get; }

    public double HighFrequencyInductance { get; }

    public double DiffusionResistance { get; }

    public double LowFrequencyExcess { get; }

    public double LowFrequencyCapacitance { get; }

    public double WarburgCoefficient { get; }

    public double RealSpan { get; }

    /// <summary>The k-th arc in order of decreasing apex frequency; beyond the arcs found, a share of the remaining real span a decade lower.</summary>
    public ArcReading Arc(int k)
    {
        if (k < _arcs.Count)
        {
            return _arcs[k];
        }

        double used = 0;
        foreach (ArcReading arc in _arcs)
        {
            used += arc.Resistance;
        }

        double remaining = RealSpan - used;
        double resistance = remaining > 0 ? remaining / 2 : 0.1 * MedianModulus;
        double frequency = (_arcs.Count > 0 ? _arcs[^1].ApexFrequency : GeometricMeanFrequency * 100) / Math.Pow(100, k - _arcs.Count + 1);
        return new ArcReading(Math.Max(frequency, MinimumFrequency), resistance);
    }

    private static List<int> FindApexes(ReadOnlySpan<double> height, int first)
    {
        int n = height.Length;
        var apexes = new List<int>();
        for (int i = first + 1; i < n - 1; i++)
        {
            bool isMaximum = height[i] > 0;
            for (int j = Math.Max(first, i - ApexWindow); j <= Math.Min(n - 1, i + ApexWindow) && isMaximum; j++)
            {
                isMaximum = j == i || height[i] > height[j] || (height[i] == height[j] && j > i);
            }

            if (isMaximum)
            {
                apexes.Add(i);
            }
        }

        if (apexes.Count > 0)
        {
            double tallest = 0;
            foreach (int apex in apexes)
            {
                tallest = Math.Max(tallest, height[apex]);
            }

            for (int k = apexes.Count - 1; k >= 0; k--)
            {
                if (height[apexes[k]] < MinimumRelativeHeight * tallest)
                {
                    apexes.RemoveAt(k);
                }
            }
        }

        bool removed = true;
        while (removed && apexes.Count > 0)
        {
            int weakest = -1;
            for (int k = 0; k < apexes.Count; k++)
            {
                int apex = apexes[k];
                int start = k > 0 ? apexes[k - 1] : first;
                int end = k + 1 < apexes.Count ? apexes[k + 1] : n - 1;
                double valley = Math.Max(height[ArgMin(height, start, apex)], height[ArgMin(height, apex, end)]);
                if (height[apex] - valley < MinimumProminence * height[apex] && (weakest < 0 || height[apex] < height[apexes[weakest]]))
                {
                    weakest = k;
                }
            }

            removed = weakest >= 0;
            if (removed)
            {
                apexes.RemoveAt(weakest);
            }
        }

        return apexes;
    }

    private static int ArgMin(ReadOnlySpan<double> values, int from, int to)
    {
        int best = from;
        for (int i = from + 1; i <= to; i++)
        {
            if (values[i] < values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
