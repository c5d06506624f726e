using Electrochem.Fitting;

namespace Electrochem.Kinetics;

/// <summary>What a researcher reads off a Butler–Volmer fit: i₀ and the limiting currents in linear units with honest intervals.</summary>
public static class ButlerVolmerFitResults
{
    /// <summary>i₀ = exp(ln i₀) with the exact image of the log-space interval (asymmetric) and a delta-method SE, in the unit of the current density.</summary>
    /// <param name="fit">A Butler–Volmer fit.</param>
    /// <returns>The estimate of i₀.</returns>
    public static ParameterEstimate ExchangeCurrentDensity(this FitResult<ButlerVolmer> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit[ButlerVolmer.LnExchangeCurrentDensityName].Exponentiated("ExchangeCurrentDensity", "current-density unit");
    }

    /// <summary>i_lim,a = exp(ln i_lim,a) with the exact image of its interval.</summary>
    /// <param name="fit">A Butler–Volmer fit made with <see cref="ButlerVolmerFitOptions.FitLimitingCurrents"/>.</param>
    /// <returns>The estimate of the anodic limiting current density.</returns>
    /// <exception cref="KeyNotFoundException">The limiting currents were not fitted.</exception>
    public static ParameterEstimate AnodicLimitingCurrentDensity(this FitResult<ButlerVolmer> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit[ButlerVolmer.LnAnodicLimitingCurrentDensityName].Exponentiated("AnodicLimitingCurrentDensity", "current-density unit");
    }

    /// <summary>|i_lim,c| = exp(ln |i_lim,c|) with the exact image of its interval.</summary>
    /// <param name="fit">A Butler–Volmer fit made with <see cref="ButlerVolmerFitOptions.FitLimitingCurrents"/>.</param>
    /// <returns>The estimate of the cathodic limiting current density (a magnitude).</returns>
    /// <exception cref="KeyNotFoundException">The limiting currents were not fitted.</exception>
    public static ParameterEstimate CathodicLimitingCurrentDensity(this FitResult<ButlerVolmer> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit[ButlerVolmer.LnCathodicLimitingCurrentDensityName].Exponentiated("CathodicLimitingCurrentDensity", "current-density unit");
    }
}
