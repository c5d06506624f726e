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
        Assert.Equal("tau_s,gamma_Ohm,gamma_lambda_over_10_Ohm,gamma_lambda_times_10_Ohm", lines[0]);
        Assert.Equal(gamma.Length, lines.Length - 1);
        Assert.Equal(gamma[40], double.Parse(lines[41].Split(',')[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_bad_lambda_is_refused_with_what_was_expected()
    {
        CliRun run = CliRun.Of("eis", "drt", Zarc(), "--lambda", "-1");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--lambda is '-1'; expected a number > 0 (e.g. 1e-3) or one of gcv, mgcv, rgcv, lcurve, discrepancy", run.Stderr, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("mgcv", "modified generalised cross-validation")]
    [InlineData("rgcv", "robust generalised cross-validation")]
    [InlineData("lcurve", "the L-curve's corner")]
    public void Every_lambda_criterion_is_available_by_name(string word, string words)
    {
        CliRun run = CliRun.Of("eis", "drt", Zarc(noise: 0.2), "--lambda", word);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"chosen by {words}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_discrepancy_principle_needs_the_noise()
    {
        CliRun without = CliRun.Of("eis", "drt", Zarc(noise: 0.2), "--lambda", "discrepancy");
        Assert.NotEqual(0, without.ExitCode);
        Assert.Contains("give the noise's standard deviation in Ω with --noise", without.Stderr, StringComparison.Ordinal);
        CliRun with = CliRun.Of("eis", "drt", Zarc(noise: 0.2), "--lambda", "discrepancy", "--noise", "0.2", "--json");
        Assert.Equal(0, with.ExitCode);
        using JsonDocument json = JsonDocument.Parse(with.Stdout);
        Assert.Equal("Discrepancy", json.RootElement.GetProperty("lambdaCriterion").GetString());
        Assert.InRange(json.RootElement.GetProperty("noiseStandardDeviationOhm").GetDouble(), 0.15, 0.25);
    }

    [Fact]
    public void A_real_only_fit_with_a_band_reports_both_and_leaves_out_the_inductance()
    {
        string csv = Path.Combine(_folder.Path, "band.csv");
        CliRun run = CliRun.Of("eis", "drt", Zarc(noise: 0.2), "--part", "real", "--band", "200", "--seed", "3", "--csv", csv);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Z′ only", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("L₀ = not fitted", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Warning: L₀ was left out of the model", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Credible band: 95 % from 200 posterior draws (seed 3)", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith(",band_lower_Ohm,band_upper_Ohm", File.ReadLines(csv).First(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inverse-quadratic", "InverseQuadratic")]
    [InlineData("piecewise-linear", "PiecewiseLinear")]
    public void Every_basis_is_available_by_its_kebab_name(string word, string name)
    {
        CliRun run = CliRun.Of("eis", "drt", Zarc(noise: 0.1), "--rbf", word, "--lambda", "1e-3");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{name} basis", run.Stdout, StringComparison.Ordinal);
        CliRun cauchy = CliRun.Of("eis", "drt", Zarc(), "--rbf", "cauchy");
        Assert.NotEqual(0, cauchy.ExitCode);
        Assert.Contains("--rbf cauchy needs --penalty 1", cauchy.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of("eis", "drt", Zarc(noise: 0.1), "--rbf", "cauchy", "--penalty", "1", "--lambda", "1e-3").ExitCode);
    }

    [Fact]
    public void Unknown_basis_or_band_size_is_refused_with_the_choices()
    {
        CliRun basis = CliRun.Of("eis", "drt", Zarc(), "--rbf", "sinc");
        Assert.NotEqual(0, basis.ExitCode);
        Assert.Contains("--rbf is 'sinc'; expected one of gaussian", basis.Stderr, StringComparison.Ordinal);
        CliRun band = CliRun.Of("eis", "drt", Zarc(), "--band", "5");
        Assert.NotEqual(0, band.ExitCode);
        Assert.Contains("--band is 5; expected the number of posterior draws, 100 to 100000", band.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Several files give one table with a row each, computed in parallel, and the same numbers as one at a time.</summary>
    [Fact]
    public void Several_spectra_give_one_table_and_the_same_numbers_as_one_at_a_time()
    {
        string first = Zarc(noise: 0.2, name: "a.csv");
        string second = Zarc(noise: 0.3, name: "b.csv", seed: 2);
        string table = Path.Combine(_folder.Path, "table.csv");
        CliRun both = CliRun.Of("eis", "drt", first, second, "--json", "--csv", table);
        Assert.Equal(0, both.ExitCode);
        using JsonDocument json = JsonDocument.Parse(both.Stdout);
        JsonElement[] spectra = [.. json.RootElement.GetProperty("spectra").EnumerateArray()];
        Assert.Equal(2, spectra.Length);
        CliRun alone = CliRun.Of("eis", "drt", second, "--json");
        using JsonDocument single = JsonDocument.Parse(alone.Stdout);
        Assert.Equal(single.RootElement.GetProperty("polarizationResistanceOhm").GetDouble(), spectra[1].GetProperty("polarizationResistanceOhm").GetDouble());
        Assert.Equal(3, File.ReadAllLines(table).Length);
        Assert.Contains("r_pol_Ohm", File.ReadLines(table).First(), StringComparison.Ordinal);
        CliRun text = CliRun.Of("eis", "drt", first, second);
        Assert.Contains("Distributions of relaxation times of 2 spectra", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Peaks_are_listed_with_their_areas_and_can_be_fitted_with_zarc_shapes()
    {
        CliRun run = CliRun.Of("eis", "drt", Zarc(noise: 0.1), "--lambda", "1e-3", "--peak-fit", "zarc");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Peaks (maxima above 10 % of the highest; areas split at the valleys): 1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Zarc peaks fitted to γ", run.Stdout, StringComparison.Ordinal);
        CliRun json = CliRun.Of("eis", "drt", Zarc(noise: 0.1), "--lambda", "1e-3", "--peak-fit", "zarc", "--json");
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        JsonElement peak = document.RootElement.GetProperty("peaks")[0];
        Assert.InRange(peak.GetProperty("areaOhm").GetDouble(), 48, 52);
        Assert.InRange(peak.GetProperty("tauSecond").GetDouble(), 0.08, 0.125);
        Assert.True(peak.GetProperty("areaIsResistance").GetBoolean());
        Assert.InRange(document.RootElement.GetProperty("peakFit").GetProperty("peaks")[0].GetProperty("resistanceOhm").GetDouble(), 48, 54);
    }

    [Fact]
    public void The_batch_table_has_a_column_group_per_peak()
    {
        string table = Path.Combine(_folder.Path, "peaks.csv");
        CliRun run = CliRun.Of("eis", "drt", Zarc(noise: 0.1, name: "a.csv"), Zarc(noise: 0.1, name: "b.csv", seed: 4), "--lambda", "1e-3", "--csv", table);
        Assert.Equal(0, run.ExitCode);
        string[] header = File.ReadLines(table).First().Split(',');
        Assert.Contains("peak_count", header);
        Assert.Contains("peak1_area_Ohm", header);
        Assert.Contains("peak4_area_is_resistance", header);
        Assert.Contains("→", run.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private string Zarc(double noise = 0, string name = "zarc.csv", int seed = 1)
    {
        var random = new Random(seed);
        var text = new StringBuilder("f (Hz),Z' (Ohm),Z'' (Ohm)\n");
        for (int i = 0; i < 81; i++)
        {
            double f = Math.Pow(10, 6 - (i / 10.0));
            Complex z = 10 + (50 / (1 + Complex.Pow(new Complex(0, 2 * Math.PI * f * 0.1), 0.8)))
                + new Complex(noise * Normal(random), noise * Normal(random));
            text.Append(CultureInfo.InvariantCulture, $"{f:R},{z.Real:R},{z.Imaginary:R}\n");
        }

        return _folder.Write(name, text.ToString());
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
