using System.Collections.Immutable;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// A distribution of relaxation times: γ(τ) = Σₘ xₘ·exp(−(ε·ln(τ/τₘ))²) on the grid τₘ, with R_∞ and L₀, and the spectrum
/// it reconstructs. τ = 1/ω (ω in rad/s, so a process at f has τ = 1/(2πf)); γ in Ω per unit of ln τ, so the area
/// ∫γ d ln τ of a process is its resistance.
/// </summary>
/// <param name="Basis">The radial basis function γ is expanded on.</param>
/// <param name="Tau">The grid τₘ, in seconds, ascending (log-uniform).</param>
/// <param name="Weights">The basis weights xₘ (≥ 0), in Ω.</param>
/// <param name="ShapeFactor">ε of the Gaussians, per unit ln τ.</param>
/// <param name="SeriesResistance">R_∞ in Ω (0 when not fitted).</param>
/// <param name="Inductance">L₀ in H (0 when not fitted).</param>
/// <param name="Lambda">The λ used: given, or chosen by <paramref name="Criterion"/>.</param>
/// <param name="Criterion">The criterion that chose λ, or null when it was given.</param>
/// <param name="CriterionCurve">The criterion at the λ tried (10 per decade from 10⁻⁷ to 1, then the refined minimum), ascending in λ; empty when λ was given.</param>
/// <param name="Reconstructed">Z computed from the DRT at the data's frequencies.</param>
/// <param name="RelativeResidualsReal">(Z′ − Ẑ′)/|Z| at each frequency.</param>
/// <param name="RelativeResidualsImaginary">(Z″ − Ẑ″)/|Z| at each frequency.</param>
/// <param name="Converged">True when the non-negative solve met its optimality conditions.</param>
/// <param name="Iterations">Active-set iterations of the non-negative solve.</param>
public sealed record DrtResult(
    DrtBasis Basis,
    ImmutableArray<double> Tau,
    ImmutableArray<double> Weights,
    double ShapeFactor,
    double SeriesResistance,
    double Inductance,
    double Lambda,
    DrtLambdaCriterion? Criterion,
    ImmutableArray<DrtCriterionPoint> CriterionCurve,
    ImpedanceSpectrum Reconstructed,
    ImmutableArray<double> RelativeResidualsReal,
    ImmutableArray<double> RelativeResidualsImaginary,
    bool Converged,
    int Iterations)
{
    /// <summary>γ at the grid points, in Ω: computed on each call (O(grid²)), so keep it in a local.</summary>
    public ImmutableArray<double> GammaOnGrid => [.. Tau.Select(Gamma)];

    /// <summary>The total polarisation resistance ∫γ d ln τ = Σ xₘ·∫φ, in Ω (√π/ε per unit weight for the Gaussian).</summary>
    public double PolarizationResistance => Weights.Sum() * DrtBasisKernels.Area(Basis, ShapeFactor, Step);

    private double Step => Math.Log(Tau[^1] / Tau[0]) / (Tau.Length - 1);

    /// <summary>γ(τ), in Ω.</summary>
    /// <param name="tauSeconds">τ in seconds (&gt; 0).</param>
    /// <returns>γ(τ).</returns>
    public double Gamma(double tauSeconds)
    {
        double y = Math.Log(tauSeconds);
        double step = Step;
        double sum = 0;
        for (int m = 0; m < Tau.Length; m++)
        {
            sum += Weights[m] * DrtBasisKernels.Value(Basis, ShapeFactor, step, y - Math.Log(Tau[m]));
        }

        return sum;
    }
}
