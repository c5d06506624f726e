using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Electrochem.Cli.Tests.Commands;

/// <summary><c>electrochem eis drt</c> on a written ZARC spectrum (R_∞ = 10 Ω, R = 50 Ω, τ₀ = 0.1 s, φ = 0.8).</summary>
public sealed class EisDrtCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void The_text_report_gives_lambda_the_resistances_and_gamma()
    {
        CliRun run = CliRun.Of("eis", "drt", Zarc());
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("chosen by generalised cross-validation", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("τ = 1/ω = 1/(2πf)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("R_pol = ∫γ d ln τ = 49.98", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("at τ = 0.100 s", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("λ = 1.000e-7", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("at the lower end of the search", run.Stdout, StringComparison.Ordinal); // noiseless data
    }

    [Fact]
    public void Json_and_csv_carry_the_same_distribution()
    {
        string csv = Path.Combine(_folder.Path, "gamma.csv");
        CliRun run = CliRun.Of("eis", "drt", Zarc(), "--lambda", "1e-3", "--penalty", "1", "--json", "--csv", csv);
        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal("given", root.GetProperty("lambdaCriterion").GetString());
        Assert.Equal(1e-3, root.GetProperty("lambda").GetDouble());
        Assert.Equal(1, root.GetProperty("penaltyOrder").GetInt32());
        Assert.InRange(root.GetProperty("polarizationResistanceOhm").GetDouble(), 48, 52);
        double[] gamma = [.. root.GetProperty("gammaOhm").EnumerateArray().Select(e => e.GetDouble())];
        string[] lines = File.ReadAllLines(csv);
        Assert.Equal("tau_s,gamma_Ohm", lines[0]);
        Assert.Equal(gamma.Length, lines.Length - 1);
        Assert.Equal(gamma[40], double.Parse(lines[41].Split(',')[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_bad_lambda_is_refused_with_what_was_expected()
    {
        CliRun run = CliRun.Of("eis", "drt", Zarc(), "--lambda", "-1");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--lambda is '-1'; expected a number > 0 (e.g. 1e-3) or gcv", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_penalty_or_width_is_refused_in_the_options_words()
    {
        CliRun penalty = CliRun.Of("eis", "drt", Zarc(), "--penalty", "3");
        Assert.NotEqual(0, penalty.ExitCode);
        Assert.Contains("--penalty is 3; expected 1 (first derivative of γ) or 2 (second derivative)", penalty.Stderr, StringComparison.Ordinal);
        CliRun width = CliRun.Of("eis", "drt", Zarc(), "--fwhm", "0");
        Assert.NotEqual(0, width.ExitCode);
        Assert.Contains("--fwhm is 0; expected a coefficient from 0.01 to 10", width.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private string Zarc()
    {
        var text = new StringBuilder("f (Hz),Z' (Ohm),Z'' (Ohm)\n");
        for (int i = 0; i < 81; i++)
        {
            double f = Math.Pow(10, 6 - (i / 10.0));
            Complex z = 10 + (50 / (1 + Complex.Pow(new Complex(0, 2 * Math.PI * f * 0.1), 0.8)));
            text.Append(CultureInfo.InvariantCulture, $"{f:R},{z.Real:R},{z.Imaginary:R}\n");
        }

        return _folder.Write("zarc.csv", text.ToString());
    }
}
