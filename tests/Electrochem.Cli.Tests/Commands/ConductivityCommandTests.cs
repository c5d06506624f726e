using System.Text.Json;
using Electrochem.Constants;

namespace Electrochem.Cli.Tests.Commands;

public sealed class ConductivityCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static JsonElement Json(CliRun run)
    {
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        return document.RootElement.Clone();
    }

    private static double EaElectronVolts(JsonElement root) =>
        root.GetProperty("activationEnergy").GetProperty("electronVolts").GetProperty("value").GetDouble();

    private static void AssertOneErrorLine(CliRun run, string expectedStart)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        string[] lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith(expectedStart, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Arrhenius_prints_the_form_the_fit_table_and_Ea_in_both_units()
    {
        string file = CliRun.WriteArrheniusFile(_folder.Path, 0.30, 1e-4);
        CliRun run = CliRun.Of("conductivity", "arrhenius", file);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("Arrhenius fit, form sigma: σ = A·exp(−Ea/(k_B·T))", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Status: Converged", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("ActivationEnergy", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Activation energy Ea (sigma form)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("kJ/mol", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Pre-exponential factor A", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("95% CI", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("S/cm", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Arrhenius_json_is_one_document_with_form_units_and_Ea_in_both_units()
    {
        string file = CliRun.WriteArrheniusFile(_folder.Path, 0.30, 1e-4);
        JsonElement root = Json(CliRun.Of("conductivity", "arrhenius", file, "--json"));
        Assert.Equal("sigma", root.GetProperty("form").GetString());
        Assert.Equal("S/cm", root.GetProperty("units").GetProperty("conductivity").GetString());
        Assert.Equal("S/cm", root.GetProperty("units").GetProperty("preExponentialFactor").GetString());
        Assert.Equal(0.30, EaElectronVolts(root), 9);
        JsonElement kj = root.GetProperty("activationEnergy").GetProperty("kilojoulesPerMole");
        Assert.Equal(0.30 * UnitConversions.KilojoulesPerMolePerElectronVolt, kj.GetProperty("value").GetDouble(), 6);
        Assert.Equal("kJ/mol", kj.GetProperty("unit").GetString());
        Assert.Equal(1e-4 * Math.Exp(0.30 / PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin / 300), root.GetProperty("preExponentialFactor").GetProperty("value").GetDouble(), 1e-6);
        JsonElement fit = root.GetProperty("fit");
        Assert.Equal("Converged", fit.GetProperty("status").GetString());
        Assert.Equal(9, fit.GetProperty("statistics").GetProperty("observationCount").GetInt32());
        Assert.Equal(2, fit.GetProperty("parameters").GetArrayLength());
    }

    [Fact]
    public void The_form_flag_changes_Ea_by_about_kB_times_the_mean_temperature()
    {
        string file = CliRun.WriteArrheniusFile(_folder.Path, 0.24, 3.6e-4);
        double sigma = EaElectronVolts(Json(CliRun.Of("conductivity", "arrhenius", file, "--json", "--form", "sigma")));
        JsonElement sigmaTRoot = Json(CliRun.Of("conductivity", "arrhenius", file, "--json", "--form", "sigmaT"));
        Assert.Equal("sigmaT", sigmaTRoot.GetProperty("form").GetString());
        Assert.Equal("S/cm·K", sigmaTRoot.GetProperty("units").GetProperty("preExponentialFactor").GetString());
        double expected = PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin * 323.15;
        Assert.Equal(expected, EaElectronVolts(sigmaTRoot) - sigma, expected * 0.01);
    }

    [Fact]
    public void The_level_sets_the_confidence_level_of_the_intervals()
    {
        string text = "T (K),sigma (S/cm)\n300,1.00e-4\n310,1.43e-4\n320,1.92e-4\n330,2.71e-4\n340,3.49e-4\n";
        string file = _folder.Write("noisy.csv", text);
        JsonElement at95 = Json(CliRun.Of("conductivity", "arrhenius", file, "--json"));
        JsonElement at68 = Json(CliRun.Of("conductivity", "arrhenius", file, "--json", "--level", "0.68"));
        Assert.Equal(0.68, at68.GetProperty("fit").GetProperty("confidenceLevel").GetDouble());
        double Width(JsonElement root)
        {
            JsonElement ea = root.GetProperty("activationEnergy").GetProperty("electronVolts");
            return ea.GetProperty("confidenceUpper").GetDouble() - ea.GetProperty("confidenceLower").GetDouble();
        }

        Assert.True(Width(at68) < 0.5 * Width(at95));
        Assert.Equal(EaElectronVolts(at95), EaElectronVolts(at68));
    }

    [Fact]
    public void The_temperature_unit_option_supplies_a_missing_unit()
    {
        string kelvin = CliRun.WriteArrheniusFile(_folder.Path, 0.30, 1e-4, "kelvin.csv");
        string celsius = CliRun.WriteArrheniusFile(_folder.Path, 0.30, 1e-4, "celsius.csv", celsius: true);
        string noUnit = _folder.Write("nounit.csv", File.ReadAllText(celsius).Replace("T (°C)", "T", StringComparison.Ordinal));
        double fromHeader = EaElectronVolts(Json(CliRun.Of("conductivity", "arrhenius", kelvin, "--json")));
        JsonElement root = Json(CliRun.Of("conductivity", "arrhenius", noUnit, "--json", "--temperature-unit", "C"));
        Assert.Equal(fromHeader, EaElectronVolts(root), 9);
        Assert.Equal("option", root.GetProperty("data").GetProperty("temperature").GetProperty("unitFrom").GetString());
        AssertOneErrorLine(CliRun.Of("conductivity", "arrhenius", noUnit), $"electrochem: {noUnit}:1: the temperature column 'T' has no unit");
        AssertOneErrorLine(CliRun.Of("conductivity", "arrhenius", celsius, "--temperature-unit", "K"), $"electrochem: {celsius}:1: the temperature column 'T (°C)' is in °C but the temperature unit K was given");
    }

    [Fact]
    public void A_bad_file_gives_one_stderr_line_with_file_and_line_exit_2_and_no_stdout()
    {
        string file = _folder.Write("bad.csv", "# measured\nT (K),sigma (S/cm)\n300,1e-4\n310,oops\n320,3e-4\n");
        foreach (string command in new[] { "arrhenius", "vtf", "compare" })
        {
            CliRun run = CliRun.Of("conductivity", command, file);
            AssertOneErrorLine(run, $"electrochem: {file}:4: column 2 ('sigma (S/cm)') is 'oops', which is not a number");
            Assert.Equal($"electrochem: {file}:4: column 2 ('sigma (S/cm)') is 'oops', which is not a number; expected a decimal number such as 3.6e-4{Environment.NewLine}", run.Stderr);
        }
    }

    [Fact]
    public void A_missing_file_gives_one_stderr_line_and_exit_2()
    {
        string file = Path.Combine(_folder.Path, "absent.csv");
        AssertOneErrorLine(CliRun.Of("conductivity", "arrhenius", file), $"electrochem: {file}: no such file");
    }

    [Fact]
    public void Too_few_points_for_the_analysis_give_one_stderr_line_and_exit_2()
    {
        string two = _folder.Write("two.csv", "T (K),sigma (S/cm)\n300,1e-4\n310,2e-4\n");
        AssertOneErrorLine(CliRun.Of("conductivity", "arrhenius", two), $"electrochem: {two}: temperatureKelvin has 2 values but at least 3 are needed");
        string five = CliRun.WriteArrheniusFile(_folder.Path, 0.3, 1e-4, "five.csv");
        File.WriteAllLines(five, File.ReadAllLines(five).Take(6));
        AssertOneErrorLine(CliRun.Of("conductivity", "compare", five), $"electrochem: {five}: temperatureKelvin has 5 values but at least 6 are needed");
    }

    [Theory]
    [InlineData("conductivity", "arrhenius", "x.csv", "--bogus")]
    [InlineData("conductivity", "arrhenius", "x.csv", "--form", "sigmaTT")]
    [InlineData("conductivity", "arrhenius", "x.csv", "--temperature-unit", "F")]
    [InlineData("conductivity", "arrhenius", "x.csv", "--level", "1.5")]
    [InlineData("conductivity", "vtf", "x.csv", "--form", "sigma")]
    [InlineData("conductivity", "arrhenius")]
    [InlineData("conductivty")]
    public void Usage_errors_exit_non_zero_with_the_parser_message(params string[] args)
    {
        CliRun run = CliRun.Of(args);
        Assert.Equal(1, run.ExitCode);
        Assert.NotEqual(string.Empty, run.Stderr.Trim());
    }

    [Fact]
    public void Vtf_json_reports_the_pseudo_activation_energy_and_T0()
    {
        string file = _folder.Write("vtf.csv", Vtf(a: 2.0, b: 800, t0: 200));
        JsonElement root = Json(CliRun.Of("conductivity", "vtf", file, "--json"));
        Assert.Equal("VTF", root.GetProperty("model").GetString());
        Assert.Equal(800 * PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin, root.GetProperty("pseudoActivationEnergy").GetProperty("electronVolts").GetProperty("value").GetDouble(), 1e-6);
        Assert.Equal(200, root.GetProperty("idealGlassTransitionTemperature").GetProperty("value").GetDouble(), 1e-4);
        Assert.Equal("S/cm·K^½", root.GetProperty("units").GetProperty("preExponentialFactor").GetString());
        CliRun text = CliRun.Of("conductivity", "vtf", file);
        Assert.Contains("Ideal glass transition T₀", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_prefers_VTF_for_curved_data_and_reports_both_fits()
    {
        string file = _folder.Write("vtf.csv", Vtf(a: 2.0, b: 800, t0: 200));
        JsonElement root = Json(CliRun.Of("conductivity", "compare", file, "--json"));
        Assert.Equal("VTF", root.GetProperty("preferredModel").GetString());
        Assert.True(root.GetProperty("deltaAicc").GetDouble() < -10);
        Assert.Equal(1.0, root.GetProperty("arrheniusAkaikeWeight").GetDouble() + root.GetProperty("vtfAkaikeWeight").GetDouble(), 12);
        Assert.Equal("sigma", root.GetProperty("arrhenius").GetProperty("form").GetString());
        Assert.True(root.GetProperty("arrhenius").GetProperty("activationEnergy").GetProperty("kilojoulesPerMole").GetProperty("value").GetDouble() > 0);
        CliRun text = CliRun.Of("conductivity", "compare", file);
        Assert.Contains("VTF preferred", text.Stdout, StringComparison.Ordinal);
    }

    /// <summary>VTF data with a little deterministic scatter, T 250–400 K in 10 K steps.</summary>
    private static string Vtf(double a, double b, double t0)
    {
        var text = new System.Text.StringBuilder("T (K),sigma (S/cm)\n");
        for (int i = 0; i <= 15; i++)
        {
            double t = 250 + (10 * i);
            double sigma = a / Math.Sqrt(t) * Math.Exp(-b / (t - t0));
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{t},{sigma:R}\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Columns_named_on_the_command_line_read_headers_the_reader_does_not_know()
    {
        string known = CliRun.WriteArrheniusFile(_folder.Path, 0.24, 3.6e-4, celsius: true);
        string foreign = _folder.Write("de.csv", "Messpunkt,Grad,Leitwert\n" + string.Join('\n', File.ReadAllLines(known).Skip(1).Select((l, i) => $"{i},{l}")) + "\n");
        double expected = EaElectronVolts(Json(CliRun.Of("conductivity", "arrhenius", known, "--json")));
        double named = EaElectronVolts(Json(CliRun.Of("conductivity", "arrhenius", foreign, "--json", "--temperature-column", "Grad", "--temperature-unit", "C", "--conductivity-column", "Leitwert")));
        Assert.Equal(expected, named, 1e-12);
    }
}
