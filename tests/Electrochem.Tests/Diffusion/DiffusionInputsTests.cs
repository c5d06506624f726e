using Electrochem.Diffusion;

namespace Electrochem.Tests.Diffusion;

public sealed class DiffusionInputsTests
{
    [Fact]
    public void An_open_circuit_table_interpolates_linearly_and_never_extrapolates()
    {
        OpenCircuitCurve table = OpenCircuitCurve.FromTable([0.2, 0.5, 0.9], [4.2, 3.9, 3.5]);
        Assert.Equal(4.05, table.At(0.35), 1e-12);
        Assert.Equal(3.9, table.At(0.5), 1e-12);
        Assert.Equal(-1.0, table.Slope(0.3), 1e-12);
        Assert.Equal(-1.0, table.Slope(0.7), 1e-12);
        Assert.Equal(0.2, table.MinimumStoichiometry);
        Assert.Contains("outside the open-circuit curve's range", Assert.Throws<ArgumentOutOfRangeException>(() => table.At(0.95)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.At(double.NaN));
        Assert.Contains("increase strictly", Assert.Throws<ArgumentException>(() => OpenCircuitCurve.FromTable([0.2, 0.2], [4, 3])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => OpenCircuitCurve.FromTable([0.2], [4]));
        Assert.Throws<ArgumentException>(() => OpenCircuitCurve.FromTable([0.2, 1.2], [4, 3]));
        Assert.Equal(-1.38636, OpenCircuitCurve.Linear(4, -1.38636).Slope(0.5), 1e-6);
    }

    [Fact]
    public void A_table_curve_simulates_like_the_same_straight_line()
    {
        var line = new InsertionElectrode(DiffusionGeometry.Planar, 1e-5, 1e-4, 50_000, 0.5, Diffusivity.Constant(1e-14), OpenCircuitCurve.Linear(4.0, -1.0), ChargingDirection.Insertion);
        InsertionElectrode table = line with { OpenCircuitVoltage = OpenCircuitCurve.FromTable([0, 0.25, 0.5, 0.75, 1], [4, 3.75, 3.5, 3.25, 3]) };
        CurrentStep[] program = TitrationProgram.Gitt(1e-4, 600, 3600, 3);
        ReadOnlySpan<double> a = TitrationSimulator.Simulate(line, program).Recording.Voltage.Values;
        ReadOnlySpan<double> b = TitrationSimulator.Simulate(table, program).Recording.Voltage.Values;
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i], b[i], 1e-12);
        }

        Assert.True(a[601] < a[0], "charging an electrode that inserts on charge lowers its voltage here (U falls with x)");
    }

    [Fact]
    public void Bad_parameters_are_refused_with_the_parameter_named()
    {
        var good = new InsertionElectrode(DiffusionGeometry.Planar, 1e-5, 1e-4, 50_000, 0.5, Diffusivity.Constant(1e-14), OpenCircuitCurve.Linear(4.0, -1.0), ChargingDirection.Extraction);
        Assert.Contains("LengthMetres", Assert.Throws<ArgumentOutOfRangeException>(() => (good with { LengthMetres = -1 }).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("MaximumConcentration", Assert.Throws<ArgumentOutOfRangeException>(() => (good with { MaximumConcentration = double.NaN }).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("initial stoichiometry", Assert.Throws<ArgumentOutOfRangeException>(() => (good with { InitialStoichiometry = 1.5 }).Validate()).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => (good with { ChargeNumber = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => Diffusivity.Constant(0));
        Assert.Contains("returned -1", Assert.Throws<ArgumentException>(() => Diffusivity.FromFunction(_ => -1).At(0.5)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => TitrationProgram.Gitt(0, 600, 3600, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => TitrationProgram.Interrupted(1e-3, 300, 5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiffusionSolverOptions { Cells = 2 }.Validate());
        Assert.Throws<ArgumentException>(() => new DiffusionSolverOptions { UpperVoltageLimit = 3, LowerVoltageLimit = 4 }.Validate());
        Assert.Equal(3 * 0.5 * 1.54e-4 * 40e-6 / 5e-6, InsertionElectrode.ParticleSurfaceArea(5e-6, 0.5, 40e-6, 1.54e-4), 1e-18);
        Assert.Throws<ArgumentOutOfRangeException>(() => InsertionElectrode.ParticleSurfaceArea(5e-6, 1.5, 40e-6, 1.54e-4));
    }
}
