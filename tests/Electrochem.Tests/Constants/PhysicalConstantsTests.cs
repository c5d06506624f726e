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
}
