namespace Electrochem.Transport;

/// <summary>Checks and transforms shared by the conductivity–temperature models.</summary>
internal static class ConductivityData
{
    /// <summary>Validates (T, σ, u_σ) and returns the log-space weights wᵢ = (σᵢ/u_σ,ᵢ)² (empty when no uncertainties).</summary>
    internal static double[] Validate(ReadOnlySpan<double> temperatureKelvin, ReadOnlySpan<double> conductivity, ReadOnlySpan<double> conductivityStandardUncertainty, int parameterCount)
    {
        Preconditions.CheckSameLength(temperatureKelvin.Length, conductivity.Length, nameof(temperatureKelvin), nameof(conductivity));
        Preconditions.CheckMinimumCount(temperatureKelvin.Length, parameterCount + 1, nameof(temperatureKelvin),
            $"the model has {parameterCount} parameters and needs at least one more point to estimate their uncertainty");
        Preconditions.CheckAllPositive(temperatureKelvin, nameof(temperatureKelvin), " K");
        Preconditions.CheckAllPositive(conductivity, nameof(conductivity), string.Empty);
        double first = temperatureKelvin[0];
        bool allEqual = true;
        foreach (double t in temperatureKelvin)
        {
            allEqual &= t == first;
        }

        if (allEqual)
        {
            throw new ArgumentException(
                $"All {temperatureKelvin.Length} temperatures are {Preconditions.Format(first)} K; a temperature dependence needs at least two distinct temperatures.",
                nameof(temperatureKelvin));
        }

        if (conductivityStandardUncertainty.IsEmpty)
        {
            return [];
        }

        Preconditions.CheckSameLength(conductivity.Length, conductivityStandardUncertainty.Length, nameof(conductivity), nameof(conductivityStandardUncertainty));
        Preconditions.CheckAllPositive(conductivityStandardUncertainty, nameof(conductivityStandardUncertainty), string.Empty);
        var weights = new double[conductivity.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            double relative = conductivityStandardUncertainty[i] / conductivity[i];
            weights[i] = 1 / (relative * relative);
        }

        return weights;
    }

    /// <summary>Log-space weight 1/r² of a new measurement with relative uncertainty r; NaN passes through (the fit's mean weight).</summary>
    internal static double NewMeasurementWeight(double relativeUncertainty)
    {
        if (double.IsNaN(relativeUncertainty))
        {
            return double.NaN;
        }

        Preconditions.CheckPositive(relativeUncertainty, "newMeasurementRelativeUncertainty");
        return 1 / (relativeUncertainty * relativeUncertainty);
    }

    internal static void CheckTemperature(double temperatureKelvin)
    {
        if (!(temperatureKelvin > 0) || !double.IsFinite(temperatureKelvin))
        {
            throw new ArgumentOutOfRangeException(nameof(temperatureKelvin), temperatureKelvin,
                $"temperatureKelvin must be a finite absolute temperature greater than 0 K but was {Preconditions.Format(temperatureKelvin)} K.");
        }
    }
}
