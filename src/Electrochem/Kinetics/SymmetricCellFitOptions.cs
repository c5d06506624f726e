using Electrochem.Fitting;

namespace Electrochem.Kinetics;

/// <summary>Options of <see cref="SymmetricCell.Fit"/>. Change one with <c>with</c>.</summary>
public sealed record SymmetricCellFitOptions
{
    /// <summary>The defaults: α held at ½, default solver.</summary>
    public static SymmetricCellFitOptions Default { get; } = new();

    /// <summary>Fit the common transfer coefficient α = α_a = α_c (true) or hold it at <see cref="TransferCoefficient"/> (false, the default).</summary>
    public bool FitTransferCoefficient { get; init; }

    /// <summary>α held (or started from, when fitted); default ½.</summary>
    public double TransferCoefficient { get; init; } = 0.5;

    /// <summary>Levenberg–Marquardt options. Default <see cref="NonlinearFitOptions.Default"/>.</summary>
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
