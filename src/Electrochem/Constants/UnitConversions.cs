namespace Electrochem.Constants;

/// <summary>
/// Conversions between the units battery researchers mix: degrees Celsius and kelvin; electronvolts per particle and
/// joules or kilojoules per mole. Every factor is built from the exact CODATA 2018 constants in
/// <see cref="PhysicalConstants"/>.
/// </summary>
public static class UnitConversions
{
    /// <summary>Joules per mole in one electronvolt per particle: e·N_A = F ≈ 96 485.332 J mol⁻¹ eV⁻¹.</summary>
    public const double JoulesPerMolePerElectronVolt = PhysicalConstants.FaradayConstant;

    /// <summary>Kilojoules per mole in one electronvolt per particle: F/1000 ≈ 96.485 332 kJ mol⁻¹ eV⁻¹.</summary>
    public const double KilojoulesPerMolePerElectronVolt = PhysicalConstants.FaradayConstant / 1000.0;

    /// <summary>T[K] = T[°C] + 273.15.</summary>
    /// <param name="celsius">Temperature in degrees Celsius; must be finite and not below absolute zero (−273.15 °C).</param>
    /// <returns>The temperature in kelvin.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or below −273.15 °C.</exception>
    /// <example><c>UnitConversions.CelsiusToKelvin(28) == 301.15</c></example>
    public static double CelsiusToKelvin(double celsius)
    {
        if (!double.IsFinite(celsius) || celsius < -PhysicalConstants.ZeroCelsiusInKelvin)
        {
            throw new ArgumentOutOfRangeException(nameof(celsius), celsius,
                $"celsius must be a finite temperature of at least -273.15 °C but was {Preconditions.Format(celsius)} °C.");
        }

        return celsius + PhysicalConstants.ZeroCelsiusInKelvin;
    }

    /// <summary>T[°C] = T[K] − 273.15.</summary>
    /// <param name="kelvin">Temperature in kelvin; must be finite and not negative.</param>
    /// <returns>The temperature in degrees Celsius.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or negative.</exception>
    public static double KelvinToCelsius(double kelvin)
    {
        Preconditions.CheckNonNegative(kelvin);
        return kelvin - PhysicalConstants.ZeroCelsiusInKelvin;
    }

    /// <summary>E[J mol⁻¹] = E[eV]·F.</summary>
    /// <param name="electronVolts">Energy per particle in eV.</param>
    /// <returns>Molar energy in J mol⁻¹.</returns>
    public static double ElectronVoltsToJoulesPerMole(double electronVolts) => electronVolts * JoulesPerMolePerElectronVolt;

    /// <summary>E[eV] = E[J mol⁻¹]/F.</summary>
    /// <param name="joulesPerMole">Molar energy in J mol⁻¹.</param>
    /// <returns>Energy per particle in eV.</returns>
    public static double JoulesPerMoleToElectronVolts(double joulesPerMole) => joulesPerMole / JoulesPerMolePerElectronVolt;

    /// <summary>E[kJ mol⁻¹] = E[eV]·F/1000.</summary>
    /// <param name="electronVolts">Energy per particle in eV.</param>
    /// <returns>Molar energy in kJ mol⁻¹.</returns>
    /// <example><c>UnitConversions.ElectronVoltsToKilojoulesPerMole(0.24)</c> ≈ 23.156 kJ mol⁻¹.</example>
    public static double ElectronVoltsToKilojoulesPerMole(double electronVolts) => electronVolts * KilojoulesPerMolePerElectronVolt;

    /// <summary>E[eV] = 1000·E[kJ mol⁻¹]/F.</summary>
    /// <param name="kilojoulesPerMole">Molar energy in kJ mol⁻¹.</param>
    /// <returns>Energy per particle in eV.</returns>
    public static double KilojoulesPerMoleToElectronVolts(double kilojoulesPerMole) => kilojoulesPerMole / KilojoulesPerMolePerElectronVolt;
}
