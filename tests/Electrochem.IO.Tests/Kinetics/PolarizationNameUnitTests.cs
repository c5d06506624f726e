using Electrochem.IO.Kinetics;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Tests.Kinetics;

/// <summary>Polarisation curves with name_unit headers and SI current densities, as Python scripts write them (issue #9 §1).</summary>
public sealed class PolarizationNameUnitTests
{
    private static PolarizationCurveTable Read(string text) => PolarizationCurveTable.TryFromTable(DelimitedTable.TryRead(new StringReader(text), "p.csv").Value).Value;

    [Fact]
    public void Overpotential_in_volts_and_current_density_in_amperes_per_square_metre_read()
    {
        PolarizationCurveTable si = Read("overpotential_V,current_density_A_per_m2\n-0.1,-5\n0,0\n0.1,5\n");
        Assert.Equal(0.1, si.VoltageVolts[2], 1e-15);
        Assert.Same(CurrentUnit.AmperePerSquareMetre, si.CurrentUnit);
        Assert.Equal(5e-4, si.Current[2] * si.CurrentUnit.AmperesPerUnit, 1e-18); // 5 A/m² = 0.5 mA/cm² = 5e-4 A/cm²

        PolarizationCurveTable milli = Read("eta_mV,i_mA\n-100,-0.5\n0,0\n100,0.5\n");
        Assert.Equal(-0.1, milli.VoltageVolts[0], 1e-15);
        Assert.Same(CurrentUnit.Milliampere, milli.CurrentUnit);
        Assert.Equal(CurrentUnit.AmperePerSquareMetre, CurrentUnit.Parse("A m-2"));
    }
}
