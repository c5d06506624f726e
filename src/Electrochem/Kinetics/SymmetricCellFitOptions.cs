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
}
