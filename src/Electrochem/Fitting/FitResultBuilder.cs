using System.Collections.Immutable;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Electrochem.Fitting;

/// <summary>
/// Turns a solver's final state into a <see cref="FitResult"/>: scales the inverse normal matrix into a covariance,
/// derives standard errors, t-intervals and goodness of fit. Shared by the linear and nonlinear engines.
/// </summary>
internal static class FitResultBuilder
{
    /// <param name="definitions">All parameters.</param>
    /// <param name="values">All parameter values.</param>
    /// <param name="isFixed">Which parameters were held fixed.</param>
    /// <param name="bounds">Where each parameter ended relative to its bounds.</param>
    /// <param name="covarianceIndices">Parameters covered by <paramref name="inverseNormalMatrix"/>, in its order.</param>
    /// <param name="inverseNormalMatrix">(JᵀWJ)⁻¹ over <paramref name="covarianceIndices"/>, or empty when singular.</param>
    /// <param name="residuals">Unweighted residuals y − f; the result takes ownership.</param>
    /// <param name="observed">Observations y.</param>
    /// <param name="weights">Weights, or empty for unit weights.</param>
    /// <param name="freeParameterCount">P, the number of adjusted parameters (fixed ones excluded).</param>
    /// <param name="options">Confidence level and weight interpretation.</param>
    /// <param name="status">Final status.</param>
    /// <param name="reason">Status in words.</param>
    /// <param name="iterations">Iterations taken.</param>
    internal static FitResult Build(
        ImmutableArray<ParameterDefinition> definitions,
        ReadOnlySpan<double> values,
        ReadOnlySpan<bool> isFixed,
        ReadOnlySpan<BoundState> bounds,
        ReadOnlySpan<int> covarianceIndices,
        ReadOnlySpan<double> inverseNormalMatrix,
        double[] residuals,
        ReadOnlySpan<double> observed,
        ReadOnlySpan<double> weights,
        int freeParameterCount,
        (double ConfidenceLevel, bool WeightsAreAbsolute) options,
        FitStatus status,
        string reason,
        int iterations)
    {
        int n = residuals.Length;
        int p = definitions.Length;
        double ssr = TensorPrimitives.SumOfSquares<double>(residuals);
        double chiSquare = weights.IsEmpty ? ssr : WeightedSumOfSquares(residuals, weights);
        double totalSumOfSquares = WeightedTotalSumOfSquares(observed, weights);
        GoodnessOfFit statistics = GoodnessOfFit.Create(n, freeParameterCount, ssr, chiSquare, totalSumOfSquares);

        double scale = options.WeightsAreAbsolute ? 1.0 : statistics.ReducedChiSquare;
        var covariance = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            if (!isFixed[i])
            {
                covariance[(i * p) + i] = double.NaN;
            }
        }

        int k = covarianceIndices.Length;
        if (!inverseNormalMatrix.IsEmpty)
        {
            for (int a = 0; a < k; a++)
            {
                for (int b = 0; b < k; b++)
                {
                    covariance[(covarianceIndices[a] * p) + covarianceIndices[b]] = scale * inverseNormalMatrix[(a * k) + b];
                }
            }
        }

        double t = StudentT.CriticalValue(statistics.DegreesOfFreedom, options.ConfidenceLevel, options.WeightsAreAbsolute);
        var estimates = ImmutableArray.CreateBuilder<ParameterEstimate>(p);
        for (int i = 0; i < p; i++)
        {
            double se = isFixed[i] ? 0.0 : Math.Sqrt(covariance[(i * p) + i]);
            double halfWidth = isFixed[i] ? 0.0 : t * se;
            ParameterDefinition definition = definitions[i];
            estimates.Add(new ParameterEstimate(definition.Name, definition.Unit, values[i], se, values[i] - halfWidth, values[i] + halfWidth, isFixed[i], bounds[i]));
        }

        return new FitResult
        {
            Parameters = estimates.MoveToImmutable(),
            Covariance = new ParameterMatrix(definitions.Select(d => d.Name).ToImmutableArray(), covariance),
            Residuals = ImmutableCollectionsMarshal.AsImmutableArray(residuals), // the builder owns the array: no copy
            Statistics = statistics,
            ConfidenceLevel = options.ConfidenceLevel,
            Status = status,
            StatusReason = reason,
            Iterations = iterations,
            WeightsAreAbsolute = options.WeightsAreAbsolute,
            MeanWeight = weights.IsEmpty ? 1.0 : TensorPrimitives.Sum(weights) / weights.Length,
        };
    }

    /// <summary>Checks weights: empty, or one finite positive value per observation.</summary>
    internal static void ValidateWeights(ReadOnlySpan<double> weights, int observationCount, string name)
    {
        if (weights.IsEmpty)
        {
            return;
        }

        Preconditions.CheckSameLength(observationCount, weights.Length, "the observations", name);
        Preconditions.CheckAllPositive(weights, name, string.Empty);
    }

    private static double WeightedSumOfSquares(ReadOnlySpan<double> residuals, ReadOnlySpan<double> weights)
    {
        double sum = 0;
        for (int i = 0; i < residuals.Length; i++)
        {
            sum += weights[i] * residuals[i] * residuals[i];
        }

        return sum;
    }

    private static double WeightedTotalSumOfSquares(ReadOnlySpan<double> observed, ReadOnlySpan<double> weights)
    {
        if (weights.IsEmpty)
        {
            double mean = TensorPrimitives.Sum(observed) / observed.Length;
            double sum = 0;
            foreach (double y in observed)
            {
                sum += (y - mean) * (y - mean);
            }

            return sum;
        }

        double weightedMean = TensorPrimitives.Dot(observed, weights) / TensorPrimitives.Sum(weights);
        double total = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            total += weights[i] * (observed[i] - weightedMean) * (observed[i] - weightedMean);
        }

        return total;
    }
}
