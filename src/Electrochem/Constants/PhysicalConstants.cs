namespace Electrochem.Constants;

/// <summary>
/// The defining constants of the SI as fixed exactly by CODATA 2018 (BIPM, 2019 redefinition), and the constants
/// derived from them as exact products. Every value is the nearest <see cref="double"/> to the exact number.
/// </summary>
public static class PhysicalConstants
{
    /// <summary>Elementary charge e = 1.602176634 × 10⁻¹⁹ C (exact).</summary>
    public const double ElementaryCharge = 1.602176634e-19;

    /// <summary>Avogadro constant N_A = 6.02214076 × 10²³ mol⁻¹ (exact).</summary>
    public const double AvogadroConstant = 6.02214076e23;

    /// <summary>Boltzmann constant k_B = 1.380649 × 10⁻²³ J K⁻¹ (exact).</summary>
    public const double BoltzmannConstant = 1.380649e-23;

    /// <summary>Planck constant h = 6.62607015 × 10⁻³⁴ J s (exact).</summary>
    public const double PlanckConstant = 6.62607015e-34;

    /// <summary>Faraday constant F = N_A·e = 96 485.332 123 310 018 4 C mol⁻¹ (exact product).</summary>
    public const double FaradayConstant = AvogadroConstant * ElementaryCharge;

    /// <summary>Molar gas constant R = N_A·k_B = 8.314 462 618 153 24 J mol⁻¹ K⁻¹ (exact product).</summary>
    public const double MolarGasConstant = AvogadroConstant * BoltzmannConstant;

    /// <summary>
    /// Boltzmann constant in electronvolts, k_B/e = 8.617 333 262 145 177 4… × 10⁻⁵ eV K⁻¹: the exact quotient
    /// rounded to the nearest double (dividing the two doubles would be one unit in the last place high).
    /// </summary>
    public const double BoltzmannConstantInElectronVoltsPerKelvin = 8.617333262145177e-5;

    /// <summary>Zero of the Celsius scale, 273.15 K (exact by definition).</summary>
    public const double ZeroCelsiusInKelvin = 273.15;
}
