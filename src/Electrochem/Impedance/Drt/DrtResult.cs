using System.Collections.Immutable;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// A distribution of relaxation times: γ(τ) = Σₘ xₘ·φ(ε·ln(τ/τₘ)) on the grid τₘ, with R_∞ and L₀, and the spectrum
/// it reconstructs. τ = 1/ω (ω in rad/s, so a process at f has τ = 1/(2πf)); γ in Ω per unit of ln τ, so the area
/// ∫γ d ln τ of a process is its resistance.
/// </summary>
/// <param name="Basis">The radial basis function γ is expanded on.</param>
/// <param name="Tau">The grid τₘ, in seconds, ascending (log-uniform).</param>
/// <param name="Weights">The basis weights xₘ (≥ 0), in Ω.</param>
/// <param name="ShapeFactor">ε of the basis functions, per unit ln τ.</param>
/// <param name="SeriesResistance">R_∞ in Ω, or null when it was not part of the model (not fitted, or an imaginary-only fit).</param>
/// <param name="Inductance">L₀ in H, or null when it was not part of the model (not fitted, or a real-only fit).</param>
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
    double? SeriesResistance,
    double? Inductance,
    double Lambda,
    DrtLambdaCriterion? Criterion,
    ImmutableArray<DrtCriterionPoint> CriterionCurve,
    ImpedanceSpectrum Reconstructed,
    ImmutableArray<double> RelativeResidualsReal,
    ImmutableArray<double> RelativeResidualsImaginary,
    bool Converged,
    int Iterations)
{
    /// <summary>The part of the spectrum fitted.</summary>
    public DrtDataPart Part { get; init; }

    /// <summary>
    /// The noise standard deviation estimated from the fit, in Ω: σ̂ = √(‖b − Ax‖² / (N − tr K)), with tr K the effective
    /// number of parameters of the ridge problem at λ. Compare it with the instrument's noise.
    /// </summary>
    public double NoiseStandardDeviation { get; init; }

    /// <summary>γ at the grid points with λ/10 (less smoothing), in Ω: peaks that appear or vanish between this, <see cref="GammaOnGrid"/> and <see cref="GammaAtTenfoldLambda"/> depend on λ, not on the data alone.</summary>
    public ImmutableArray<double> GammaAtTenthLambda { get; init; } = [];

    /// <summary>γ at the grid points with 10λ (more smoothing), in Ω.</summary>
    public ImmutableArray<double> GammaAtTenfoldLambda { get; init; } = [];

    /// <summary>The credible band of γ, or null when <see cref="DrtOptions.CredibleBandSamples"/> was 0.</summary>
    public DrtCredibleBand? Band { get; init; }

    /// <summary>What the computation noticed that a user should know (λ at the end of its search, parts of the model left out), in plain words.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

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
