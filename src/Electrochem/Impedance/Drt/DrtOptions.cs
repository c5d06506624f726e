using System.Collections.Immutable;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// Options of a DRT computation by ridge regression on radial basis functions. Change one with <c>with</c>.
/// </summary>
/// <param name="Lambda">
/// The regularisation parameter λ (&gt; 0), or null (the default) to choose it by <see cref="Criterion"/> between 10⁻⁷ and 1, in the units of the residual sum of squares per unit of the penalty (Ω² for
/// a penalty on γ in Ω): the weight of the penalty against the misfit of Z′ and Z″ together. Larger λ gives a smoother,
/// broader DRT. pyDRTtools' tutorial chooses about 3·10⁻³ for its 1-ZARC spectrum (R = 50 Ω, noise σ = 0.5 Ω).
/// </param>
/// <param name="PenaltyOrder">The derivative of γ (in ln τ) whose squared integral is penalised: 1 or 2. Default 2.</param>
/// <param name="FwhmCoefficient">
/// The basis functions' shape: the full width at half maximum of each function is the grid spacing in ln τ divided by
/// this coefficient (0.5 gives two grid steps, pyDRTtools' default; ignored by <see cref="DrtBasis.PiecewiseLinear"/>).
/// Default 0.5; from 0.01 to 10.
/// </param>
/// <param name="FitSeriesResistance">Fit R_∞ (the high-frequency intercept, ≥ 0). Default true.</param>
/// <param name="FitInductance">Fit a series inductance L₀ (≥ 0, jωL₀). Default true.</param>
public sealed record DrtOptions(
    double? Lambda = null,
    int PenaltyOrder = 2,
    double FwhmCoefficient = 0.5,
    bool FitSeriesResistance = true,
    bool FitInductance = true)
{
    /// <summary>How far the τ grid extends beyond 1/ω_max and 1/ω_min, in decades, on each side (0 to 5). Default 1.</summary>
    public double ExtensionDecades { get; init; } = 1;

    /// <summary>
    /// An explicit τ grid in seconds: ascending, log-uniform (steps equal within 1 %), 5 to
    /// <see cref="DistributionOfRelaxationTimes.MaximumGridPoints"/> points. Empty (the default) for the automatic grid.
    /// </summary>
    public ImmutableArray<double> Tau { get; init; } = [];

    /// <summary>The radial basis function γ is expanded on. Default <see cref="DrtBasis.Gaussian"/>.</summary>
    public DrtBasis Basis { get; init; } = DrtBasis.Gaussian;

    /// <summary>How λ is chosen when <see cref="Lambda"/> is null. Default <see cref="DrtLambdaCriterion.Gcv"/>.</summary>
    public DrtLambdaCriterion Criterion { get; init; } = DrtLambdaCriterion.Gcv;

    /// <summary>Which part of the spectrum is fitted. Default <see cref="DrtDataPart.Combined"/>.</summary>
    public DrtDataPart Part { get; init; } = DrtDataPart.Combined;

    /// <summary>
    /// The measurement noise's standard deviation in Ω (per value of Z′ or Z″), needed only by
    /// <see cref="DrtLambdaCriterion.Discrepancy"/>; null (the default) when unknown. There is no default: a guessed
    /// noise level sets λ.
    /// </summary>
    public double? NoiseStandardDeviation { get; init; }

    /// <summary>
    /// Posterior draws for the credible band (<see cref="DrtResult.Band"/>): 0 (the default) for no band, else 100 to
    /// 100,000. 1,000 gives the 2.5 % and 97.5 % quantiles to about ±1 % of the band's width.
    /// </summary>
    public int CredibleBandSamples { get; init; }

    /// <summary>The credible band's level, between 0.5 and 0.999. Default 0.95.</summary>
    public double CredibleLevel { get; init; } = 0.95;

    /// <summary>The random seed of the band's sampler, so a band is reproducible. Default 1.</summary>
    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        if (!Enum.IsDefined(Part))
        {
            throw new ArgumentOutOfRangeException(nameof(Part), Part, "The fitted part must be Combined, Real or Imaginary.");
        }

        if (CredibleBandSamples != 0 && (CredibleBandSamples < 100 || CredibleBandSamples > 100_000))
        {
            throw new ArgumentOutOfRangeException(nameof(CredibleBandSamples), CredibleBandSamples, "The credible band needs 100 to 100,000 posterior draws (1,000 is usual), or 0 for no band.");
        }

        if (!(CredibleLevel >= 0.5 && CredibleLevel <= 0.999))
        {
            throw new ArgumentOutOfRangeException(nameof(CredibleLevel), CredibleLevel, "The credible level must lie between 0.5 and 0.999 (0.95 for a 95 % band).");
        }

        if (NoiseStandardDeviation is { } noise && (!(noise > 0) || !double.IsFinite(noise)))
        {
            throw new ArgumentOutOfRangeException(nameof(NoiseStandardDeviation), NoiseStandardDeviation, "The noise standard deviation must be a finite number of ohms > 0.");
        }

        if (Lambda is null && Criterion == DrtLambdaCriterion.Discrepancy && NoiseStandardDeviation is null)
        {
            throw new ArgumentException("The discrepancy principle chooses λ so that the residuals match the measurement noise: give the noise's standard deviation in Ω (NoiseStandardDeviation), or choose λ by GCV.", nameof(NoiseStandardDeviation));
        }

        if (!Enum.IsDefined(Criterion))
        {
            throw new ArgumentOutOfRangeException(nameof(Criterion), Criterion, $"The λ criterion must be one of {string.Join(", ", Enum.GetNames<DrtLambdaCriterion>())}.");
        }

        if (!Enum.IsDefined(Basis))
        {
            throw new ArgumentOutOfRangeException(nameof(Basis), Basis, $"The basis must be one of {string.Join(", ", Enum.GetNames<DrtBasis>())}.");
        }

        if (!Tau.IsDefaultOrEmpty)
        {
            if (Tau.Length < 5 || Tau.Length > DistributionOfRelaxationTimes.MaximumGridPoints)
            {
                throw new ArgumentOutOfRangeException(nameof(Tau), Tau.Length, $"An explicit τ grid needs 5 to {DistributionOfRelaxationTimes.MaximumGridPoints} points.");
            }

            double first = Math.Log(Tau[1] / Tau[0]);
            for (int i = 0; i < Tau.Length; i++)
            {
                if (!(Tau[i] > 0) || !double.IsFinite(Tau[i]) || (i > 0 && !(Math.Abs(Math.Log(Tau[i] / Tau[i - 1]) - first) <= 0.01 * Math.Abs(first))) || !(first > 0))
                {
                    throw new ArgumentException($"An explicit τ grid must be positive, ascending and log-uniform (equal steps in ln τ); point {i + 1} ({Tau[i]} s) is not.", nameof(Tau));
                }
            }
        }

        if (Lambda is { } lambda && (!(lambda > 0) || !double.IsFinite(lambda)))
        {
            throw new ArgumentOutOfRangeException(nameof(Lambda), Lambda, "λ must be a finite number > 0 (try 1e-3 for a spectrum of tens of ohms).");
        }

        if (PenaltyOrder is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(PenaltyOrder), PenaltyOrder, "The penalty order must be 1 (first derivative of γ) or 2 (second derivative).");
        }

        if (Basis == DrtBasis.Cauchy && PenaltyOrder == 2)
        {
            throw new ArgumentException("The Cauchy basis has a kink at its centre, so its second derivative holds a Dirac delta and a second-derivative penalty is infinite: use PenaltyOrder 1 with it, or another basis (Gaussian, InverseQuadratic, PiecewiseLinear).", nameof(PenaltyOrder));
        }

        if (!(FwhmCoefficient >= 0.01 && FwhmCoefficient <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(FwhmCoefficient), FwhmCoefficient, "The FWHM coefficient must lie between 0.01 and 10 (0.5 makes each basis function two grid steps wide at half height).");
        }

        if (!(ExtensionDecades >= 0 && ExtensionDecades <= 5))
        {
            throw new ArgumentOutOfRangeException(nameof(ExtensionDecades), ExtensionDecades, "The τ grid's extension beyond the data must lie between 0 and 5 decades.");
        }
    }
}
