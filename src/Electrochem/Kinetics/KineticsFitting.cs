namespace Electrochem.Kinetics;

/// <summary>Weights and checks shared by the kinetics fits.</summary>
internal static class KineticsFitting
{
    /// <summary>Weights 1/uᵢ² from standard uncertainties, or an empty array for equal weights.</summary>
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
