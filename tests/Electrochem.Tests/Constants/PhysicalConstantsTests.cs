using Electrochem.Constants;

namespace Electrochem.Tests.Constants;

public class PhysicalConstantsTests
{
    [Fact]
    public void Defining_constants_are_the_exact_CODATA_2018_values()
    {
        Assert.Equal(1.602176634e-19, PhysicalConstants.ElementaryCharge);
        Assert.Equal(6.02214076e23, PhysicalConstants.AvogadroConstant);
        Assert.Equal(1.380649e-23, PhysicalConstants.BoltzmannConstant);
        Assert.Equal(6.62607015e-34, PhysicalConstants.PlanckConstant);
    }

    // Expected values: the exact decimal products (40-digit arithmetic) rounded to the nearest double.
    [Fact]
    public void Derived_constants_are_the_nearest_doubles_to_the_exact_products()
    {
        Assert.Equal(96485.33212331001, PhysicalConstants.FaradayConstant); // 96 485.332 123 310 018 4
        Assert.Equal(8.31446261815324, PhysicalConstants.MolarGasConstant); // 8.314 462 618 153 24
        Assert.Equal(8.617333262145177e-05, PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin);
        Assert.Equal(273.15, PhysicalConstants.ZeroCelsiusInKelvin);
    }
}
