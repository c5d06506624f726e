using System.Collections.Immutable;
using System.Numerics.Tensors;
using Electrochem.Fitting;

namespace Electrochem.Transport;

/// <summary>
/// Single-exponential approach of a potentiostatic current to its steady state,
/// I(t) = I_ss + (I₀ − I_ss)·exp(−(t − t₀)/τ) for t ≥ t₀, with t in s and I in any unit (A in → A out).
/// The simplest description of a Bruce–Vincent chronoamperogram: I₀ is the current extrapolated back to the
/// potential step at t₀, I_ss the asymptote. (Real decays are not exactly exponential early on — the concentration
/// gradient first grows as √t — so fit windows that start after the double-layer spike.)
/// </summary>
/// <param name="InitialCurrent">I₀, the current at t₀.</param>
/// <param name="SteadyStateCurrent">I_ss, the current as t → ∞.</param>
/// <param name="TimeConstantSeconds">τ &gt; 0 in s.</param>
/// <param name="StepTimeSeconds">t₀ in s, the time of the potential step.</param>
public sealed record CurrentRelaxation(double InitialCurrent, double SteadyStateCurrent, double TimeConstantSeconds, double StepTimeSeconds = 0)
{
    /// <summary>Name of I₀ in a fit's results.</summary>
    public const string InitialCurrentName = "InitialCurrent";

    /// <summary>Name of I_ss in a fit's results.</summary>
    public const string SteadyStateCurrentName = "SteadyStateCurrent";

    /// <summary>Name of τ (s) in a fit's results.</summary>
    public const string TimeConstantName = "TimeConstant";

    private const int BlockSize = 512;

    /// <summary>The current at one time.</summary>
    /// <param name="timeSeconds">t in s.</param>
    /// <returns>I in the unit of the model's currents.</returns>
    /// <exception cref="ArgumentOutOfRangeException">t is not finite, or τ is not positive.</exception>
    public double Evaluate(double timeSeconds)
    {
        Preconditions.CheckFinite(timeSeconds);
        Preconditions.CheckPositive(TimeConstantSeconds, nameof(TimeConstantSeconds));
        return SteadyStateCurrent + ((InitialCurrent - SteadyStateCurrent) * Math.Exp(-(timeSeconds - StepTimeSeconds) / TimeConstantSeconds));
    }

    /// <summary>The current at every time, vectorised; the destination may be the input but must not partially overlap it.</summary>
    /// <param name="timeSeconds">Times in s.</param>
    /// <param name="current">Destination, at least as long as the input.</param>
    /// <exception cref="ArgumentException">The destination is too short or overlaps, a time is not finite, or τ is not positive.</exception>
    public void Evaluate(ReadOnlySpan<double> timeSeconds, Span<double> current)
    {
        Preconditions.CheckPositive(TimeConstantSeconds, nameof(TimeConstantSeconds));
        Preconditions.CheckDestination(timeSeconds.Length, current.Length, nameof(current));
        Preconditions.CheckNoOverlap(timeSeconds, current, nameof(timeSeconds), nameof(current));
        Preconditions.CheckAllFinite(timeSeconds, nameof(timeSeconds));
        for (int start = 0; start < timeSeconds.Length; start += BlockSize)
        {
            int length = Math.Min(BlockSize, timeSeconds.Length - start);
            Span<double> destination = current.Slice(start, length);
            TensorPrimitives.Subtract(timeSeconds.Slice(start, length), StepTimeSeconds, destination);
            TensorPrimitives.Multiply(destination, -1 / TimeConstantSeconds, destination);
            TensorPrimitives.Exp(destination, destination);
            TensorPrimitives.Multiply(destination, InitialCurrent - SteadyStateCurrent, destination);
            TensorPrimitives.Add(destination, SteadyStateCurrent, destination);
        }
    }

    /// <summary>
    /// Fits I₀, I_ss and τ by Levenberg–Marquardt with the analytic Jacobian (τ bounded below by 0). Starting values
    /// need no guess: I_ss from the mean of the last tenth of the trace, I₀ from the first point, τ from the time the
    /// excess current first falls below 1/e of its initial value.
    /// </summary>
    /// <param name="timeSeconds">t in s, strictly increasing, all ≥ <paramref name="stepTimeSeconds"/>; at least 4 points.</param>
    /// <param name="current">I at each time, any unit.</param>
    /// <param name="stepTimeSeconds">t₀ in s, the time of the potential step (I₀ is extrapolated to it).</param>
    /// <param name="currentStandardUncertainty">Standard uncertainties of I (weights 1/u²), or empty.</param>
    /// <param name="options">Solver options; null for defaults.</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <returns>The fit with the model at the estimates.</returns>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 4 points, a value is not finite, times not increasing or before t₀.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static FitResult<CurrentRelaxation> Fit(
        ReadOnlySpan<double> timeSeconds,
        ReadOnlySpan<double> current,
        double stepTimeSeconds,
        ReadOnlySpan<double> currentStandardUncertainty = default,
        NonlinearFitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckFinite(stepTimeSeconds);
        Preconditions.CheckSameLength(timeSeconds.Length, current.Length, nameof(timeSeconds), nameof(current));
        Preconditions.CheckMinimumCount(timeSeconds.Length, 4, nameof(timeSeconds), "the model has 3 parameters and needs at least one more point");
        Preconditions.CheckAllFinite(current, nameof(current));
        TransferenceData.CheckIncreasingTime(timeSeconds, nameof(timeSeconds));
        if (timeSeconds[0] < stepTimeSeconds)
        {
            throw new ArgumentException($"timeSeconds[0] is {Preconditions.Format(timeSeconds[0])} s, before the step at {Preconditions.Format(stepTimeSeconds)} s; fit only the trace after the step.", nameof(timeSeconds));
        }

        double[] weights = [];
        if (!currentStandardUncertainty.IsEmpty)
        {
            Preconditions.CheckSameLength(current.Length, currentStandardUncertainty.Length, nameof(current), nameof(currentStandardUncertainty));
            Preconditions.CheckAllPositive(currentStandardUncertainty, nameof(currentStandardUncertainty), string.Empty);
            weights = new double[current.Length];
            for (int k = 0; k < weights.Length; k++)
            {
                weights[k] = 1 / (currentStandardUncertainty[k] * currentStandardUncertainty[k]);
            }
        }

        double[] elapsed = new double[timeSeconds.Length];
        TensorPrimitives.Subtract(timeSeconds, stepTimeSeconds, elapsed);
        double[] start = StartingValues(elapsed, current);
        ImmutableArray<ParameterDefinition> definitions =
        [
            new(InitialCurrentName, "current unit"),
            new(SteadyStateCurrentName, "current unit"),
            new(TimeConstantName, "s", 0, double.PositiveInfinity),
        ];
        var model = new NonlinearModel(
            definitions,
            (theta, values) =>
            {
                for (int k = 0; k < elapsed.Length; k++)
                {
                    values[k] = theta[1] + ((theta[0] - theta[1]) * Math.Exp(-elapsed[k] / theta[2]));
                }
            },
            (theta, jacobian) =>
            {
                int n = elapsed.Length;
                for (int k = 0; k < n; k++)
                {
                    double e = Math.Exp(-elapsed[k] / theta[2]);
                    jacobian[k] = e;
                    jacobian[n + k] = 1 - e;
                    jacobian[(2 * n) + k] = (theta[0] - theta[1]) * e * elapsed[k] / (theta[2] * theta[2]);
                }
            });
        FitResult fit = NonlinearLeastSquares.Fit(model, current, start, weights, options, cancellationToken);
        return new FitResult<CurrentRelaxation>(fit, new CurrentRelaxation(fit[InitialCurrentName].Value, fit[SteadyStateCurrentName].Value, fit[TimeConstantName].Value, stepTimeSeconds));
    }

    private static double[] StartingValues(double[] elapsed, ReadOnlySpan<double> current)
    {
        int n = elapsed.Length;
        double duration = elapsed[n - 1] - elapsed[0];
        int tailStart = n - Math.Max(2, n / 10);
        double steady = 0;
        for (int k = tailStart; k < n; k++)
        {
            steady += current[k];
        }

        steady /= n - tailStart;
        double initial = current[0];
        double excess = initial - steady;
        double tau = duration / 5;
        for (int k = 1; k < n; k++)
        {
            if (Math.Abs(current[k] - steady) <= Math.Abs(excess) / Math.E)
            {
                tau = Math.Max(elapsed[k], duration / (10 * n));
                break;
            }
        }

        if (!(tau > 0))
        {
            tau = 1;
        }

        return [initial, steady, tau];
    }
}
