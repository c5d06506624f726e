using Electrochem.Fitting;

namespace Electrochem.Cycling;

/// <summary>
/// The cycle at which capacity reaches end of life — a stated fraction of a stated reference capacity — from a fitted
/// fade law (with a delta-method confidence interval) or, for parity with beep, from the data themselves.
/// </summary>
/// <param name="Cycle">The crossing cycle; null when the curve does not reach the threshold within <paramref name="SearchLimit"/>.</param>
/// <param name="StandardError">Its standard error by the delta method (NaN without a crossing).</param>
/// <param name="Lower">Lower confidence limit (t quantile of the fit's degrees of freedom).</param>
/// <param name="Upper">Upper confidence limit.</param>
/// <param name="ThresholdCapacity">Fraction × reference, in the capacities' unit.</param>
/// <param name="IsExtrapolation">True when the crossing lies beyond the last fitted cycle: a forecast, not a measurement.</param>
/// <param name="SearchLimit">The largest cycle searched.</param>
/// <param name="Description">The definition in words, with the reference (always print it with the number).</param>
public sealed record EndOfLife(double? Cycle, double StandardError, double Lower, double Upper, double ThresholdCapacity, bool IsExtrapolation, double SearchLimit, string Description)
{
    /// <summary>Where the fitted law first falls to <paramref name="fraction"/> × <paramref name="referenceCapacity"/>.</summary>
    /// <param name="fit">A fade-law fit.</param>
    /// <param name="referenceCapacity">The reference (e.g. the first cycle's capacity, or the fitted Q0) in the fitted unit, &gt; 0.</param>
    /// <param name="referenceDescription">What the reference is, for the description ("the first cycle, 149.9 mAh/g").</param>
    /// <param name="fraction">The end-of-life fraction (default 0.8).</param>
    /// <param name="searchLimit">The largest cycle to search (default 100 000).</param>
    /// <param name="level">Confidence level; NaN for the fit's.</param>
    /// <returns>The estimate; a curve that never reaches the threshold gives a null cycle, not a number.</returns>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public static EndOfLife FromFit(FitResult<CapacityFade> fit, double referenceCapacity, string referenceDescription, double fraction = 0.8, double searchLimit = 100_000, double level = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceDescription);
        if (!double.IsFinite(referenceCapacity) || referenceCapacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(referenceCapacity), referenceCapacity, $"The reference capacity is {referenceCapacity}; expected a finite capacity > 0.");
        }

        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, $"The end-of-life fraction is {fraction}; expected a fraction between 0 and 1 (0.8 for 80 %).");
        }

        if (!double.IsFinite(searchLimit) || searchLimit <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(searchLimit), searchLimit, $"The search limit is {searchLimit}; expected a finite cycle number > 0.");
        }

        level = double.IsNaN(level) ? fit.ConfidenceLevel : level;
        double threshold = fraction * referenceCapacity;
        string description = $"first cycle at which the fitted {fit.Model.Kind} law falls to {fraction:P0} of {referenceDescription}";
        CapacityFade law = fit.Model;
        double? crossing = Crossing(law, threshold, searchLimit);
        if (crossing is not { } n)
        {
            return new EndOfLife(null, double.NaN, double.NaN, double.NaN, threshold, true, searchLimit, description + $": not reached within {searchLimit:G6} cycles");
        }

        // Delta method: Q(N*, θ) = q* ⇒ dN*/dθ = −(∂Q/∂θ)/(∂Q/∂N).
        Span<double> gradient = stackalloc double[law.Parameters.Length];
        law.Gradient(n, gradient);
        double slope = law.Slope(n);
        for (int j = 0; j < gradient.Length; j++)
        {
            gradient[j] = -gradient[j] / slope;
        }

        Prediction p = fit.Predict(gradient, n, level);
        bool beyond = !(n <= law.LastFittedCycle);
        return new EndOfLife(n, p.StandardError, p.ConfidenceLower, p.ConfidenceUpper, threshold, beyond, searchLimit, beyond ? description + $" (beyond the last fitted cycle, {law.LastFittedCycle:G6}: an extrapolation)" : description);
    }

    /// <summary>
    /// The same crossing with a seeded parametric bootstrap interval instead of the delta method: datasets are drawn
    /// as the fitted law at the fitted cycles plus Gaussian noise of the fit's residual standard deviation (so the fit
    /// is assumed unweighted), each is refitted with the
    /// same law, and the interval is the 2.5th–97.5th percentile of the crossings (resamples that do not converge or do
    /// not cross are counted in <see cref="BootstrapEndOfLife.Failed"/>). Use it when the curve is strongly nonlinear
    /// near the crossing, where the delta method's symmetric interval is poor.
    /// </summary>
    /// <param name="fit">A fade-law fit (unit weights).</param>
    /// <param name="cycles">The cycle numbers it was fitted to.</param>
    /// <param name="referenceCapacity">The reference capacity (&gt; 0).</param>
    /// <param name="referenceDescription">What the reference is.</param>
    /// <param name="fraction">The end-of-life fraction (default 0.8).</param>
    /// <param name="resamples">Bootstrap datasets (100 to 100 000; default 1000).</param>
    /// <param name="seed">The random seed (results are reproducible for a seed).</param>
    /// <param name="searchLimit">The largest cycle to search.</param>
    /// <param name="cancellationToken">Stops the resampling.</param>
    /// <returns>The point estimate (from the fit) and the percentile interval.</returns>
    /// <exception cref="ArgumentException">An argument is out of range, or <paramref name="cycles"/> does not match the fit.</exception>
    public static BootstrapEndOfLife Bootstrap(FitResult<CapacityFade> fit, ReadOnlySpan<double> cycles, double referenceCapacity, string referenceDescription, double fraction = 0.8, int resamples = 1000, int seed = 1, double searchLimit = 100_000, CancellationToken cancellationToken = default)
    {
        EndOfLife point = FromFit(fit, referenceCapacity, referenceDescription, fraction, searchLimit);
        if (cycles.Length != fit.Residuals.Length)
        {
            throw new ArgumentException($"{cycles.Length} cycles were given but the fit has {fit.Residuals.Length} residuals; pass the cycles it was fitted to.", nameof(cycles));
        }

        if (resamples is < 100 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, $"resamples is {resamples}; expected 100 to 100 000.");
        }

        CapacityFade law = fit.Model;
        double[] x = cycles.ToArray();
        double sigma = Math.Sqrt(fit.Statistics.ResidualSumOfSquares / Math.Max(1, fit.Statistics.DegreesOfFreedom));
        var random = new Random(seed);
        var crossings = new List<double>(resamples);
        int failed = 0;
        double[] y = new double[x.Length];
        for (int b = 0; b < resamples; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int i = 0; i < x.Length; i++)
            {
                double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                y[i] = law.Evaluate(x[i]) + (sigma * z);
            }

            FitResult<CapacityFade> refit = CapacityFade.Fit(law.Kind, x, y, default, null, cancellationToken);
            if (refit.Converged && Crossing(refit.Model, fraction * referenceCapacity, searchLimit) is { } n)
            {
                crossings.Add(n);
            }
            else
            {
                failed++;
            }
        }

        crossings.Sort();
        double Percentile(double p) => crossings.Count == 0 ? double.NaN : crossings[Math.Clamp((int)Math.Round(p * (crossings.Count - 1)), 0, crossings.Count - 1)];
        return new BootstrapEndOfLife(point, Percentile(0.025), Percentile(0.975), crossings.Count, failed, seed);
    }

    /// <summary>
    /// beep's definition, for parity: the first cycle whose capacity is below <paramref name="fraction"/> × the median
    /// of the first <paramref name="referenceCycles"/> cycles; null when none is.
    /// </summary>
    /// <param name="cycles">Cycle numbers, increasing.</param>
    /// <param name="capacity">Capacities.</param>
    /// <param name="fraction">The fraction (beep: 0.8).</param>
    /// <param name="referenceCycles">How many leading cycles make the reference (beep: 40).</param>
    /// <returns>The cycle, or null.</returns>
    public static int? FirstBelowMedian(ReadOnlySpan<int> cycles, ReadOnlySpan<double> capacity, double fraction = 0.8, int referenceCycles = 40)
    {
        CapacityRetention retention = CapacityRetention.Compute(cycles, capacity, RetentionReference.MedianOfFirst(Math.Min(referenceCycles, capacity.Length)));
        for (int i = 0; i < capacity.Length; i++)
        {
            if (capacity[i] < fraction * retention.ReferenceCapacity)
            {
                return cycles[i];
            }
        }

        return null;
    }

    /// <summary>The first N in [0, limit] where the law is at or below the threshold: a coarse scan, then bisection.</summary>
    private static double? Crossing(CapacityFade law, double threshold, double limit)
    {
        const int steps = 4096;
        double previous = 0;
        if (law.Evaluate(0) <= threshold)
        {
            return 0;
        }

        for (int k = 1; k <= steps; k++)
        {
            double n = limit * k / steps;
            if (law.Evaluate(n) <= threshold)
            {
                double lo = previous, hi = n;
                for (int i = 0; i < 200 && hi - lo > 1e-9 * Math.Max(1, hi); i++)
                {
                    double mid = 0.5 * (lo + hi);
                    if (law.Evaluate(mid) <= threshold)
                    {
                        hi = mid;
                    }
                    else
                    {
                        lo = mid;
                    }
                }

                return hi;
            }

            previous = n;
        }

        return null;
    }
}

/// <summary>An end of life with a parametric-bootstrap interval.</summary>
/// <param name="Point">The fit's estimate (its delta-method interval included).</param>
/// <param name="Lower">2.5th percentile of the bootstrap crossings.</param>
/// <param name="Upper">97.5th percentile.</param>
/// <param name="Resamples">Resamples that converged and crossed.</param>
/// <param name="Failed">Resamples that did not converge or did not cross within the search limit (a large share means the interval is open-ended).</param>
/// <param name="Seed">The seed used.</param>
public sealed record BootstrapEndOfLife(EndOfLife Point, double Lower, double Upper, int Resamples, int Failed, int Seed);

