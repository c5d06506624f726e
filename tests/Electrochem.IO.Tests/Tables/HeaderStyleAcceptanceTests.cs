using Electrochem.IO.Impedance;
using Electrochem.IO.Kinetics;
using Electrochem.IO.Tables;
using Electrochem.IO.Transport;

namespace Electrochem.IO.Tests.Tables;

/// <summary>
/// Every header style of the shared grammar — <c>name (unit)</c>, <c>name / unit</c>, <c>name/unit</c>,
/// <c>name [unit]</c>, <c>name_unit</c>, <c>name_unit_per_unit</c> — through every table reader, with the values
/// converted to SI: small fixtures written the way users and scripts write them.
/// </summary>
public sealed class HeaderStyleAcceptanceTests
{
    private static DelimitedTable Table(string text)
    {
        DataFileResult<DelimitedTable> read = DelimitedTable.TryRead(new StringReader(text), "styles.csv");
        Assert.True(read.IsSuccess, read.ToString());
        return read.Value;
    }

    [Theory]
    [InlineData("T (K),sigma (S/cm)", 1)]
    [InlineData("T / K,sigma / S cm-1", 1)]
    [InlineData("T/K,σ/(S/cm)", 1)]
    [InlineData("T [K],sigma [S/cm]", 1)]
    [InlineData("T_K,sigma_S_per_cm", 1)]
    [InlineData("temperature_K,conductivity_mS_per_cm", 1)]
    public void Conductivity(string header, double unused)
    {
        _ = unused;
        DataFileResult<ConductivityTable> read = ConductivityTable.TryFromTable(Table($"{header}\n300,1e-4\n330,2e-4\n"));
        Assert.True(read.IsSuccess, read.ToString());
        Assert.Equal([300, 330], read.Value.TemperatureKelvin);
        Assert.Equal([1e-4, 2e-4], read.Value.Conductivity);
    }

    [Theory]
    [InlineData("t (s),I (mA)", 1e-3)]
    [InlineData("t / s,I / mA", 1e-3)]
    [InlineData("t/s,I/mA", 1e-3)]
    [InlineData("time [s],current [uA]", 1e-6)]
    [InlineData("time_s,current_A", 1)]
    [InlineData("time_s,current_mA", 1e-3)]
    public void Chronoamperometry(string header, double amperes)
    {
        DataFileResult<ChronoamperometryTable> read = ChronoamperometryTable.TryFromTable(Table($"{header}\n0,2\n10,1\n"));
        Assert.True(read.IsSuccess, read.ToString());
        Assert.Equal([0, 10], read.Value.TimeSeconds);
        Assert.Equal(2 * amperes, read.Value.CurrentAmperes[0], 2 * amperes * 1e-15);
    }

    [Theory]
    [InlineData("eta (V),i (mA/cm2)", "mA/cm²")]
    [InlineData("eta / V,i / mA cm-2", "mA/cm²")]
    [InlineData("eta/V,j/(mA/cm^2)", "mA/cm²")]
    [InlineData("eta [V],i [A/m2]", "A/m²")]
    [InlineData("overpotential_V,current_A", "A")]
    [InlineData("overpotential_V,current_density_A_per_m2", "A/m²")]
    public void Polarisation(string header, string unit)
    {
        DataFileResult<PolarizationCurveTable> read = PolarizationCurveTable.TryFromTable(Table($"{header}\n-0.1,-2\n0.1,3\n"));
        Assert.True(read.IsSuccess, read.ToString());
        Assert.Equal([-0.1, 0.1], read.Value.VoltageVolts);
        Assert.Equal(unit, read.Value.CurrentUnit.Symbol);
        Assert.Equal([-2, 3], read.Value.Current);
    }

    [Theory]
    [InlineData("f (Hz),Z' (Ohm),Z'' (Ohm)", 1)]
    [InlineData("freq / Hz,Re(Z) / Ohm,Im(Z) / Ohm", 1)]
    [InlineData("freq/Hz,Re(Z)/Ohm,-Im(Z)/Ohm", -1)]
    [InlineData("Frequency [kHz],Zreal [kOhm],Zimag [kOhm]", 1e3)]
    [InlineData("f_Hz,Z_real_ohm,Z_imag_ohm", 1)]
    [InlineData("Freq,Real,Imag", 1)]
    public void Impedance(string header, double scale)
    {
        DataFileResult<ImpedanceData> read = ImpedanceFile.TryRead(new StringReader($"{header}\n100,2,-1\n10,3,-2\n"), "styles.csv");
        Assert.True(read.IsSuccess, read.ToString());
        double f = Math.Abs(scale) == 1e3 ? 1e3 : 1;
        Assert.Equal([100 * f, 10 * f], read.Value.Spectrum.Frequency.ToArray());
        Assert.Equal([2 * Math.Abs(scale), 3 * Math.Abs(scale)], read.Value.Spectrum.Real.ToArray());
        Assert.Equal([-1 * scale, -2 * scale], read.Value.Spectrum.Imaginary.ToArray());
    }
}
