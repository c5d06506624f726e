using Electrochem.Fitting;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// One peak of a peak fit of a DRT (<see cref="DrtPeakFit.FitShapes"/>): its resistance, position and width, each with the
/// fit's standard error and confidence interval.
/// </summary>
/// <remarks>
/// The standard errors say how closely the shape describes the computed γ curve: its samples are not independent
/// measurements (they are a smooth function of a few weights, sampled 10 per grid step), so they are not the
/// uncertainty from the measurement's noise. For that, look at how the peak moves with λ and at the DRT's credible band.
/// </remarks>
/// <param name="Shape">The peak's shape.</param>
/// <param name="Resistance">Rₖ = ∫γₖ d ln τ, in Ω: the process's resistance.</param>
/// <param name="Tau">τₖ, in s: the centre of the peak (for the ZARC its characteristic time τ₀). Fitted as ln τₖ; the interval is the exact image of ln τₖ's and so is asymmetric.</param>
/// <param name="ShapeParameter">σₖ (Gaussian: the standard deviation in ln τ, dimensionless) or φₖ (ZARC: the exponent, 0 to 1).</param>
public sealed record DrtFittedPeak(
    DrtPeakShape Shape,
    ParameterEstimate Resistance,
    ParameterEstimate Tau,
    ParameterEstimate ShapeParameter)
{
    /// <summary>The peak's frequency f = 1/(2πτₖ), in Hz.</summary>
    public double Frequency => 1 / (2 * Math.PI * Tau.Value);

    /// <summary>γₖ(τ) of this peak alone, in Ω: for plotting it against the DRT.</summary>
    /// <param name="tauSeconds">τ, in s (&gt; 0).</param>
    /// <returns>γₖ(τ).</returns>
    /// <exception cref="ArgumentOutOfRangeException">τ is not a finite time &gt; 0.</exception>
    public double Gamma(double tauSeconds)
    {
        if (!(tauSeconds > 0) || !double.IsFinite(tauSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(tauSeconds), tauSeconds, "τ must be a finite time > 0 s.");
        }

        return DrtPeakFunctions.Value(Shape, Resistance.Value, Math.Log(Tau.Value), ShapeParameter.Value, Math.Log(tauSeconds));
    }
}
