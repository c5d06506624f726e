using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// A fit of a sum of peak shapes to a DRT (<see cref="DrtPeakFit.FitShapes"/>): each peak's resistance, position and width,
/// their total, and the least-squares fit behind them (goodness, convergence, covariance).
/// </summary>
/// <remarks>
/// The standard errors and intervals measure how well the shapes describe the computed γ curve, not the measurement's
/// noise: γ's samples are a smooth function of the DRT's weights, not independent measurements, so the errors shrink with
/// the sampling and say nothing about how far γ itself could move. How γ depends on λ (and the DRT's credible band)
/// answers that. Compare <see cref="TotalResistance"/> with <see cref="PolarizationResistance"/>: a large difference
/// means the shapes miss part of γ (Gaussian tails fall faster than a ZARC's, or a process was left out).
/// </remarks>
/// <param name="Shape">The peak shape fitted.</param>
/// <param name="Peaks">The peaks in ascending τ. Each estimate keeps the name it has in <paramref name="Fit"/> (R1, lnTau1, sigma1 or phi1, …, numbered in the order the peaks were started), so the covariance can be looked up by name.</param>
/// <param name="TotalResistance">ΣRₖ in Ω, with its standard error √(Σᵢⱼ Cov(Rᵢ, Rⱼ)) and interval.</param>
/// <param name="PolarizationResistance">The DRT's whole area ∫γ d ln τ, in Ω, for comparison.</param>
/// <param name="Fit">The least-squares fit of the peaks to γ sampled 10 points per grid step over the grid: estimates in the fitted form (ln τₖ), goodness of fit, status and covariance.</param>
/// <param name="Warnings">What the fit noticed: peaks added or left out, a total far from the DRT's area, no convergence.</param>
public sealed record DrtPeakFitResult(
    DrtPeakShape Shape,
    ImmutableArray<DrtFittedPeak> Peaks,
    ParameterEstimate TotalResistance,
    double PolarizationResistance,
    FitResult Fit,
    ImmutableArray<string> Warnings)
{
    /// <summary>True when the fit converged with every parameter inside its bounds.</summary>
    public bool Converged => Fit.Converged;

    /// <summary>The sum of the fitted peaks at τ, in Ω: for plotting against the DRT.</summary>
    /// <param name="tauSeconds">τ, in s (&gt; 0).</param>
    /// <returns>Σγₖ(τ).</returns>
    /// <exception cref="ArgumentOutOfRangeException">τ is not a finite time &gt; 0.</exception>
    public double Gamma(double tauSeconds) => Peaks.Sum(peak => peak.Gamma(tauSeconds));
}
