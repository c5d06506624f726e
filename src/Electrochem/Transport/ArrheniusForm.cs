namespace Electrochem.Transport;

/// <summary>
/// Which quantity follows an exponential in 1/T. The two forms give activation energies about k_B·T̄ apart
/// (≈ 0.026 eV near room temperature) from the same data, so the form is always stated, never implied.
/// </summary>
public enum ArrheniusForm
{
    /// <summary>σ = A·exp(−E_a/(k_B·T)); A in the unit of σ. The usual "log σ vs 1000/T" plot.</summary>
    Conductivity,

    /// <summary>σ·T = A·exp(−E_a/(k_B·T)); A in the unit of σ times K. The form of hopping (Nernst–Einstein) theory.</summary>
    ConductivityTimesTemperature,
}
