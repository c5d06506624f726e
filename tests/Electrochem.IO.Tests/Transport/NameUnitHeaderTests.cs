using Electrochem.IO.Tables;
using Electrochem.IO.Transport;

namespace Electrochem.IO.Tests.Transport;

/// <summary>Conductivity tables with name_unit headers, as Python scripts write them (issue #9 §1, the conductivity reader).</summary>
public sealed class NameUnitHeaderTests
{
    private static ConductivityTable Read(string text) => ConductivityTable.TryFromTable(DelimitedTable.TryRead(new StringReader(text), "s.csv").Value).Value;

    [Fact]
    public void Suffix_units_are_read_for_temperature_and_conductivity()
    {
        ConductivityTable kelvin = Read("T_K,sigma_S_per_cm\n303.15,3.9e-4\n313.15,5.4e-4\n");
        Assert.Equal(303.15, kelvin.TemperatureKelvin[0], 1e-12);
        ConductivityTable celsius = Read("temperature_C,conductivity_mS_per_cm\n30,0.39\n40,0.54\n");
        Assert.Equal(303.15, celsius.TemperatureKelvin[0], 1e-9);
        Assert.Equal(0.54, celsius.Conductivity[1], 1e-15); // σ as written, in its unit
        Assert.Equal("mS/cm", celsius.ConductivityUnit);
        Assert.Equal("S/cm", kelvin.ConductivityUnit);
    }
}
