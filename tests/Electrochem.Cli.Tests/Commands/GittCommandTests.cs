using System.Text.Json;
using Electrochem.Diffusion;
using Electrochem.IO.Cycling;

namespace Electrochem.Cli.Tests.Commands;

public sealed class GittCommandTests : IDisposable
{
    private static readonly string FullCell = Path.Combine(AppContext.BaseDirectory, "Data", "cycling", "cellpy", "20210210_FC_01_cc_03.Channel_Normal_Table.csv");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Gitt_prints_every_pulse_with_D_and_its_concerns()
    {
        CliRun run = CliRun.Of("gitt", FullCell, "--radius", "5um", "--capacity", "0.0033579");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("187 pulses (93 charge, 94 discharge)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("r/3 of spheres of radius 5um", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("3.487564", run.Stdout, StringComparison.Ordinal); // the first rest-end OCV
        Assert.Contains("CutShort", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("UnrelaxedRest", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Gitt_writes_json_and_csv_in_SI_units()
    {
        string csv = Path.Combine(_folder.Path, "gitt.csv");
        CliRun run = CliRun.Of("gitt", FullCell, "--mass", "22.64mg", "--molar-mass", "97.87", "--molar-volume", "19.341897", "--area", "1.54cm2", "--window", "10:", "--json", "--csv", csv);
        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        JsonElement root = document.RootElement;
        Assert.Equal(22.64e-3 * 19.341897 / (97.87 * 1.54) / 100, root.GetProperty("diffusion_length_m").GetDouble(), 1e-15);
        Assert.Equal(187, root.GetProperty("pulses").GetArrayLength());
        JsonElement first = root.GetProperty("pulses")[0];
        Assert.Equal(3.487564, first.GetProperty("relaxed_voltage_V").GetDouble(), 1.5e-6);
        Assert.True(first.GetProperty("diffusion_coefficient_m2_per_s").GetDouble() > 0);
        string[] lines = File.ReadAllLines(csv);
        Assert.Equal(188, lines.Length);
        Assert.StartsWith("index,start_time_s,duration_s,current_A", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--length", "10", "a number without a unit is refused")]
    [InlineData("--length", "10furlongs", "expected a length with its unit")]
    [InlineData("--window", "5", "expected START:END")]
    public void Gitt_refuses_ambiguous_or_malformed_arguments(string option, string value, string message)
    {
        CliRun run = CliRun.Of("gitt", FullCell, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Gitt_refuses_two_geometries_at_once()
    {
        CliRun run = CliRun.Of("gitt", FullCell, "--length", "10um", "--radius", "5um");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("one way", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Ici_reports_resistance_and_D_for_a_simulated_interrupted_charge()
    {
        var e = new InsertionElectrode(DiffusionGeometry.Planar, 1e-5, 1e-4, 50_000, 0.9, Diffusivity.Constant(1e-14), OpenCircuitCurve.Linear(4.0, -1.0), ChargingDirection.Extraction) { SeriesResistanceOhms = 15 };
        TitrationSimulation sim = TitrationSimulator.Simulate(e, TitrationProgram.Interrupted(e.AmpereHoursPerUnitStoichiometry / 5, 300, 5, 25), new DiffusionSolverOptions { MaximumTimeStepSeconds = 0.05, SampleIntervalSeconds = 0.1 });
        string file = Path.Combine(_folder.Path, "ici.csv");
        RecordingCsv.Write(sim.Recording, file);
        CliRun run = CliRun.Of("ici", file, "--length", "10um", "--json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        JsonElement last = document.RootElement.GetProperty("interruptions")[24];
        Assert.Equal(15, last.GetProperty("resistance_ohm").GetDouble(), 0.15);
        Assert.Equal(1e-14, last.GetProperty("diffusion_coefficient_m2_per_s").GetDouble(), 0.04e-14);
        Assert.Equal("None", last.GetProperty("concerns").GetString());
    }
}
