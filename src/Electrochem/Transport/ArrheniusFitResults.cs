using Electrochem.Constants;
using Electrochem.Fitting;

namespace Electrochem.Transport;

/// <summary>What a researcher reads off an Arrhenius fit: E_a in both units, A with its interval, predicted σ.</summary>
public static class ArrheniusFitResults
{
    /// <summary>E_a in eV with SE and confidence interval (the fitted parameter <c>ActivationEnergy</c>).</summary>
    /// <param name="fit">An Arrhenius fit.</param>
    /// <returns>The estimate in eV.</returns>
    public static ParameterEstimate ActivationEnergyElectronVolts(this FitResult<Arrhenius> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit[Arrhenius.ActivationEnergyName];
    }

    /// <summary>E_a in kJ mol⁻¹ with SE and confidence interval (eV × F/1000).</summary>
    /// <param name="fit">An Arrhenius fit.</param>
    /// <returns>The estimate in kJ mol⁻¹.</returns>
    public static ParameterEstimate ActivationEnergyKilojoulesPerMole(this FitResult<Arrhenius> fit) =>
        fit.ActivationEnergyElectronVolts().Scaled(UnitConversions.KilojoulesPerMolePerElectronVolt, "ActivationEnergyKilojoulesPerMole", "kJ/mol");

    /// <summary>A = exp(ln A) with the exact image of the log-space interval (asymmetric) and a delta-method SE.</summary>
    /// <param name="fit">An Arrhenius fit.</param>
    /// <returns>The estimate in the unit of σ (σ form) or σ·K (σT form).</returns>
    public static ParameterEstimate PreExponentialFactor(this FitResult<Arrhenius> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit[Arrhenius.LnPreExponentialFactorName].Exponentiated("PreExponentialFactor", fit.Model.Form == ArrheniusForm.Conductivity ? "σ unit" : "σ unit·K");
    }

    /// <summary>
    /// σ predicted at a temperature with the confidence interval of the fitted curve and the prediction interval of
    /// a new measurement, computed in log space and mapped back (so both are asymmetric and positive).
    /// </summary>
    /// <param name="fit">An Arrhenius fit.</param>
    /// <param name="temperatureKelvin">T in K, &gt; 0.</param>
    /// <param name="level">Confidence level in (0, 1); NaN for the fit's own.</param>
    /// <param name="newMeasurementRelativeUncertainty">
    /// Relative standard uncertainty u_σ/σ of the new measurement the prediction interval is for (its log-space weight is
    /// its inverse square); NaN (the default) means as precise as the average measurement in the fit. Ignored by an
    /// unweighted fit's default, which takes the new measurement to scatter like the fitted ones.
    /// </param>
    /// <returns>σ in the unit of the data, with intervals.</returns>
    /// <exception cref="ArgumentOutOfRangeException">T is not positive and finite, the level is outside (0, 1), or the uncertainty is not positive.</exception>
    public static Prediction Predict(this FitResult<Arrhenius> fit, double temperatureKelvin, double level = double.NaN, double newMeasurementRelativeUncertainty = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ConductivityData.CheckTemperature(temperatureKelvin);
        double weight = ConductivityData.NewMeasurementWeight(newMeasurementRelativeUncertainty);
        double x = -1 / (PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin * temperatureKelvin);
        double lnA = fit[Arrhenius.LnPreExponentialFactorName].Value;
        double ea = fit[Arrhenius.ActivationEnergyName].Value;
        double offset = fit.Model.Form == ArrheniusForm.ConductivityTimesTemperature ? -Math.Log(temperatureKelvin) : 0;
        Prediction logPrediction = fit.Predict([1.0, x], lnA + (ea * x), level, weight);
        return (logPrediction with
        {
            Value = logPrediction.Value + offset,
            ConfidenceLower = logPrediction.ConfidenceLower + offset,
            ConfidenceUpper = logPrediction.ConfidenceUpper + offset,
            PredictionLower = logPrediction.PredictionLower + offset,
            PredictionUpper = logPrediction.PredictionUpper + offset,
        }).Exponentiated();
    }
}
