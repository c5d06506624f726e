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
}
