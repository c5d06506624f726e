using Electrochem.IO.Tables;

namespace Electrochem.IO.Tests.Tables;

public sealed class HeaderGrammarTests
{
    [Theory]
    [InlineData("Voltage(V)", "Voltage", "V")]
    [InlineData("Current (mA)", "Current", "mA")]
    [InlineData("sigma [S/cm]", "sigma", "S/cm")]
    [InlineData("Ewe/V", "Ewe", "V")]
    [InlineData("<I>/mA", "<I>", "mA")]
    [InlineData("Test Time / h", "Test Time", "h")]
    [InlineData("Q charge/discharge/mA.h", "Q charge/discharge", "mA.h")]
    [InlineData("(Q-Qo)/mA.h", "(Q-Qo)", "mA.h")]
    [InlineData("Temperature/°C", "Temperature", "°C")]
    [InlineData("σ / mS cm-1", "σ", "mS cm-1")]
    [InlineData("Cycle Count / 1", "Cycle Count", "1")]
    [InlineData("cycle number", "cycle number", null)]
    [InlineData("time_s", "time_s", null)]
    public void Splits_name_and_unit(string header, string name, string? unit)
    {
        (string n, string? u) = HeaderGrammar.Split(header);
        Assert.Equal(name, n);
        Assert.Equal(unit, u);
    }

    [Theory]
    [InlineData("time_s", UnitDimension.Time, "time", 1.0)]
    [InlineData("T_K", UnitDimension.Temperature, "T", 1.0)]
    [InlineData("current_A", UnitDimension.Current, "current", 1.0)]
    [InlineData("current_mA", UnitDimension.Current, "current", 1e-3)]
    [InlineData("sigma_S_per_cm", UnitDimension.Conductivity, "sigma", 100.0)]
    [InlineData("current_density_A_per_m2", UnitDimension.CurrentDensity, "current_density", 1.0)]
    [InlineData("current_density_mA_per_cm2", UnitDimension.CurrentDensity, "current_density", 10.0)]
    [InlineData("Z_real_ohm", UnitDimension.Resistance, "Z_real", 1.0)]
    [InlineData("charge_capacity_mAh", UnitDimension.Charge, "charge_capacity", 1e-3)]
    [InlineData("test_time_h", UnitDimension.Time, "test_time", 3600.0)]
    public void Splits_unit_suffixes_of_the_expected_dimension(string name, UnitDimension dimension, string stem, double scale)
    {
        Assert.True(HeaderGrammar.TrySplitUnitSuffix(name, dimension, out string? s, out MeasurementUnit? unit));
        Assert.Equal(stem, s);
        Assert.Equal(scale, unit.Scale, 12);
    }

    [Theory]
    [InlineData("cycle_index", UnitDimension.Time)]
    [InlineData("step_index", UnitDimension.Current)]
    [InlineData("voltage", UnitDimension.Voltage)]
    public void Leaves_names_without_a_unit_suffix_alone(string name, UnitDimension dimension) =>
        Assert.False(HeaderGrammar.TrySplitUnitSuffix(name, dimension, out _, out _));

    [Fact]
    public void Match_keys_ignore_spelling_differences()
    {
        Assert.Equal("testtime", HeaderGrammar.MatchKey("Test_Time"));
        Assert.Equal("testtime", HeaderGrammar.MatchKey("Test Time"));
        Assert.Equal("i", HeaderGrammar.MatchKey("<I>"));
        Assert.Equal("cyc", HeaderGrammar.MatchKey("Cyc#"));
    }
}

public sealed class MeasurementUnitTests
{
    [Theory]
    [InlineData("mA.h", UnitDimension.Charge, 1e-3, 0)]
    [InlineData("mAh", UnitDimension.Charge, 1e-3, 0)]
    [InlineData("µA.h", UnitDimension.Charge, 1e-6, 0)]
    [InlineData("A.h", UnitDimension.Charge, 1, 0)]
    [InlineData("C", UnitDimension.Charge, 1 / 3600.0, 0)]
    [InlineData("C", UnitDimension.Temperature, 1, 273.15)]
    [InlineData("°C", UnitDimension.Temperature, 1, 273.15)]
    [InlineData("℃", UnitDimension.Temperature, 1, 273.15)]
    [InlineData("degC", UnitDimension.Temperature, 1, 273.15)]
    [InlineData("K", UnitDimension.Temperature, 1, 0)]
    [InlineData("h", UnitDimension.Time, 3600, 0)]
    [InlineData("min", UnitDimension.Time, 60, 0)]
    [InlineData("mV", UnitDimension.Voltage, 1e-3, 0)]
    [InlineData("MA", UnitDimension.Current, 1e-3, 0)]
    [InlineData("uA", UnitDimension.Current, 1e-6, 0)]
    [InlineData("W.h", UnitDimension.Energy, 1, 0)]
    [InlineData("mWh", UnitDimension.Energy, 1e-3, 0)]
    [InlineData("J", UnitDimension.Energy, 1 / 3600.0, 0)]
    [InlineData("mA cm-2", UnitDimension.CurrentDensity, 10, 0)]
    [InlineData("mA/cm²", UnitDimension.CurrentDensity, 10, 0)]
    [InlineData("A/m2", UnitDimension.CurrentDensity, 1, 0)]
    [InlineData("S cm^-1", UnitDimension.Conductivity, 100, 0)]
    [InlineData("mS/cm", UnitDimension.Conductivity, 0.1, 0)]
    [InlineData("kHz", UnitDimension.Frequency, 1e3, 0)]
    [InlineData("mHz", UnitDimension.Frequency, 1e-3, 0)]
    [InlineData("MHz", UnitDimension.Frequency, 1e6, 0)]
    [InlineData("kOhm", UnitDimension.Resistance, 1e3, 0)]
    [InlineData("mΩ", UnitDimension.Resistance, 1e-3, 0)]
    [InlineData("MΩ", UnitDimension.Resistance, 1e6, 0)]
    [InlineData("Ohm", UnitDimension.Resistance, 1, 0)]
    public void Parses_units_as_people_write_them(string text, UnitDimension dimension, double scale, double offset)
    {
        MeasurementUnit? unit = MeasurementUnit.Parse(text, dimension);
        Assert.NotNull(unit);
        Assert.Equal(scale, unit.Scale, 15);
        Assert.Equal(offset, unit.Offset);
        Assert.Equal(dimension, unit.Dimension);
    }

    [Theory]
    [InlineData("mA/cm2", UnitDimension.Current)]
    [InlineData("V", UnitDimension.Current)]
    [InlineData("mhz", UnitDimension.Frequency)]   // milli or mega: the case is needed
    [InlineData("", UnitDimension.Time)]
    [InlineData("furlong", UnitDimension.Time)]
    public void Refuses_units_of_another_dimension_or_ambiguous_spellings(string text, UnitDimension dimension) =>
        Assert.Null(MeasurementUnit.Parse(text, dimension));

    [Fact]
    public void Converts_to_the_base_unit()
    {
        Assert.Equal(298.15, MeasurementUnit.Parse("°C", UnitDimension.Temperature)!.ToBase(25), 12);
        Assert.Equal(273.15, MeasurementUnit.Parse("°F", UnitDimension.Temperature)!.ToBase(32), 12);
        Assert.Equal(7200, MeasurementUnit.Parse("h", UnitDimension.Time)!.ToBase(2));
        Assert.Contains("mA", MeasurementUnit.Describe(UnitDimension.Current), StringComparison.Ordinal);
    }

    // A header that swallowed a file (an unclosed quote) has thousands of slashes (dates): splitting it must stay linear.
    [Fact]
    public void A_huge_header_with_many_slashes_splits_in_linear_time_and_memory()
    {
        string huge = "WF " + string.Concat(Enumerable.Repeat("07/11/2019 14:02:33\t", 20_000)) + "Volts/V";
        long before = GC.GetAllocatedBytesForCurrentThread();
        (string name, string? unit) = HeaderGrammar.Split(huge);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16L * huge.Length, "allocation not linear");
        Assert.Equal("V", unit);
        Assert.EndsWith("Volts", name, StringComparison.Ordinal);
    }
}
