using System.Numerics.Tensors;
using Electrochem.Fitting;
namespace Electrochem.Kinetics;

/// <summary>Weights and checks shared by the kinetics fits.</summary>
internal static class KineticsFitting
{
    /// <summary>Weights 1/uᵢ² from standard uncertainties, or an empty array for equal weights.</summary>
    /// <summary>
    /// Checks one polarisation curve (x, i) for a fit with <paramref name="parameterCount"/> parameters — equal lengths,
    /// at least P + 1 points, every value finite — and returns its weights 1/u² (empty for an unweighted fit).
    /// </summary>
    internal static double[] CheckedCurveWeights(ReadOnlySpan<double> x, ReadOnlySpan<double> currentDensity, ReadOnlySpan<double> currentDensityStandardUncertainty, int parameterCount, string xName)
    {
        Preconditions.CheckSameLength(x.Length, currentDensity.Length, xName, nameof(currentDensity));
        Preconditions.CheckMinimumCount(x.Length, parameterCount + 1, xName,
            $"the model has {parameterCount} parameters and needs at least one more point to estimate their uncertainty");
        Preconditions.CheckAllFinite(x, xName);
        Preconditions.CheckAllFinite(currentDensity, nameof(currentDensity));
        return Weights(currentDensityStandardUncertainty, currentDensity.Length, nameof(currentDensityStandardUncertainty));
    }

    internal static double[] Weights(ReadOnlySpan<double> standardUncertainty, int count, string name)
    {
        if (standardUncertainty.IsEmpty)
        {
            return [];
        }

        Preconditions.CheckSameLength(count, standardUncertainty.Length, "currentDensity", name);
        Preconditions.CheckAllPositive(standardUncertainty, name, string.Empty);
        var weights = new double[count];
        for (int i = 0; i < count; i++)
        {
            weights[i] = 1 / (standardUncertainty[i] * standardUncertainty[i]);
        }

        return weights;
    }

    /// <summary>Reweighting passes after the unweighted start under <see cref="CurrentWeighting.Relative"/>.</summary>
    internal const int ReweightingPasses = 3;

    /// <summary>
    /// Fits a current model with the noise model asked for: the given weights when uncertainties were given; otherwise
    /// equal weights (<see cref="CurrentWeighting.Unit"/>) or, for <see cref="CurrentWeighting.Relative"/>, an unweighted
    /// fit followed by <see cref="ReweightingPasses"/> refits with wᵢ = 1/(îᵢ² + (floor·max|i|)²) at the previous estimates.
    /// </summary>
    internal static FitResult FitCurrents(
        NonlinearModel model,
        ReadOnlySpan<double> currentDensity,
        double[] start,
        double[] givenWeights,
        CurrentWeighting weighting,
        double floor,
        NonlinearFitOptions solver,
        CancellationToken cancellationToken)
    {
        FitResult fit = NonlinearLeastSquares.Fit(model, currentDensity, start, givenWeights, solver, cancellationToken);
        if (givenWeights.Length > 0 || weighting == CurrentWeighting.Unit)
        {
            return fit;
        }

        int n = currentDensity.Length;
        // MaxMagnitude returns the signed value of largest magnitude: take its absolute value.
        double floorCurrent = floor * Math.Abs(TensorPrimitives.MaxMagnitude(currentDensity));
        if (!(floorCurrent > 0) || !double.IsFinite(1 / (floorCurrent * floorCurrent)))
        {
            return fit;
        }
        var predicted = new double[n];
        var weights = new double[n];
        var theta = new double[model.Parameters.Length];
        for (int pass = 0; pass < ReweightingPasses && fit.Status != FitStatus.NonFiniteModelValue; pass++)
        {
            for (int j = 0; j < theta.Length; j++)
            {
                theta[j] = fit.Parameters[j].Value;
            }

            model.Function(theta, predicted);
            if (!Array.TrueForAll(predicted, double.IsFinite))
            {
                break;
            }

            for (int k = 0; k < n; k++)
            {
                weights[k] = 1 / ((predicted[k] * predicted[k]) + (floorCurrent * floorCurrent));
            }

            fit = NonlinearLeastSquares.Fit(model, currentDensity, theta, weights, solver, cancellationToken);
        }

        return fit;
    }

    /// <summary>Checks a weighting choice and its floor.</summary>
    internal static void CheckWeighting(CurrentWeighting weighting, double floor, string name)
    {
        if (!Enum.IsDefined(weighting))
        {
            throw new ArgumentOutOfRangeException(name, weighting, "Weighting must be CurrentWeighting.Relative or CurrentWeighting.Unit.");
        }

        if (!(floor > 0 && floor < 1))
        {
            throw new ArgumentOutOfRangeException(name, floor, $"The relative weighting floor must be in (0, 1), a fraction of the largest |current| (default 1e-3), but was {Preconditions.Format(floor)}.");
        }
    }
}
