using Electrochem.Fitting;

namespace Electrochem.Kinetics;

/// <summary>What a researcher reads off a symmetric-cell fit: each electrode's exchange current density in linear units.</summary>
public static class SymmetricCellFitResults
{
    /// <summary>
    /// i₀ of each (identical) electrode = exp(ln i₀), with the exact image of the log-space interval (asymmetric) and a
    /// delta-method SE, in the unit of the current density.
    /// </summary>
    /// <param name="fit">A symmetric-cell fit.</param>
    /// <returns>The estimate of i₀.</returns>
    public static ParameterEstimate ExchangeCurrentDensity(this FitResult<SymmetricCell> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit[SymmetricCell.LnExchangeCurrentDensityName].Exponentiated("ExchangeCurrentDensity", "current-density unit");
    }
}
