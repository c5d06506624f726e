using Electrochem.IO.Tables;
using Electrochem.IO.Transport;

namespace Electrochem.IO.Tests.Transport;

public sealed class ConductivityTableTests
{
    private static DataFileResult<ConductivityTable> TryRead(string text, TemperatureUnit? unit = null)
    {
        using var reader = new StringReader(text);
        DelimitedTable table = DelimitedTable.Read(reader, "sigma.csv");
        return ConductivityTable.TryFromTable(table, unit);
    }

    private static ConductivityTable Read(string text, TemperatureUnit? unit = null) => TryRead(text, unit).Value;

    private static void AssertError(string text, int line, string fragment, TemperatureUnit? unit = null)
    {
        DataFileResult<ConductivityTable> result = TryRead(text, unit);
        Assert.False(result.IsSuccess);
        Assert.Equal(line, result.Error.LineNumber);
        Assert.Contains(fragment, result.Error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("T (K)", TemperatureUnit.Kelvin)]
    [InlineData("T(K)", TemperatureUnit.Kelvin)]
    [InlineData("Temperature [K]", TemperatureUnit.Kelvin)]
    [InlineData("temp/kelvin", TemperatureUnit.Kelvin)]
    [InlineData("T_K", TemperatureUnit.Kelvin)]
    [InlineData("T (°C)", TemperatureUnit.Celsius)]
    [InlineData("T/°C", TemperatureUnit.Celsius)]
    [InlineData("temperature_C", TemperatureUnit.Celsius)]
    [InlineData("Temp [degC]", TemperatureUnit.Celsius)]
    [InlineData("TEMPERATURE (C)", TemperatureUnit.Celsius)]
    [InlineData("T / ℃", TemperatureUnit.Celsius)]
    [InlineData("Temperatur (°C)", TemperatureUnit.Celsius)]
    public void Finds_the_temperature_column_and_its_unit(string header, TemperatureUnit unit)
    {
        double value = unit == TemperatureUnit.Kelvin ? 303.15 : 30;
        ConductivityTable data = Read($"{header},sigma (S/cm)\n{value},1e-4\n");
        Assert.Equal(unit, data.TemperatureUnitInFile);
        Assert.True(data.TemperatureUnitFromHeader);
        Assert.Equal(303.15, data.TemperatureKelvin[0], 1e-12);
        Assert.Equal(header, data.TemperatureHeader.Text);
    }

    [Theory]
    [InlineData("sigma (S/cm)", "S/cm")]
    [InlineData("σ / mS cm-1", "mS cm-1")]
    [InlineData("Conductivity [S m-1]", "S m-1")]
    [InlineData("cond (mS/cm)", "mS/cm")]
    [InlineData("ionic conductivity (S/cm)", "S/cm")]
    [InlineData("sigma", null)]
    public void Finds_the_conductivity_column_and_keeps_its_unit_and_values(string header, string? unit)
    {
        ConductivityTable data = Read($"T (K),{header}\n300,0.36\n310,0.5\n");
        Assert.Equal(unit, data.ConductivityUnit);
        Assert.Equal([0.36, 0.5], data.Conductivity);
        Assert.False(data.HasUncertainty);
        Assert.True(data.ConductivityStandardUncertainty.IsEmpty);
    }

    [Theory]
    [InlineData("u_sigma (S/cm)")]
    [InlineData("sigma_err")]
    [InlineData("u(σ)")]
    [InlineData("std")]
    [InlineData("uncertainty (S/cm)")]
    [InlineData("sigma error [S/cm]")]
    public void Finds_the_uncertainty_column(string header)
    {
        ConductivityTable data = Read($"T (K),sigma (S/cm),{header}\n300,1e-4,2e-6\n");
        Assert.True(data.HasUncertainty);
        Assert.Equal(header, data.UncertaintyHeader!.Text);
        Assert.Equal([2e-6], data.ConductivityStandardUncertainty);
    }

    [Fact]
    public void Keeps_every_other_column_in_the_table()
    {
        ConductivityTable data = Read("run,T (K),log sigma,sigma T (S K/cm),sigma (S/cm)\n1,300,-4,0.03,1e-4\n");
        Assert.Equal(5, data.Table.Columns.Length);
        Assert.Equal("sigma (S/cm)", data.ConductivityHeader.Text);
        Assert.Equal([1e-4], data.Conductivity);
        Assert.Equal([1], data.LineNumbers.Select(l => l - 1));
    }

    [Fact]
    public void The_unit_argument_supplies_a_missing_unit()
    {
        ConductivityTable celsius = Read("T,sigma\n30,1e-4\n", TemperatureUnit.Celsius);
        Assert.Equal(303.15, celsius.TemperatureKelvin[0], 1e-12);
        Assert.False(celsius.TemperatureUnitFromHeader);
        ConductivityTable kelvin = Read("T,sigma\n30,1e-4\n", TemperatureUnit.Kelvin);
        Assert.Equal(30, kelvin.TemperatureKelvin[0]);
    }

    [Fact]
    public void The_unit_argument_agreeing_with_the_header_is_accepted() =>
        Assert.Equal(303.15, Read("T (°C),sigma\n30,1e-4\n", TemperatureUnit.Celsius).TemperatureKelvin[0], 1e-12);

    [Fact]
    public void The_unit_argument_contradicting_the_header_is_an_error() =>
        AssertError("T (°C),sigma\n30,1e-4\n", 1, "is in °C but the temperature unit K was given", TemperatureUnit.Kelvin);

    [Fact]
    public void No_temperature_unit_anywhere_is_an_error_not_a_guess() =>
        AssertError("# c\nT,sigma\n300,1e-4\n", 2, "the temperature column 'T' has no unit");

    [Fact]
    public void Unknown_temperature_unit() => AssertError("T (°F),sigma\n80,1e-4\n", 1, "'°F', which is not a temperature unit");

    [Fact]
    public void Missing_temperature_column() => AssertError("x (K),sigma\n300,1e-4\n", 1, "no temperature column");

    [Fact]
    public void Missing_conductivity_column() => AssertError("T (K),log sigma\n300,-4\n", 1, "no conductivity column");

    [Fact]
    public void Two_conductivity_columns() => AssertError("T (K),sigma (S/cm),σ (mS/cm)\n300,1e-4,0.1\n", 1, "two columns look like conductivity");

    [Fact]
    public void Two_temperature_columns() => AssertError("T (K),T (°C),sigma\n300,27,1e-4\n", 1, "two columns look like temperature");

    [Fact]
    public void Uncertainty_in_another_unit() => AssertError("T (K),sigma (S/cm),u_sigma (mS/cm)\n300,1e-4,1e-3\n", 1, "give both in the same unit");

    [Fact]
    public void Celsius_below_absolute_zero() => AssertError("T (°C),sigma\n30,1e-4\n-300,1e-4\n", 3, "at or below absolute zero");

    [Fact]
    public void Kelvin_at_or_below_zero()
    {
        AssertError("T (K),sigma\n300,1e-4\n0,1e-4\n", 3, "must be greater than 0");
        AssertError("T (K),sigma\n-20,1e-4\n", 2, "is the column in °C?");
    }

    [Fact]
    public void Non_positive_conductivity() => AssertError("T (K),sigma\n300,1e-4\n310,-1e-4\n", 3, "the conductivity is -0.0001");

    [Fact]
    public void Non_positive_uncertainty() => AssertError("T (K),sigma,u_sigma\n300,1e-4,0\n", 2, "standard uncertainty of σ is 0");

    [Fact]
    public void Reads_a_german_export_from_a_file()
    {
        using TempFile file = TempFile.WithText("# Messung\nTemperatur/°C;σ / mS cm-1;u(σ)\n30;0,36;0,01\n40;0,5;0,01\n");
        ConductivityTable data = ConductivityTable.Read(file.Path);
        Assert.Equal([303.15, 313.15], data.TemperatureKelvin);
        Assert.Equal([0.36, 0.5], data.Conductivity);
        Assert.Equal([0.01, 0.01], data.ConductivityStandardUncertainty);
        Assert.Equal("mS cm-1", data.ConductivityUnit);
        Assert.Equal(file.Path, data.SourceName);
        Assert.Equal(2, data.Count);
    }

    [Fact]
    public void TryRead_passes_table_errors_through()
    {
        using TempFile file = TempFile.WithText("T (K),sigma\n300,1e-4\n310\n");
        DataFileResult<ConductivityTable> result = ConductivityTable.TryRead(file.Path);
        Assert.Equal(3, result.Error!.LineNumber);
        Assert.Throws<DataFileException>(() => ConductivityTable.Read(file.Path));
    }
}
