using Electrochem.IO.Tables;
using Electrochem.IO.Transport;

namespace Electrochem.IO.Tests.Transport;

/// <summary>Conductivity and chronoamperometry tables with name_unit headers, as Python scripts write them (issue #9 §1).</summary>
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

    [Fact]
    public void A_chronoamperometry_trace_with_time_s_and_current_A_reads()
    {
        ChronoamperometryTable trace = ChronoamperometryTable.TryFromTable(DelimitedTable.TryRead(new StringReader("time_s,current_A\n0,1e-5\n1,9e-6\n2,8.5e-6\n"), "c.csv").Value).Value;
        Assert.Equal(2, trace.TimeSeconds[2]);
        Assert.Equal(8.5e-6, trace.CurrentAmperes[2], 1e-18);
        ChronoamperometryTable minutes = ChronoamperometryTable.TryFromTable(DelimitedTable.TryRead(new StringReader("t_min,I_uA\n0,10\n1,9\n"), "m.csv").Value).Value;
        Assert.Equal(60, minutes.TimeSeconds[1]);
        Assert.Equal(9e-6, minutes.CurrentAmperes[1], 1e-18);
    }
}
