using System.Collections.Immutable;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// A pointwise credible band for γ(τ) from the Bayesian view of the ridge problem: a Gaussian likelihood with the noise
/// variance σ̂² estimated from the residuals, a Gaussian smoothness prior exp(−λ·xᵀMx/(2σ̂²)), so the posterior of the
/// weights is N((AᵀA + λM)⁻¹Aᵀb, σ̂²(AᵀA + λM)⁻¹) restricted to x ≥ 0 — sampled exactly (Hamiltonian Monte Carlo with
/// reflections at the walls), seeded, so a run is reproducible. λ is held at its chosen value: the band does not
/// include the uncertainty of λ itself (compare <see cref="DrtResult.GammaAtTenthLambda"/> and
/// <see cref="DrtResult.GammaAtTenfoldLambda"/> for that).
/// </summary>
/// <remarks>
/// <para>
/// This is a Bayesian credible band, not a frequentist confidence band. Two consequences a user sees: (1) the posterior
/// mean sits above the reported DRT (the posterior mode) wherever γ is near 0, because the constraint γ ≥ 0 cuts off the
/// negative half of the posterior there — the band's lower edge is above 0 even where the DRT is 0; (2) the ridge
/// penalty biases sharp peaks low at every λ, and the band is centred on the biased solution, so it need not contain the
/// true height of a sharp peak. Where τ lies outside the measured range (the grid's extension) the data say little and
/// the band mostly shows the prior. A band for the polarisation resistance is deliberately not given: it is dominated
/// by those poorly determined ends (R_∞ trades against γ at short τ).
/// </para>
/// </remarks>
/// <param name="Level">The credible level (e.g. 0.95): the band holds the central Level of the draws at each τ.</param>
/// <param name="Samples">The number of posterior draws kept.</param>
/// <param name="Seed">The random seed used.</param>
/// <param name="Lower">γ's lower bound at each grid point τₘ, in Ω.</param>
/// <param name="Upper">γ's upper bound at each grid point τₘ, in Ω.</param>
/// <param name="Mean">γ's posterior mean at each grid point, in Ω.</param>
public sealed record DrtCredibleBand(
    double Level,
    int Samples,
    int Seed,
    ImmutableArray<double> Lower,
    ImmutableArray<double> Upper,
    ImmutableArray<double> Mean);
