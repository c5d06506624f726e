using System.Text.Json;

namespace Electrochem.Cli.Tests.Commands;

public sealed class EisFitCommandTests : IDisposable
{
    private const string GettingStarted = "R0-p(R1,C1)-p(R2-Wo1,C2)";

    private readonly TempFolder _folder = new();

    private static string Example => Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy", "exampleData.csv");

    public void Dispose() => _folder.Dispose();

    private static JsonElement FitParameter(JsonElement root, string name) =>
        root.GetProperty("fit").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    [Fact]
    public void Text_report_has_the_fit_table_the_start_the_warnings_and_the_residuals()
    {
        CliRun run = CliRun.Of("eis", "fit", Example, "--circuit", GettingStarted, "--drop-inductive", "--guess", "R0=0.01");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Assert.Contains("57 points of 66, 9 inductive (Z″ > 0) dropped", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Circuit: {GettingStarted}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Weighting: Modulus", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Status: Converged", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\nR0\s+0\.01000\s+given\s+Ω", run.Stdout);
        Assert.Matches(@"\nR1\s+\S+\s+automatic\s+Ω", run.Stdout);
        Assert.Contains("Identifiability warnings", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Wo1_0: ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Residuals (Z − Ẑ)/|Z|: RMS", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_embeds_the_fit_and_the_model_and_finds_R0_of_impedance_py()
    {
        CliRun run = CliRun.Of("eis", "fit", Example, "--circuit", GettingStarted, "--drop-inductive", "--weight", "unit", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(GettingStarted, root.GetProperty("circuit").GetString());
        Assert.Equal("Unit", root.GetProperty("weighting").GetString());
        Assert.Equal(57, root.GetProperty("fittedPointCount").GetInt32());
        // From the automatic start the fit reaches impedance.py's global (basin-hopping) optimum, χ² 1.40e-5 rather
        // than its local 1.94e-5, where the long Warburg (τ ≈ 1.3e3 s) is poorly determined: only Wo1 is flagged.
        Assert.All(root.GetProperty("identifiabilityWarnings").EnumerateArray(), w => Assert.StartsWith("Wo1_", w.GetProperty("parameter").GetString(), StringComparison.Ordinal));
        Assert.All(root.GetProperty("start").EnumerateArray(), s => Assert.Equal("automatic", s.GetProperty("source").GetString()));
        JsonElement r0 = FitParameter(root, "R0");
        Assert.InRange(r0.GetProperty("value").GetDouble(), 0.0165 * 0.98, 0.0165 * 1.02);
        JsonElement model = root.GetProperty("model");
        Assert.Equal(GettingStarted, model.GetProperty("circuit").GetString());
        Assert.Equal(r0.GetProperty("value").GetDouble(), Electrochem.Impedance.CircuitModel.FromJson(model.GetRawText())["R0"]);
    }

    [Fact]
    public void When_the_second_automatic_start_wins_the_report_says_so_and_shows_its_values()
    {
        // impedance.py's Autolab spectrum with the getting-started circuit: the fit from the circle reading ends on a
        // non-finite model value at χ² ≈ 1.1, the one from the apex reading converges at χ² ≈ 0.0132.
        string autolab = Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy", "exampleDataAutolab.txt");
        CliRun run = CliRun.Of("eis", "fit", autolab, "--circuit", GettingStarted, "--drop-inductive");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Status: Converged", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Start (the fit from the automatic start did not converge, and the second automatic start (each arc read at its apex) reached a lower χ²; its values are in the last column)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("from the second automatic start", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\nR1\s+\S+\s+automatic\s+\S+\s+Ω", run.Stdout);
    }

    [Fact]
    public void Fix_holds_a_parameter_and_says_so()
    {
        CliRun run = CliRun.Of("eis", "fit", Example, "--circuit", GettingStarted, "--drop-inductive", "--fix", "R0=0.016", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement root = json.RootElement;
        JsonElement r0 = FitParameter(root, "R0");
        Assert.Equal(0.016, r0.GetProperty("value").GetDouble());
        Assert.Equal("fixed", root.GetProperty("start")[0].GetProperty("source").GetString());
        Assert.True(root.GetProperty("model").GetProperty("parameters")[0].GetProperty("fixed").GetBoolean());
        Assert.Contains("(fixed)", CliRun.Of("eis", "fit", Example, "--circuit", GettingStarted, "--drop-inductive", "--fix", "R0=0.016").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_global_option_is_deterministic_for_a_seed()
    {
        string[] args = ["eis", "fit", Example, "--circuit", GettingStarted, "--drop-inductive", "--weight", "unit", "--global", "10", "--seed", "1"];
        CliRun first = CliRun.Of(args);
        CliRun second = CliRun.Of(args);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Contains("10 random starts (seed 1)", first.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_circuit_string_names_the_position_and_the_problem()
    {
        CliRun run = CliRun.Of("eis", "fit", Example, "--circuit", "R0-p(R1,C1");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith("electrochem: Cannot read the circuit \"R0-p(R1,C1\" at position 10: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("--guess", "R9=1", "--guess: 'R9' is not a parameter of R0-p(R1,C1)-p(R2-Wo1,C2); its parameters are R0, R1, C1, R2, Wo1_0, Wo1_1, C2.")]
    [InlineData("--fix", "Wo1_2=1", "--fix: 'Wo1_2' is not a parameter of")]
    [InlineData("--guess", "R0", "--guess: 'R0' is not NAME=VALUE")]
    [InlineData("--fix", "R0=abc", "--fix: the value of R0, 'abc', is not a finite number.")]
    public void Unknown_names_and_malformed_lists_fail_cleanly(string option, string value, string message)
    {
        CliRun run = CliRun.Of("eis", "fit", Example, "--circuit", GettingStarted, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith("electrochem: " + message, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_bad_file_fails_cleanly()
    {
        string garbled = Path.Combine(_folder.Path, "garbled.csv");
        File.WriteAllText(garbled, "f,Zre,Zim\n1,2,x\n");
        CliRun run = CliRun.Of("eis", "fit", garbled, "--circuit", "R0-p(R1,C1)");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith("electrochem: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.NotEqual(0, CliRun.Of("eis", "fit", Example).ExitCode);
    }

    [Fact]
    public void An_absurd_number_of_global_starts_is_a_one_line_error_not_a_run_until_killed()
    {
        CliRun run = CliRun.Of("eis", "fit", Example, "--circuit", GettingStarted, "--global", "2147483647");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("between 0 (local fit only) and 100000", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Dropping_most_of_a_spectrum_as_inductive_is_said_on_standard_error()
    {
        // exampleData.csv with Z″ negated: the capacitive points now look inductive.
        string[] lines = File.ReadAllLines(Example);
        string path = Path.Combine(Path.GetTempPath(), "electrochem-negated-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(path, lines.Select(l =>
        {
            string[] f = l.Split(',');
            return f.Length == 3 && double.TryParse(f[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double z)
                ? string.Join(',', f[0], f[1], (-z).ToString("R", System.Globalization.CultureInfo.InvariantCulture))
                : l;
        }));
        try
        {
            CliRun run = CliRun.Of("eis", "fit", path, "--circuit", "R0-L0", "--drop-inductive", "--json");
            Assert.Contains("--drop-inductive dropped", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("probably holds −Z″", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
