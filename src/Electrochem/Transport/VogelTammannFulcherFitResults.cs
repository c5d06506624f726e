using Electrochem.Constants;
using Electrochem.Fitting;

namespace Electrochem.Transport;

/// <summary>What a researcher reads off a VTF fit: the pseudo-activation energy in both units, A, and predicted σ.</summary>
public static class VogelTammannFulcherFitResults
{
    /// <summary>Pseudo-activation energy k_B·B in eV, with SE and confidence interval.</summary>
    /// <param name="fit">A VTF fit.</param>
    /// <returns>The estimate in eV.</returns>
    public static ParameterEstimate PseudoActivationEnergyElectronVolts(this FitResult<VogelTammannFulcher> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit[VogelTammannFulcher.PseudoActivationTemperatureName].Scaled(PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin, "PseudoActivationEnergy", "eV");
    }

    /// <summary>Pseudo-activation energy R·B in kJ mol⁻¹, with SE and confidence interval.</summary>
    /// <param name="fit">A VTF fit.</param>
    /// <returns>The estimate in kJ mol⁻¹.</returns>
    public static ParameterEstimate PseudoActivationEnergyKilojoulesPerMole(this FitResult<VogelTammannFulcher> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit[VogelTammannFulcher.PseudoActivationTemperatureName].Scaled(PhysicalConstants.MolarGasConstant / 1000, "PseudoActivationEnergyKilojoulesPerMole", "kJ/mol");
    }

    /// <summary>A = exp(ln A) with the exact image of its log-space interval.</summary>
    /// <param name="fit">A VTF fit.</param>
    /// <returns>The estimate in σ unit·K^½.</returns>
    public static ParameterEstimate PreExponentialFactor(this FitResult<VogelTammannFulcher> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit[VogelTammannFulcher.LnPreExponentialFactorName].Exponentiated("PreExponentialFactor", "σ unit·K^½");
    }

    /// <summary>σ predicted at a temperature above T₀, with confidence and prediction intervals from log space (delta method).</summary>
    /// <param name="fit">A VTF fit.</param>
    /// <param name="temperatureKelvin">T in K, above the fitted T₀.</param>
    /// <param name="level">Confidence level in (0, 1); NaN for the fit's own.</param>
    /// <param name="newMeasurementRelativeUncertainty">Relative standard uncertainty u_σ/σ of the new measurement; NaN (default) for one as precise as the average fitted one.</param>
    /// <returns>σ with intervals.</returns>
    /// <exception cref="ArgumentOutOfRangeException">T is not finite or not above T₀, or the uncertainty is not positive.</exception>
    public static Prediction Predict(this FitResult<VogelTammannFulcher> fit, double temperatureKelvin, double level = double.NaN, double newMeasurementRelativeUncertainty = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(fit);
        double weight = ConductivityData.NewMeasurementWeight(newMeasurementRelativeUncertainty);
        double value = fit.Model.Evaluate(temperatureKelvin);
        double inverseGap = 1 / (temperatureKelvin - fit.Model.IdealGlassTransitionTemperature);
        double b = fit.Model.PseudoActivationTemperature;
        return fit.Predict([1.0, -inverseGap, -b * inverseGap * inverseGap], Math.Log(value), level, weight).Exponentiated();
    }
}
