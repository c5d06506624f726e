namespace Electrochem.Transport;

/// <summary>How the steady-state current I_ss of a Bruce–Vincent analysis is obtained.</summary>
public enum SteadyStateCurrentMethod
{
    /// <summary>The mean of the final plateau window (<see cref="BruceVincentOptions.PlateauFraction"/> of the duration), with the standard error of the mean.</summary>
    Plateau,

    /// <summary>The asymptote I_ss of the exponential fit <see cref="CurrentRelaxation"/>, with its standard error.</summary>
    ExponentialFit,
}
