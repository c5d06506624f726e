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
}
