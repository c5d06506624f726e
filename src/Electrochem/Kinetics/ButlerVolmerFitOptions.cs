using Electrochem.Fitting;

namespace Electrochem.Kinetics;

/// <summary>Options of <see cref="ButlerVolmer.Fit"/>. Change one with <c>with</c>.</summary>
public sealed record ButlerVolmerFitOptions
{
    /// <summary>The defaults: plain Butler–Volmer (no limiting currents), automatic start, default solver.</summary>
    public static ButlerVolmerFitOptions Default { get; } = new();

    /// <summary>
    /// Also fit the anodic and cathodic limiting current densities (as ln i_lim,a and ln i_lim,c) with the
    /// mass-transport-limited form. Use only when the curve visibly levels off on both sides. Default false.
    /// </summary>
    public bool FitLimitingCurrents { get; init; }

    /// <summary>
    /// Starting model, or null (the default) for the automatic grid start. Its values are also where parameters
    /// named in <see cref="NonlinearFitOptions.FixedParameters"/> of <see cref="Solver"/> are held.
    /// </summary>
    public ButlerVolmer? InitialGuess { get; init; }

    /// <summary>Levenberg–Marquardt options (tolerances, fixed parameters by name, confidence level). Default <see cref="NonlinearFitOptions.Default"/>.</summary>
    public NonlinearFitOptions Solver { get; init; } = NonlinearFitOptions.Default;

    /// <summary>
    /// How current residuals are weighted when no standard uncertainties are given: <see cref="CurrentWeighting.Relative"/>
    /// (default; polarisation noise is a fraction of the reading) or <see cref="CurrentWeighting.Unit"/>. Given
    /// uncertainties always set the weights 1/u².
    /// </summary>
    public CurrentWeighting Weighting { get; init; } = CurrentWeighting.Relative;

    /// <summary>
    /// The floor of relative weighting, as a fraction ε of the largest |current|: wᵢ = 1/(îᵢ² + (ε·max|i|)²), so points
    /// near zero current (where an instrument's absolute noise takes over) do not get unbounded weight. Default 1e-3.
    /// </summary>
    public double RelativeWeightFloor { get; init; } = 1e-3;
}
