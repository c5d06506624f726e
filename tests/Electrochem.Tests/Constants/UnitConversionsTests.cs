using Electrochem.Constants;

namespace Electrochem.Tests.Constants;

public class UnitConversionsTests
{
    [Theory]
    [InlineData(28.0, 301.15)]
    [InlineData(-273.15, 0.0)]
    [InlineData(0.0, 273.15)]
    public void Celsius_to_kelvin(double celsius, double kelvin)
    {
        Assert.Equal(kelvin, UnitConversions.CelsiusToKelvin(celsius), 12);
        Assert.Equal(celsius, UnitConversions.KelvinToCelsius(kelvin), 12);
    }

    [Theory]
    [InlineData(-273.16)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Celsius_below_absolute_zero_or_not_finite_is_rejected(double celsius)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => UnitConversions.CelsiusToKelvin(celsius));
        Assert.Equal("celsius", error.ParamName);
        Assert.Contains("-273.15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_kelvin_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => UnitConversions.KelvinToCelsius(-1));
        Assert.Equal("kelvin", error.ParamName);
    }

    [Fact]
    public void One_electronvolt_is_F_joules_per_mole()
    {
        Assert.Equal(96485.33212331001, UnitConversions.ElectronVoltsToJoulesPerMole(1.0));
        Assert.Equal(96.48533212331001, UnitConversions.ElectronVoltsToKilojoulesPerMole(1.0), 14);
        Assert.Equal(0.24 * 96.48533212331001, UnitConversions.ElectronVoltsToKilojoulesPerMole(0.24), 12);
        Assert.Equal(0.24, UnitConversions.KilojoulesPerMoleToElectronVolts(UnitConversions.ElectronVoltsToKilojoulesPerMole(0.24)), 15);
        Assert.Equal(1.0, UnitConversions.JoulesPerMoleToElectronVolts(96485.33212331001), 15);
    }
}
