using System.Collections.Immutable;

namespace Electrochem.Cycling;

/// <summary>A peak of a differential-capacity curve.</summary>
/// <param name="Voltage">Where |dQ/dV| peaks (V).</param>
/// <param name="Height">dQ/dV there (capacity/V; negative on discharge).</param>
/// <param name="Area">The capacity under the peak, between its neighbouring valleys (capacity unit; magnitude).</param>
/// <param name="LowerVoltage">The valley below the peak (V).</param>
/// <param name="UpperVoltage">The valley above the peak (V).</param>
public sealed record DifferentialPeak(double Voltage, double Height, double Area, double LowerVoltage, double UpperVoltage);

/// <summary>A differential-capacity curve dQ/dV(V) of one half-cycle, with its peaks.</summary>
/// <param name="Voltage">The voltage grid (V), increasing.</param>
/// <param name="DqDv">dQ/dV at each grid voltage (capacity/V): positive for a charge, negative for a discharge.</param>
/// <param name="Peaks">Peaks of |dQ/dV| above the prominence threshold, by voltage.</param>
/// <param name="Description">The method and its settings, to print with the curve.</param>
public sealed record DifferentialCurve(ImmutableArray<double> Voltage, ImmutableArray<double> DqDv, ImmutableArray<DifferentialPeak> Peaks, string Description);

/// <summary>
/// Differential capacity (incremental capacity analysis, ICA): dQ/dV of a half-cycle, and dV/dQ, with the smoothing
/// stated (<see cref="DifferentialCapacityOptions"/>). The input is the voltage and the capacity passed during one
/// charge or one discharge, in time order; Q must not decrease (the charge passed so far) and V is made monotonic by
/// its running maximum (charge) or minimum (discharge) before it is resampled on an even grid.
/// </summary>
public static class DifferentialCapacity
{
    /// <summary>dQ/dV of one half-cycle.</summary>
    /// <param name="voltage">Voltage (V), in time order.</param>
    /// <param name="capacity">Capacity passed so far (any unit, ≥ 0, not decreasing).</param>
    /// <param name="options">Method and settings; null for <see cref="DifferentialCapacityOptions.Default"/>.</param>
    /// <returns>The curve and its peaks.</returns>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 10 points, a value is not finite, the capacity decreases, or the voltage spans less than a few grid steps.</exception>
    public static DifferentialCurve Compute(ReadOnlySpan<double> voltage, ReadOnlySpan<double> capacity, DifferentialCapacityOptions? options = null)
    {
        options ??= DifferentialCapacityOptions.Default;
        options.Validate();
        Preconditions.CheckSameLength(voltage.Length, capacity.Length, nameof(voltage), nameof(capacity));
        Preconditions.CheckMinimumCount(voltage.Length, 10, nameof(voltage), "a differential-capacity curve needs at least 10 points");
        Preconditions.CheckAllFinite(voltage, nameof(voltage));
        Preconditions.CheckAllFinite(capacity, nameof(capacity));
        for (int i = 1; i < capacity.Length; i++)
        {
            if (capacity[i] < capacity[i - 1] - (1e-9 * Math.Abs(capacity[i - 1])))
            {
                throw new ArgumentException($"capacity[{i}] = {Preconditions.Format(capacity[i])} is below capacity[{i - 1}] = {Preconditions.Format(capacity[i - 1])}; expected the charge passed during one half-cycle, which never decreases.", nameof(capacity));
            }
        }

        bool charging = voltage[^1] >= voltage[0];

        // Monotone voltage (running max on charge, running min on discharge), then Q(V) on an increasing grid.
        int n = voltage.Length;
        double[] v = new double[n], q = new double[n];
        double running = voltage[0];
        for (int i = 0; i < n; i++)
        {
            running = charging ? Math.Max(running, voltage[i]) : Math.Min(running, voltage[i]);
            int k = charging ? i : n - 1 - i;
            v[k] = running;
            q[k] = capacity[i];
        }

        double lo = v[0], hi = v[^1];
        double step = options.VoltageStep;
        int points = (int)Math.Floor((hi - lo) / step) + 1;
        if (points < 5)
        {
            throw new ArgumentException($"The voltage spans {Preconditions.Format(hi - lo)} V, under 5 grid steps of {Preconditions.Format(step)} V; use a smaller VoltageStep or a half-cycle with a wider voltage range.", nameof(voltage));
        }

        double[] grid = new double[points];
        for (int k = 0; k < points; k++)
        {
            grid[k] = lo + (k * step);
        }

        double[] dqdv = options.Method switch
        {
            DifferentiationMethod.Histogram => Histogram(v, q, grid, step),
            DifferentiationMethod.Gaussian => GaussianDerivative(Resample(v, q, grid), step, options.GaussianWidthVolts),
            _ => SavitzkyGolay(Resample(v, q, grid), step, options.WindowPoints, options.PolynomialOrder),
        };

        // On discharge Q grows as V falls: on the increasing grid Q decreases, so dQ/dV comes out negative.
        string description = options.Method switch
        {
            DifferentiationMethod.Histogram => $"histogram, {step * 1000:G4} mV bins",
            DifferentiationMethod.Gaussian => $"Gaussian smoothing σ = {options.GaussianWidthVolts * 1000:G4} mV on a {step * 1000:G4} mV grid",
            _ => $"Savitzky–Golay, {options.WindowPoints} points ({(options.WindowPoints - 1) * step * 1000:G4} mV), order {options.PolynomialOrder}, on a {step * 1000:G4} mV grid",
        };
        return new DifferentialCurve([.. grid], [.. dqdv], Peaks(grid, dqdv, options.MinimumProminence), description);
    }

    /// <summary>
    /// dQ/dV of one cycle's charge or discharge from a recording: the rows of that half's current steps other than
    /// constant-voltage holds (where V stands still), with Q the charge passed (A·h, the current integrated by the
    /// trapezoid rule, continued across steps).
    /// </summary>
    /// <param name="recording">The recording.</param>
    /// <param name="table">Its cycle table.</param>
    /// <param name="cycle">The cycle number.</param>
    /// <param name="charge">True for the charge, false for the discharge.</param>
    /// <param name="options">Method and settings; null for the defaults.</param>
    /// <returns>The curve (dQ/dV in A·h/V).</returns>
    /// <exception cref="ArgumentException">The cycle does not exist or has no such half.</exception>
    public static DifferentialCurve ForCycle(CyclerRecording recording, CycleTable table, int cycle, bool charge, DifferentialCapacityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(table);
        CyclerStep[] steps = [.. table.StepTable.Steps.Where(s => s.Cycle == cycle && (charge
            ? s.Kind is StepKind.ConstantCurrentCharge or StepKind.Charge
            : s.Kind is StepKind.ConstantCurrentDischarge or StepKind.Discharge))];
        if (steps.Length == 0)
        {
            throw new ArgumentException($"{recording.SourceName}: cycle {cycle} has no {(charge ? "charge" : "discharge")} step other than a constant-voltage hold.", nameof(cycle));
        }

        ReadOnlySpan<double> t = recording.TestTime.Values, i = recording.Current.Values, v = recording.Voltage.Values;
        var voltage = new List<double>();
        var capacity = new List<double>();
        double q = 0;
        foreach (CyclerStep step in steps)
        {
            for (int r = step.StartRow; r < step.EndRow; r++)
            {
                if (r > step.StartRow)
                {
                    q += 0.5 * (Math.Abs(i[r]) + Math.Abs(i[r - 1])) * (t[r] - t[r - 1]) / 3600;
                }

                voltage.Add(v[r]);
                capacity.Add(q);
            }
        }

        return Compute(voltage.ToArray(), capacity.ToArray(), options);
    }

    /// <summary>dV/dQ of one half-cycle on an even capacity grid (the same smoothing applied to V(Q)).</summary>
    /// <param name="voltage">Voltage (V), in time order.</param>
    /// <param name="capacity">Capacity passed so far (not decreasing).</param>
    /// <param name="capacityStep">The capacity grid spacing (capacity unit, &gt; 0).</param>
    /// <param name="windowPoints">Savitzky–Golay window (odd, ≥ 5).</param>
    /// <returns>(Q grid, dV/dQ in V per capacity unit).</returns>
    public static (ImmutableArray<double> Capacity, ImmutableArray<double> DvDq) VoltageDerivative(ReadOnlySpan<double> voltage, ReadOnlySpan<double> capacity, double capacityStep, int windowPoints = 21)
    {
        Preconditions.CheckSameLength(voltage.Length, capacity.Length, nameof(voltage), nameof(capacity));
        Preconditions.CheckMinimumCount(voltage.Length, 10, nameof(voltage), "a dV/dQ curve needs at least 10 points");
        Preconditions.CheckPositive(capacityStep);
        var settings = new DifferentialCapacityOptions { WindowPoints = windowPoints };
        settings.Validate();
        double[] q = capacity.ToArray(), v = voltage.ToArray();
        for (int i = 1; i < q.Length; i++)
        {
            q[i] = Math.Max(q[i], q[i - 1]);
        }

        int points = (int)Math.Floor((q[^1] - q[0]) / capacityStep) + 1;
        if (points < windowPoints)
        {
            throw new ArgumentException($"The capacity spans {points} grid steps of {Preconditions.Format(capacityStep)}; expected at least the window ({windowPoints}).", nameof(capacityStep));
        }

        double[] grid = [.. Enumerable.Range(0, points).Select(k => q[0] + (k * capacityStep))];
        return ([.. grid], [.. SavitzkyGolay(Resample(q, v, grid), capacityStep, windowPoints, 3)]);
    }

    /// <summary>Follows peaks from curve to curve (cycle to cycle): a peak continues a track when it lies within <paramref name="toleranceVolts"/> of the track's last position.</summary>
    /// <param name="curves">Curves in cycle order.</param>
    /// <param name="toleranceVolts">Largest shift between consecutive curves (V).</param>
    /// <returns>Each track: the index of the curve and the peak, in order.</returns>
    public static ImmutableArray<ImmutableArray<(int Curve, DifferentialPeak Peak)>> Track(IReadOnlyList<DifferentialCurve> curves, double toleranceVolts = 0.02)
    {
        ArgumentNullException.ThrowIfNull(curves);
        Preconditions.CheckPositive(toleranceVolts);
        var tracks = new List<List<(int, DifferentialPeak)>>();
        for (int c = 0; c < curves.Count; c++)
        {
            var used = new HashSet<int>();
            foreach (DifferentialPeak peak in curves[c].Peaks)
            {
                int best = -1;
                double distance = toleranceVolts;
                for (int t = 0; t < tracks.Count; t++)
                {
                    (int lastCurve, DifferentialPeak last) = tracks[t][^1];
                    double d = Math.Abs(last.Voltage - peak.Voltage);
                    if (lastCurve == c - 1 && !used.Contains(t) && d <= distance)
                    {
                        best = t;
                        distance = d;
                    }
                }

                if (best >= 0)
                {
                    tracks[best].Add((c, peak));
                    used.Add(best);
                }
                else
                {
                    tracks.Add([(c, peak)]);
                    used.Add(tracks.Count - 1);
                }
            }
        }

        return [.. tracks.Select(t => t.ToImmutableArray())];
    }

    /// <summary>Linear interpolation of y(x) at the grid; x non-decreasing (a repeated x keeps its last y).</summary>
    private static double[] Resample(double[] x, double[] y, double[] grid)
    {
        double[] result = new double[grid.Length];
        int j = 0;
        for (int k = 0; k < grid.Length; k++)
        {
            double at = grid[k];
            while (j < x.Length - 2 && x[j + 1] <= at)
            {
                j++;
            }

            double span = x[j + 1] - x[j];
            double t = span > 0 ? Math.Clamp((at - x[j]) / span, 0, 1) : 1;
            result[k] = y[j] + (t * (y[j + 1] - y[j]));
        }

        return result;
    }

    private static double[] Histogram(double[] v, double[] q, double[] grid, double step)
    {
        // Each bin is centred on a grid voltage; its capacity is Q at the upper edge minus Q at the lower edge.
        double[] edges = new double[grid.Length + 1];
        for (int k = 0; k <= grid.Length; k++)
        {
            edges[k] = grid[0] + ((k - 0.5) * step);
        }

        double[] atEdges = Resample(v, q, edges);
        double[] result = new double[grid.Length];
        for (int k = 0; k < grid.Length; k++)
        {
            result[k] = (atEdges[k + 1] - atEdges[k]) / step;
        }

        return result;
    }

    private static double[] GaussianDerivative(double[] q, double step, double width)
    {
        int half = (int)Math.Ceiling(4 * width / step);
        double[] kernel = new double[(2 * half) + 1];
        for (int k = -half; k <= half; k++)
        {
            kernel[k + half] = Math.Exp(-0.5 * (k * step / width) * (k * step / width));
        }

        double[] smooth = new double[q.Length];
        for (int i = 0; i < q.Length; i++)
        {
            double sum = 0, weight = 0;
            for (int k = -half; k <= half; k++)
            {
                int j = i + k;
                if (j >= 0 && j < q.Length)
                {
                    sum += kernel[k + half] * q[j];
                    weight += kernel[k + half];
                }
            }

            smooth[i] = sum / weight;
        }

        double[] result = new double[q.Length];
        for (int i = 0; i < q.Length; i++)
        {
            int a = Math.Max(0, i - 1), b = Math.Min(q.Length - 1, i + 1);
            result[i] = (smooth[b] - smooth[a]) / ((b - a) * step);
        }

        return result;
    }

    /// <summary>The first derivative by a Savitzky–Golay filter: at each point the slope of the least-squares polynomial over the window (shrunk at the ends).</summary>
    private static double[] SavitzkyGolay(double[] y, double step, int window, int order)
    {
        int n = y.Length;
        int half = Math.Min(window / 2, (n - 1) / 2);
        double[] result = new double[n];
        for (int i = 0; i < n; i++)
        {
            int from = Math.Max(0, i - half), to = Math.Min(n - 1, i + half);
            int p = Math.Min(order, to - from) + 1;
            double[] design = new double[(to - from + 1) * p];
            double[] values = new double[to - from + 1];
            int rows = values.Length;
            for (int r = 0; r < rows; r++)
            {
                double x = (from + r - i) * step;
                values[r] = y[from + r];
                double power = 1;
                for (int c = 0; c < p; c++)
                {
                    design[(c * rows) + r] = power;
                    power *= x;
                }
            }

            result[i] = LeastSquaresSlope(design, values, rows, p);
        }

        return result;
    }

    /// <summary>The coefficient of x (index 1) of a small least-squares polynomial, by the normal equations.</summary>
    private static double LeastSquaresSlope(double[] design, double[] values, int rows, int p)
    {
        double[] m = new double[p * p], b = new double[p];
        for (int c = 0; c < p; c++)
        {
            for (int d = 0; d < p; d++)
            {
                double s = 0;
                for (int r = 0; r < rows; r++)
                {
                    s += design[(c * rows) + r] * design[(d * rows) + r];
                }

                m[(c * p) + d] = s;
            }

            double t = 0;
            for (int r = 0; r < rows; r++)
            {
                t += design[(c * rows) + r] * values[r];
            }

            b[c] = t;
        }

        // Gaussian elimination with partial pivoting.
        for (int c = 0; c < p; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < p; r++)
            {
                if (Math.Abs(m[(r * p) + c]) > Math.Abs(m[(pivot * p) + c]))
                {
                    pivot = r;
                }
            }

            if (pivot != c)
            {
                for (int d = 0; d < p; d++)
                {
                    (m[(c * p) + d], m[(pivot * p) + d]) = (m[(pivot * p) + d], m[(c * p) + d]);
                }

                (b[c], b[pivot]) = (b[pivot], b[c]);
            }

            for (int r = c + 1; r < p; r++)
            {
                double f = m[(r * p) + c] / m[(c * p) + c];
                for (int d = c; d < p; d++)
                {
                    m[(r * p) + d] -= f * m[(c * p) + d];
                }

                b[r] -= f * b[c];
            }
        }

        double[] x = new double[p];
        for (int c = p - 1; c >= 0; c--)
        {
            double s = b[c];
            for (int d = c + 1; d < p; d++)
            {
                s -= m[(c * p) + d] * x[d];
            }

            x[c] = s / m[(c * p) + c];
        }

        return p > 1 ? x[1] : 0;
    }

    private static ImmutableArray<DifferentialPeak> Peaks(double[] v, double[] dqdv, double prominence)
    {
        double[] magnitude = [.. dqdv.Select(Math.Abs)];
        double largest = magnitude.Max();
        if (!(largest > 0))
        {
            return [];
        }

        var peaks = ImmutableArray.CreateBuilder<DifferentialPeak>();
        for (int i = 1; i < magnitude.Length - 1; i++)
        {
            if (!(magnitude[i] > magnitude[i - 1] && magnitude[i] >= magnitude[i + 1]))
            {
                continue;
            }

            int left = i, right = i;
            while (left > 0 && magnitude[left - 1] <= magnitude[left])
            {
                left--;
            }

            while (right < magnitude.Length - 1 && magnitude[right + 1] <= magnitude[right])
            {
                right++;
            }

            if (magnitude[i] - Math.Max(magnitude[left], magnitude[right]) < prominence * largest)
            {
                continue;
            }

            double area = 0;
            for (int k = left; k < right; k++)
            {
                area += 0.5 * (magnitude[k] + magnitude[k + 1]) * (v[k + 1] - v[k]);
            }

            peaks.Add(new DifferentialPeak(v[i], dqdv[i], area, v[left], v[right]));
        }

        return peaks.ToImmutable();
    }
}
