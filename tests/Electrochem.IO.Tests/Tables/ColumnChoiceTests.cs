using Electrochem.IO.Impedance;
using Electrochem.IO.Kinetics;
using Electrochem.IO.Tables;
using Electrochem.IO.Transport;

namespace Electrochem.IO.Tests.Tables;

/// <summary>
/// Columns named by the caller (the library side of the command line's --…-column and --…-unit) for headers no reader
/// recognises, in every table reader: the named column wins, its unit converts, a recognised rival is left alone, and
/// a name that is absent or a unit that contradicts the header is an error naming the columns.
/// </summary>
public sealed class ColumnChoiceTests
{
    private static DelimitedTable Table(string text)
    {
        DataFileResult<DelimitedTable> read = DelimitedTable.TryRead(new StringReader(text), "table.csv");
        Assert.True(read.IsSuccess, read.ToString());
        return read.Value;
    }

    [Fact]
    public void Chronoamperometry_with_German_headers_in_minutes_and_microamperes()
    {
        var columns = new ChronoamperometryColumns { Time = new("Zeit", "min"), Current = new("Strom", "uA") };
        ChronoamperometryTable trace = ChronoamperometryTable.FromTable(Table("Zeit;Strom;Kanal\n0;10;1\n1,5;8;1\n"), columns);
        Assert.Equal([0, 90], trace.TimeSeconds);
        Assert.Equal(10e-6, trace.CurrentAmperes[0], 1e-18);
        Assert.Equal(8e-6, trace.CurrentAmperes[1], 1e-18);
    }

    [Fact]
    public void A_named_column_wins_over_a_recognised_rival()
    {
        // Two columns look like current; naming one settles it, and the other stays in the table.
        DelimitedTable table = Table("time_s,current_A,I (A)\n0,1,2\n1,3,4\n");
        DataFileResult<ChronoamperometryTable> unnamed = ChronoamperometryTable.TryFromTable(table);
        Assert.False(unnamed.IsSuccess);
        Assert.Contains("two columns look like current", unnamed.Error.Problem, StringComparison.Ordinal);
        Assert.Contains("(--current-column)", unnamed.Error.Problem, StringComparison.Ordinal);

        ChronoamperometryTable trace = ChronoamperometryTable.FromTable(table, new ChronoamperometryColumns { Current = new("I", null) });
        Assert.Equal([2, 4], trace.CurrentAmperes);
        Assert.Equal(3, trace.Table.Columns.Length);
    }

    [Fact]
    public void An_absent_name_and_a_contradicting_unit_are_errors()
    {
        DelimitedTable table = Table("t (s),I (mA)\n0,1\n1,2\n");
        DataFileResult<ChronoamperometryTable> absent = ChronoamperometryTable.TryFromTable(table, new ChronoamperometryColumns { Time = new("Zeit", "s") });
        Assert.False(absent.IsSuccess);
        Assert.Equal("no column is named 'Zeit' (--time-column); the columns are 't (s)', 'I (mA)'", absent.Error.Problem);

        DataFileResult<ChronoamperometryTable> contradicting = ChronoamperometryTable.TryFromTable(table, new ChronoamperometryColumns { Current = new("I", "A") });
        Assert.False(contradicting.IsSuccess);
        Assert.Contains("says its unit is 'mA' but 'A' was given", contradicting.Error.Problem, StringComparison.Ordinal);

        ChronoamperometryTable agreeing = ChronoamperometryTable.FromTable(table, new ChronoamperometryColumns { Current = new("I (mA)", "mA") });
        Assert.Equal(2e-3, agreeing.CurrentAmperes[1], 15);
    }

    [Fact]
    public void Conductivity_with_named_temperature_in_celsius()
    {
        var columns = new ConductivityColumns { Temperature = new("Temp", "°C"), Conductivity = new("Leitfaehigkeit", null) };
        ConductivityTable table = ConductivityTable.FromTable(Table("Temp,Leitfaehigkeit\n25,1e-4\n60,1e-3\n"), columns: columns);
        Assert.Equal(298.15, table.TemperatureKelvin[0], 12);
        Assert.Equal(1e-3, table.Conductivity[1]);

        DataFileResult<ConductivityTable> missing = ConductivityTable.TryFromTable(Table("Temp,Leitfaehigkeit\n25,1e-4\n60,1e-3\n"));
        Assert.False(missing.IsSuccess);
        Assert.Contains("or name it (--conductivity-column NAME)", missing.Error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Polarisation_with_named_overpotential_and_current_density()
    {
        var columns = new PolarizationColumns { Voltage = new("Ueberspannung", "mV"), Current = new("Stromdichte", "mA/cm2") };
        PolarizationCurveTable curve = PolarizationCurveTable.FromTable(Table("Ueberspannung\tStromdichte\n-50\t-0,2\n50\t0,3\n"), columns: columns);
        Assert.Equal([-0.05, 0.05], curve.VoltageVolts);
        Assert.Equal(CurrentUnit.MilliamperePerSquareCentimetre, curve.CurrentUnit);
        Assert.Equal([-0.2, 0.3], curve.Current);
    }

    [Fact]
    public void Impedance_with_named_columns_units_and_negated_imaginary_part()
    {
        var columns = new ImpedanceColumnChoices { Frequency = new("Frequenz", "kHz"), Real = new("R", "kOhm"), Imaginary = new("X", "kOhm"), ImaginaryIsNegated = true };
        DataFileResult<ImpedanceData> read = ImpedanceFile.TryRead(new StringReader("Frequenz,R,X\n10,1,2\n1,3,4\n"), "z.csv", columns: columns);
        Assert.True(read.IsSuccess, read.ToString());
        Assert.Equal([1e4, 1e3], read.Value.Spectrum.Frequency.ToArray());
        Assert.Equal([1e3, 3e3], read.Value.Spectrum.Real.ToArray());
        Assert.Equal([-2e3, -4e3], read.Value.Spectrum.Imaginary.ToArray());
        Assert.Contains(read.Value.Conversions, c => c.Contains("negated", StringComparison.Ordinal));

        DataFileResult<ImpedanceData> unnamed = ImpedanceFile.TryRead(new StringReader("Frequenz,R,X\n10,1,2\n1,3,4\n"), "z.csv");
        Assert.False(unnamed.IsSuccess);
        Assert.Contains("or name it (--frequency-column NAME)", unnamed.Error.Problem, StringComparison.Ordinal);

        DataFileResult<ImpedanceData> conflict = ImpedanceFile.TryRead(new StringReader("f (Hz),Z' (Ohm),Z'' (Ohm)\n10,1,-2\n"), "z.csv", columns: new ImpedanceColumnChoices { Frequency = new("f", "kHz") });
        Assert.False(conflict.IsSuccess);
        Assert.Contains("says its unit is 'Hz' but 'kHz' was given", conflict.Error.Problem, StringComparison.Ordinal);
    }
}
