namespace Electrochem.Impedance;

/// <summary>
/// Features of a spectrum that <see cref="CircuitInitialGuess"/> reads: intercept, inductance, arcs and the
/// low-frequency tail. Built from a spectrum sorted by decreasing frequency, each arc read as <see cref="ArcReading"/> says.
/// </summary>
internal sealed class SpectrumShape
{
    private const int ApexWindow = 2;
    private const double MinimumProminence = 0.1;

    /// <summary>
    /// An apex lower than this fraction of the tallest one is noise, not an arc: near the high-frequency intercept −Z″
    /// is tiny, and measurement noise there makes local maxima with full prominence.
    /// </summary>
    private const double MinimumRelativeHeight = 0.05;
    private const int TailPoints = 3;

    /// <summary>An arc's circle is fitted to the points at least this fraction of its apex height (the flanks near the valleys carry the neighbours' arcs).</summary>
    private const double ArcWindowHeight = 0.5;

    /// <summary>A fitted circle whose real-axis chord exceeds this many apex heights (α below ~0.25) is not believed: the old estimate is used.</summary>
    private const double MaximumChordToHeight = 20;

    private const double MinimumExponent = 0.5;

    private readonly List<Arc> _arcs = [];

    public SpectrumShape(ImpedanceSpectrum descending, ArcReading reading)
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

            double intercept = firstCapacitive == n ? re[n - 1]
                : firstCapacitive == 0 ? re[0]
                : re[firstCapacitive - 1] + ((re[firstCapacitive] - re[firstCapacitive - 1]) * im[firstCapacitive - 1] / (im[firstCapacitive - 1] - im[firstCapacitive]));
            Span<double> height = buffer.AsSpan(n, n);
            for (int i = 0; i < n; i++)
            {
                height[i] = i < firstCapacitive ? 0 : -im[i];
            }

            List<int> apexes = FindApexes(height, firstCapacitive);
            int valley = firstCapacitive == n ? n - 1 : firstCapacitive;
            double left = 0;
            for (int k = 0; k < apexes.Count; k++)
            {
                int apex = apexes[k];
                int end = k + 1 < apexes.Count ? apexes[k + 1] : n - 1;
                int right = ArgMin(height, apex, end);
                double apexHeight = height[apex];
                // The arc's own points: from the apex down each side to half its height, not past the valleys; the
                // first arc keeps every point up to the highest frequency (nothing else lies there, and an arc cut
                // off at high frequency needs them to place its intercept).
                int from = apex;
                while (from > valley && (k == 0 || height[from - 1] >= ArcWindowHeight * apexHeight))
                {
                    from--;
                }

                int to = apex;
                while (to < right && height[to + 1] >= ArcWindowHeight * apexHeight)
                {
                    to++;
                }

                double diameter;
                double exponent;
                double arcLeft;
                if (reading == ArcReading.Circle
                    && ArcCircle.TryFit(re[from..(to + 1)], height[from..(to + 1)], out ArcCircle circle)
                    && circle.Right - circle.Left >= apexHeight && circle.Right - circle.Left <= MaximumChordToHeight * apexHeight)
                {
                    arcLeft = circle.Left;
                    diameter = circle.Right - circle.Left;
                    exponent = Math.Clamp(circle.Exponent, MinimumExponent, 1);
                    if (k == 0 && firstCapacitive == 0)
                    {
                        // No crossing measured: the first arc's circle extrapolates to the intercept.
                        intercept = Math.Min(intercept, circle.Left);
                    }
                }
                else
                {
                    if (k == 0 && firstCapacitive == 0)
                    {
                        // The centre minus the radius of a semicircle through the apex extrapolates to the intercept.
                        intercept = Math.Min(intercept, re[apex] - apexHeight);
                    }

                    arcLeft = k == 0 ? Math.Max(intercept, 0) : left;
                    diameter = Math.Max(re[right] - arcLeft, 2 * apexHeight);
                    exponent = reading == ArcReading.Apex ? Impedance.Arc.DefaultExponent : Impedance.Arc.ExponentFromApex(apexHeight, diameter);
                }

                double frequency = reading == ArcReading.Apex ? f[apex] : CharacteristicFrequency(f, re, im, from, to, apex, arcLeft, diameter, exponent, modulus);
                _arcs.Add(new Arc(frequency, diameter, exponent));
                left = re[right];
                valley = right;
            }

            HighFrequencyIntercept = Math.Max(intercept, 0);
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
    public Arc Arc(int k)
    {
        if (k < _arcs.Count)
        {
            return _arcs[k];
        }

        double used = 0;
        foreach (Arc arc in _arcs)
        {
            used += arc.Resistance;
        }

        double remaining = RealSpan - used;
        double resistance = remaining > 0 ? remaining / 2 : 0.1 * MedianModulus;
        double frequency = (_arcs.Count > 0 ? _arcs[^1].ApexFrequency : GeometricMeanFrequency * 100) / Math.Pow(100, k - _arcs.Count + 1);
        return new Arc(Math.Max(frequency, MinimumFrequency), resistance, Impedance.Arc.DefaultExponent);
    }

    /// <summary>
    /// 1/(2πτ) of a Zarc through the arc's points: Z_arc = Z − R_left = R/(1 + (jωτ)^α) gives
    /// ln|(R − Z_arc)/Z_arc| = α·ln(ωτ), so each point gives ln τ; the median over the arc's points (the apex frequency
    /// when none is usable).
    /// </summary>
    private static double CharacteristicFrequency(ReadOnlySpan<double> f, ReadOnlySpan<double> re, ReadOnlySpan<double> im, int from, int to, int apex, double left, double diameter, double exponent, Span<double> scratch)
    {
        int count = 0;
        for (int i = from; i <= to; i++)
        {
            double a = re[i] - left;
            double modulus = Math.Sqrt((a * a) + (im[i] * im[i]));
            double rest = Math.Sqrt(((diameter - a) * (diameter - a)) + (im[i] * im[i]));
            double value = (Math.Log(rest / modulus) / exponent) - Math.Log(2 * Math.PI * f[i]);
            if (double.IsFinite(value))
            {
                scratch[count++] = value;
            }
        }

        if (count == 0)
        {
            return f[apex];
        }

        Span<double> logTau = scratch[..count];
        logTau.Sort();
        double median = count % 2 == 1 ? logTau[count / 2] : (logTau[(count / 2) - 1] + logTau[count / 2]) / 2;
        double frequency = 1 / (2 * Math.PI * Math.Exp(median));
        return double.IsFinite(frequency) && frequency > 0 ? frequency : f[apex];
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
