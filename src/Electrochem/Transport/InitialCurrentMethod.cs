namespace Electrochem.Transport;

/// <summary>How the initial current I₀ of a Bruce–Vincent analysis is obtained.</summary>
public enum InitialCurrentMethod
{
    /// <summary>I₀ = ΔV/(R_b,0 + R_i,0), from the impedance before polarisation (Evans–Vincent–Bruce's recommendation; independent of sampling rate and double-layer charging).</summary>
    OhmsLaw,

    /// <summary>I₀ extrapolated to the potential step by the exponential fit of the decay (<see cref="CurrentRelaxation"/>).</summary>
    Extrapolated,
}
