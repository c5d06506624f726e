namespace Electrochem.Cycling;

/// <summary>The shape of a curve whose knee <see cref="Kneedle"/> finds.</summary>
public enum KneeCurve
{
    /// <summary>Bending down, like a logarithm (y = −1/x, a capacity fade that accelerates when plotted as loss).</summary>
    Concave,

    /// <summary>Bending up, like an exponential (capacity vs cycle with an accelerating fade, plotted as capacity).</summary>
    Convex,
}

/// <summary>
/// Kneedle (Satopää et al., ICDCS Workshops 2011): the point of maximum curvature of a sampled curve, found without
/// derivatives. y is resampled linearly onto evenly spaced x, both are normalised to [0, 1], the curve is turned so
/// that it is concave and increasing, and the
/// difference curve D = y′ − x′ is scanned: a local maximum of D is a knee when D then falls below
/// D_max − S·mean(Δx′) before the next local maximum (a local minimum resets the threshold); only maxima above the
/// chord (D &gt; 0) are candidates. This implementation
/// returns the first knee so confirmed (kneed's default "offline" mode) and every knee it found.
/// </summary>
/// <param name="Knee">The first knee (in x's unit, on the evenly spaced grid), or null when none is confirmed.</param>
/// <param name="NormalizedKnee">Its position on the normalised x′ axis, or null.</param>
/// <param name="MostProminentKnee">The confirmed knee farthest above the chord (largest D): on noisy data, where the first
/// confirmed knee can be a bump of the noise, this is the one to report; null when none is confirmed.</param>
/// <param name="AllKnees">Every confirmed knee, in x order (kneed's "online" mode would report the last).</param>
public sealed record Kneedle(double? Knee, double? NormalizedKnee, double? MostProminentKnee, System.Collections.Immutable.ImmutableArray<double> AllKnees)
{
    /// <summary>Finds the knee of y(x).</summary>
    /// <param name="x">Abscissae, strictly increasing, at least 3 points.</param>
    /// <param name="y">Ordinates, finite, not all equal.</param>
    /// <param name="curve">Concave or convex.</param>
    /// <param name="increasing">True when y increases with x overall.</param>
    /// <param name="sensitivity">S ≥ 0 (1 by default; larger waits for a clearer knee).</param>
    /// <returns>The knee.</returns>
    /// <exception cref="ArgumentException">Lengths differ, too few points, x not strictly increasing, a value not finite, or y constant.</exception>
    public static Kneedle Find(ReadOnlySpan<double> x, ReadOnlySpan<double> y, KneeCurve curve, bool increasing, double sensitivity = 1)
    {
        Preconditions.CheckSameLength(x.Length, y.Length, nameof(x), nameof(y));
        Preconditions.CheckMinimumCount(x.Length, 3, nameof(x), "a knee needs at least 3 points");
        Preconditions.CheckAllFinite(x, nameof(x));
        Preconditions.CheckAllFinite(y, nameof(y));
        if (!double.IsFinite(sensitivity) || sensitivity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sensitivity), sensitivity, $"The sensitivity is {sensitivity}; expected a finite S ≥ 0.");
        }

        for (int i = 1; i < x.Length; i++)
        {
            if (!(x[i] > x[i - 1]))
            {
                throw new ArgumentException($"x[{i}] = {Preconditions.Format(x[i])} does not exceed x[{i - 1}] = {Preconditions.Format(x[i - 1])}; expected strictly increasing x.", nameof(x));
            }
        }

        double xMin = x[0], xMax = x[^1];
        double yMin = System.Numerics.Tensors.TensorPrimitives.Min(y), yMax = System.Numerics.Tensors.TensorPrimitives.Max(y);
        if (!(yMax > yMin))
        {
            throw new ArgumentException("Every y is the same; a constant curve has no knee.", nameof(y));
        }

        // Resample y linearly onto n evenly spaced x (so uneven sampling — sorted random x, sparse tails — does not
        // make knees of its own), normalise, and turn the curve into a concave increasing one: mirror x for a
        // decreasing concave curve, mirror y for a decreasing convex one, both for an increasing convex one.
        int n = x.Length;
        double[] grid = new double[n], resampled = new double[n];
        for (int k = 0, j = 0; k < n; k++)
        {
            double at = k == n - 1 ? xMax : xMin + ((xMax - xMin) * k / (n - 1));
            while (j < n - 2 && x[j + 1] < at)
            {
                j++;
            }

            double t = (at - x[j]) / (x[j + 1] - x[j]);
            grid[k] = at;
            resampled[k] = y[j] + (Math.Clamp(t, 0, 1) * (y[j + 1] - y[j]));
        }

        bool mirrorX = (curve == KneeCurve.Concave && !increasing) || (curve == KneeCurve.Convex && increasing);
        bool mirrorY = curve == KneeCurve.Convex;
        double[] xn = new double[n], d = new double[n];
        int[] source = new int[n];
        for (int k = 0; k < n; k++)
        {
            int i = mirrorX ? n - 1 - k : k;
            double xs = (grid[i] - xMin) / (xMax - xMin);
            double ys = (resampled[i] - yMin) / (yMax - yMin);
            xn[k] = mirrorX ? 1 - xs : xs;
            d[k] = (mirrorY ? 1 - ys : ys) - xn[k];
            source[k] = i;
        }

        double step = sensitivity * (xn[^1] - xn[0]) / (n - 1);
        var knees = new List<int>();
        double threshold = double.NaN;
        int candidate = -1;
        for (int k = 1; k < n; k++)
        {
            // A knee of the turned (concave, increasing) curve lies above its chord: maxima of D ≤ 0 (noise in a
            // convex stretch, such as the sparse tail of an empirical distribution) are not candidates.
            bool isMaximum = k < n - 1 && d[k] >= d[k - 1] && d[k] > d[k + 1] && d[k] > 0;
            bool isMinimum = k < n - 1 && d[k] <= d[k - 1] && d[k] < d[k + 1];
            if (candidate >= 0 && d[k] < threshold)
            {
                knees.Add(candidate);
                candidate = -1;
                threshold = double.NaN;
            }

            if (isMaximum)
            {
                candidate = k;
                threshold = d[k] - step;
            }
            else if (isMinimum)
            {
                candidate = -1;
                threshold = double.NaN;
            }
        }

        double[] all = new double[knees.Count];
        for (int j = 0; j < all.Length; j++)
        {
            all[j] = grid[source[knees[j]]];
        }

        Array.Sort(all);
        int? first = knees.Count > 0 ? knees[0] : null;
        int? prominent = knees.Count > 0 ? knees.MaxBy(k => d[k]) : null;
        return new Kneedle(
            first is { } f ? grid[source[f]] : null,
            first is { } g ? (mirrorX ? 1 - xn[g] : xn[g]) : null,
            prominent is { } p ? grid[source[p]] : null,
            [.. all]);
    }
}
