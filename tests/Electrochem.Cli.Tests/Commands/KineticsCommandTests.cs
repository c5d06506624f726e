using System.Globalization;
using System.Text;
using System.Text.Json;
using Electrochem.Kinetics;

namespace Electrochem.Cli.Tests.Commands;

public sealed class KineticsCommandTests : IDisposable
{
    private const double Kelvin = 301.15;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A noise-free Li‖Li sweep, i = 2·i₀·sinh(F·η_cell/(4RT)), ±0.6 V in 4 mV steps, currents times <paramref name="scale"/>.</summary>
    private string WriteCellSweep(double i0, string header, double scale = 1, string name = "sweep.csv", double limit = 0.6)
    {
        var cell = new SymmetricCell(i0, 0.5, 0.5, 1, Kelvin);
        var text = new StringBuilder(header).Append('\n');
        for (int k = -(int)Math.Round(limit / 0.004); k <= (int)Math.Round(limit / 0.004); k++)
        {
            double eta = k * 0.004;
            text.Append(eta.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append((cell.Evaluate(eta) * scale).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        return _folder.Write(name, text.ToString());
    }

    private static JsonElement Json(CliRun run)
    {
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        return document.RootElement.Clone();
    }

    private static double Value(JsonElement element, string name) => element.GetProperty(name).GetProperty("value").GetDouble();

    private static void AssertOneErrorLine(CliRun run, string expectedFragment)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        string[] lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("electrochem: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expectedFragment, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Tafel_text_states_the_geometry_the_regions_slopes_in_mV_per_decade_and_i0()
    {
        string file = WriteCellSweep(0.25, "eta_cell (V),i (mA/cm2)");
        CliRun run = CliRun.Of("kinetics", "tafel", file, "--geometry", "cell", "--temperature", "301.15");
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Geometry assumed: symmetric cell (--geometry cell)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("selected automatically", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Tafel slope b, anodic", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Tafel slope b, cathodic", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("mV/decade", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("i₀, combined", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("mA/cm²", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("T = 301.150 K (--temperature)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Tafel_json_gives_i0_per_branch_and_combined_and_the_geometry()
    {
        string file = WriteCellSweep(0.25, "eta_cell (V),i (mA/cm2)");
        JsonElement root = Json(CliRun.Of("kinetics", "tafel", file, "--geometry", "cell", "--temperature", "301.15", "--json"));
        Assert.Equal("kinetics tafel", root.GetProperty("command").GetString());
        Assert.Equal("cell", root.GetProperty("geometry").GetString());
        Assert.Contains("symmetric cell", root.GetProperty("geometryAssumed").GetString(), StringComparison.Ordinal);
        Assert.Equal("mA/cm²", root.GetProperty("units").GetProperty("exchangeCurrentDensity").GetString());
        Assert.Equal(0.25, Value(root, "exchangeCurrentDensity"), 0.25 * 0.01);
        Assert.Equal(0.25, Value(root.GetProperty("anodic"), "exchangeCurrentDensity"), 0.25 * 0.01);
        Assert.Equal(0.5, Value(root.GetProperty("cathodic"), "transferCoefficient"), 0.01);
        Assert.True(Value(root.GetProperty("anodic"), "tafelSlope") > 230);
        Assert.Equal("SymmetricCell", root.GetProperty("tafel").GetProperty("geometry").GetString());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void Reading_a_cell_curve_as_one_electrode_halves_alpha_and_the_output_says_which_was_assumed()
    {
        string file = WriteCellSweep(0.25, "eta_cell (V),i (mA/cm2)");
        JsonElement cell = Json(CliRun.Of("kinetics", "tafel", file, "--geometry", "cell", "--temperature", "301.15", "--json"));
        JsonElement electrode = Json(CliRun.Of("kinetics", "tafel", file, "--geometry", "electrode", "--temperature", "301.15", "--json"));
        Assert.Equal("electrode", electrode.GetProperty("geometry").GetString());
        double ratio = Value(cell.GetProperty("anodic"), "transferCoefficient") / Value(electrode.GetProperty("anodic"), "transferCoefficient");
        Assert.Equal(2, ratio, 0.05);
    }

    [Fact]
    public void The_geometry_must_be_given()
    {
        string file = WriteCellSweep(0.25, "eta_cell (V),i (mA/cm2)");
        CliRun run = CliRun.Of("kinetics", "tafel", file);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--geometry", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_current_in_A_gives_i0_in_A_per_cm2_and_mA_gives_mA_per_cm2()
    {
        string milli = WriteCellSweep(0.25, "eta_cell (V),i (mA/cm2)", name: "milli.csv");
        string amps = WriteCellSweep(0.25, "eta_cell (V),i (A/cm2)", scale: 1e-3, name: "amps.csv");
        JsonElement a = Json(CliRun.Of("kinetics", "tafel", amps, "--geometry", "cell", "--temperature", "301.15", "--json"));
        JsonElement m = Json(CliRun.Of("kinetics", "tafel", milli, "--geometry", "cell", "--temperature", "301.15", "--json"));
        Assert.Equal("A/cm²", a.GetProperty("units").GetProperty("exchangeCurrentDensity").GetString());
        Assert.Equal(Value(m, "exchangeCurrentDensity") * 1e-3, Value(a, "exchangeCurrentDensity"), 1e-9);
    }

    [Fact]
    public void Area_turns_a_current_into_a_current_density()
    {
        string file = WriteCellSweep(0.25, "eta_cell (V),I (mA)", scale: 2.0);
        JsonElement root = Json(CliRun.Of("kinetics", "tafel", file, "--geometry", "cell", "--temperature", "301.15", "--area", "2", "--json"));
        Assert.Equal("mA/cm²", root.GetProperty("units").GetProperty("exchangeCurrentDensity").GetString());
        Assert.Equal(2.0, root.GetProperty("data").GetProperty("current").GetProperty("areaSquareCentimetres").GetDouble());
        Assert.Equal(0.25, Value(root, "exchangeCurrentDensity"), 0.25 * 0.01);
        JsonElement withoutArea = Json(CliRun.Of("kinetics", "tafel", file, "--geometry", "cell", "--temperature", "301.15", "--json"));
        Assert.Equal("mA", withoutArea.GetProperty("units").GetProperty("exchangeCurrentDensity").GetString());
        Assert.Equal(0.5, Value(withoutArea, "exchangeCurrentDensity"), 0.5 * 0.01);
    }

    [Fact]
    public void Area_on_a_density_column_is_an_error()
    {
        string file = WriteCellSweep(0.25, "eta_cell (V),i (mA/cm2)");
        AssertOneErrorLine(CliRun.Of("kinetics", "tafel", file, "--geometry", "cell", "--area", "2"), "already a current density");
    }

    [Fact]
    public void A_current_without_a_unit_is_an_error_unless_the_unit_is_given()
    {
        string file = WriteCellSweep(0.25, "eta_cell (V),i");
        AssertOneErrorLine(CliRun.Of("kinetics", "tafel", file, "--geometry", "cell"), "has no unit");
        Assert.Contains(file + ":1:", CliRun.Of("kinetics", "tafel", file, "--geometry", "cell").Stderr, StringComparison.Ordinal);
        JsonElement root = Json(CliRun.Of("kinetics", "tafel", file, "--geometry", "cell", "--current-unit", "mA/cm2", "--temperature", "301.15", "--json"));
        Assert.Equal("option", root.GetProperty("data").GetProperty("current").GetProperty("unitFrom").GetString());
        Assert.Equal(0.25, Value(root, "exchangeCurrentDensity"), 0.25 * 0.01);
    }

    [Fact]
    public void A_malformed_file_gives_one_line_naming_file_and_line()
    {
        string file = _folder.Write("bad.csv", "eta_cell (V),i (mA/cm2)\n0.1,0.2\n0.2,oops\n");
        AssertOneErrorLine(CliRun.Of("kinetics", "tafel", file, "--geometry", "cell"), file + ":3:");
        AssertOneErrorLine(CliRun.Of("kinetics", "bv", Path.Combine(_folder.Path, "missing.csv"), "--geometry", "cell"), "no such file");
    }

    [Fact]
    public void A_curve_that_never_leaves_the_low_field_region_is_rejected_by_the_core_in_one_line()
    {
        string file = WriteCellSweep(0.25, "eta_cell (V),i (mA/cm2)", limit: 0.1);
        AssertOneErrorLine(CliRun.Of("kinetics", "tafel", file, "--geometry", "cell"), "low-field");
    }

    [Fact]
    public void Regions_given_by_hand_are_used_and_said_to_be()
    {
        string file = WriteCellSweep(0.25, "eta_cell (V),i (mA/cm2)");
        CliRun run = CliRun.Of("kinetics", "tafel", file, "--geometry", "cell", "--region-anodic", "0.35:0.55", "--region-cathodic", "0.35:0.55");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("given by hand", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, CliRun.Of("kinetics", "tafel", file, "--geometry", "cell", "--region-anodic", "0.35-0.55").ExitCode);
    }

    [Fact]
    public void Equilibrium_potential_is_subtracted_for_one_electrode_and_refused_for_a_cell()
    {
        var electrode = new ButlerVolmer(0.074, 0.5, 0.5, 1, Kelvin);
        var text = new StringBuilder("E (V),i (mA/cm2)\n");
        for (int k = -75; k <= 75; k++)
        {
            double eta = k * 0.004;
            text.Append((3.0 + eta).ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(electrode.Evaluate(eta).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        string file = _folder.Write("electrode.csv", text.ToString());
        JsonElement root = Json(CliRun.Of("kinetics", "tafel", file, "--geometry", "electrode", "--e-eq", "3.0", "--temperature", "301.15", "--json"));
        Assert.Equal("E", root.GetProperty("data").GetProperty("voltage").GetProperty("quantity").GetString());
        Assert.Equal(0.074, Value(root, "exchangeCurrentDensity"), 0.074 * 0.01);
        JsonElement bv = Json(CliRun.Of("kinetics", "bv", file, "--geometry", "electrode", "--e-eq", "3.0", "--temperature", "301.15", "--json"));
        Assert.Equal(0.074, Value(bv, "exchangeCurrentDensity"), 0.074 * 0.001);
        Assert.Equal(1, CliRun.Of("kinetics", "tafel", file, "--geometry", "cell", "--e-eq", "3.0").ExitCode);
    }

    [Fact]
    public void Bv_fits_a_cell_with_alpha_held_by_default_or_fitted_on_request()
    {
        string file = WriteCellSweep(0.074, "eta_cell (V),i (mA/cm2)");
        CliRun text = CliRun.Of("kinetics", "bv", file, "--geometry", "cell", "--temperature", "301.15");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("0.5000 (held)", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Geometry assumed: symmetric cell", text.Stdout, StringComparison.Ordinal);
        JsonElement held = Json(CliRun.Of("kinetics", "bv", file, "--geometry", "cell", "--temperature", "301.15", "--json"));
        Assert.Equal(0.074, Value(held, "exchangeCurrentDensity"), 0.074 * 1e-4);
        Assert.True(held.GetProperty("quantities")[0].GetProperty("held").GetBoolean());
        JsonElement fitted = Json(CliRun.Of("kinetics", "bv", file, "--geometry", "cell", "--temperature", "301.15", "--fit-alpha", "--json"));
        Assert.False(fitted.GetProperty("quantities")[0].GetProperty("held").GetBoolean());
        Assert.Equal(0.5, fitted.GetProperty("quantities")[0].GetProperty("value").GetDouble(), 1e-4);
    }

    [Fact]
    public void Bv_options_that_do_not_fit_the_geometry_are_usage_errors()
    {
        string file = WriteCellSweep(0.074, "eta_cell (V),i (mA/cm2)");
        Assert.Equal(1, CliRun.Of("kinetics", "bv", file, "--geometry", "cell", "--fit-limiting-currents").ExitCode);
        Assert.Equal(1, CliRun.Of("kinetics", "bv", file, "--geometry", "electrode", "--alpha", "0.5").ExitCode);
        Assert.Equal(1, CliRun.Of("kinetics", "bv", file, "--geometry", "cell", "--alpha", "0.5", "--fit-alpha").ExitCode);
    }

    [Fact]
    public void Bv_fits_one_electrode_with_limiting_currents()
    {
        var electrode = new ButlerVolmer(0.25, 0.45, 0.55, 1, Kelvin) { AnodicLimitingCurrentDensity = 5, CathodicLimitingCurrentDensity = 4 };
        var text = new StringBuilder("eta (mV),j (mA cm-2)\n");
        for (int k = -100; k <= 100; k++)
        {
            double eta = k * 0.004;
            text.Append((eta * 1000).ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(electrode.Evaluate(eta).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        string file = _folder.Write("limited.csv", text.ToString());
        JsonElement root = Json(CliRun.Of("kinetics", "bv", file, "--geometry", "electrode", "--temperature", "301.15", "--fit-limiting-currents", "--json"));
        Assert.Equal(0.25, Value(root, "exchangeCurrentDensity"), 0.25 * 1e-3);
        JsonElement quantities = root.GetProperty("quantities");
        Assert.Equal(4, quantities.GetArrayLength());
        Assert.Equal(0.45, quantities[0].GetProperty("value").GetDouble(), 1e-3);
        Assert.Equal(5, quantities[2].GetProperty("value").GetDouble(), 1e-2);
        Assert.Equal("mV", root.GetProperty("data").GetProperty("voltage").GetProperty("unitInFile").GetString());
    }

    [Fact]
    public void Columns_named_on_the_command_line_read_headers_the_reader_does_not_know()
    {
        string known = WriteCellSweep(0.25, "eta_cell (V),i (mA/cm2)");
        string foreign = WriteCellSweep(0.25, "Spannung;Stromdichte".Replace(';', ','), name: "de.csv");
        JsonElement expected = Json(CliRun.Of("kinetics", "tafel", known, "--geometry", "cell", "--temperature", "301.15", "--json"));
        JsonElement named = Json(CliRun.Of("kinetics", "tafel", foreign, "--geometry", "cell", "--temperature", "301.15", "--json",
            "--voltage-column", "Spannung", "--voltage-unit", "V", "--current-column", "Stromdichte", "--current-unit", "mA/cm2"));
        Assert.Equal(expected.GetProperty("tafel").ToString(), named.GetProperty("tafel").ToString());

        AssertOneErrorLine(CliRun.Of("kinetics", "tafel", foreign, "--geometry", "cell"), "or name it (--voltage-column NAME --voltage-unit V|mV)");
        AssertOneErrorLine(CliRun.Of("kinetics", "tafel", foreign, "--geometry", "cell", "--voltage-column", "Volt"), "no column is named 'Volt' (--voltage-column); the columns are 'Spannung', 'Stromdichte'");
    }

    [Fact]
    public void Bv_weights_by_relative_noise_by_default_by_an_uncertainty_column_when_given_or_equally_when_asked()
    {
        string plain = WriteCellSweep(0.25, "eta_cell (V),i (mA/cm2)");
        JsonElement relative = Json(CliRun.Of("kinetics", "bv", plain, "--geometry", "cell", "--temperature", "301.15", "--json"));
        Assert.StartsWith("relative noise", relative.GetProperty("weights").GetString(), StringComparison.Ordinal);
        JsonElement unit = Json(CliRun.Of("kinetics", "bv", plain, "--geometry", "cell", "--temperature", "301.15", "--json", "--weight", "unit"));
        Assert.Equal("equal (--weight unit)", unit.GetProperty("weights").GetString());

        string[] lines = File.ReadAllLines(plain);
        string withU = _folder.Write("with-u.csv", "eta_cell (V),i (mA/cm2),u_i (mA/cm2)\n" + string.Join('\n', lines.Skip(1).Select(l =>
        {
            double i = double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture);
            return $"{l},{Math.Max(0.02 * Math.Abs(i), 1e-4).ToString("R", CultureInfo.InvariantCulture)}";
        })) + "\n");
        JsonElement weighted = Json(CliRun.Of("kinetics", "bv", withU, "--geometry", "cell", "--temperature", "301.15", "--json"));
        Assert.Equal("1/u² from the column 'u_i (mA/cm2)'", weighted.GetProperty("weights").GetString());
        Assert.Equal(0.25, weighted.GetProperty("exchangeCurrentDensity").GetProperty("value").GetDouble(), 1e-6);
    }
}
