using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Electrochem.Cli.Tests.Commands;

public sealed class VoltammetryCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Writes a table the way a script would: <c>time_s,Ewe/V,current_A</c> (header grammar: s, V, A).</summary>
    private string Write(string name, IEnumerable<(double T, double E, double I)> rows)
    {
        var text = new StringBuilder("time_s,Ewe/V,current_A\n");
        foreach ((double t, double e, double i) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{t:R},{e:R},{i:R}\n");
        }

        string path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void Lsv_reports_each_criterions_onset_with_an_area()
    {
        // 1 cm², 1 mV/s, j = 20 µA/cm²·exp((E − 4.5)/0.05) + 0.2 µA/cm²: 10 µA/cm² at 4.5 + 0.05·ln(9.8/20) = 4.4643 V.
        string path = Write("lsv.csv", Enumerable.Range(0, 2001).Select(k => (T: (double)k, E: 3.5 + (0.001 * k), I: 1e-4 * (0.002 + (0.2 * Math.Exp((3.5 + (0.001 * k) - 4.5) / 0.05))))));
        string onsets = Path.Combine(_folder.Path, "onsets.csv");
        CliRun run = CliRun.Of("voltammetry", "lsv", path, "--area", "1cm2", "--json", "--csv", onsets);
        Assert.Equal(4, File.ReadAllLines(onsets).Length);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        using JsonDocument d = JsonDocument.Parse(run.Stdout);
        JsonElement threshold = d.RootElement.GetProperty("onsets")[0];
        Assert.Equal(4.5 + (0.05 * Math.Log(0.098 / 0.2)), threshold.GetProperty("potential_V").GetDouble(), 1e-4);
        Assert.Equal(0.001, d.RootElement.GetProperty("scan_rate_V_per_s").GetDouble(), 1e-9);
        CliRun text = CliRun.Of("voltammetry", "lsv", path, "--area", "1cm2");
        Assert.Contains("anodic (oxidation) sweep at 1 mV/s", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("|j| ≥ 10 µA/cm²", text.Stdout, StringComparison.Ordinal);
        CliRun bare = CliRun.Of("voltammetry", "lsv", path, "--area", "1");
        Assert.Equal(2, bare.ExitCode);
        Assert.Contains("a number without a unit is refused", bare.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Cv_over_three_scan_rates_gives_peaks_the_exponent_and_D()
    {
        var paths = new List<string>();
        foreach (double rate in new[] { 0.01, 0.04, 0.09 })
        {
            double height = 1e-4 * Math.Sqrt(rate / 0.01);
            var rows = new List<(double, double, double)>();
            double t = 0;
            for (int c = 0; c < 2; c++)
            {
                for (double e = 3.0; e < 4.0; e += 0.002, t += 0.002 / rate)
                {
                    rows.Add((t, e, (height * Math.Exp(-Math.Pow((e - 3.6) / 0.03, 2))) + 1e-6));
                }

                for (double e = 4.0; e > 3.0; e -= 0.002, t += 0.002 / rate)
                {
                    rows.Add((t, e, (-height * Math.Exp(-Math.Pow((e - 3.5) / 0.03, 2))) - 1e-6));
                }
            }

            paths.Add(Write(string.Create(CultureInfo.InvariantCulture, $"cv-{rate * 1000}.csv"), rows));
        }

        string peaks = Path.Combine(_folder.Path, "peaks.csv");
        CliRun run = CliRun.Of(["voltammetry", "cv", .. paths, "--area", "1cm2", "--concentration", "1", "--json", "--csv", peaks]);
        Assert.Equal(4, File.ReadAllLines(peaks).Length);
        Assert.Equal(0, run.ExitCode);
        using JsonDocument d = JsonDocument.Parse(run.Stdout);
        Assert.Equal(3, d.RootElement.GetProperty("voltammograms").GetArrayLength());
        JsonElement first = d.RootElement.GetProperty("voltammograms")[0];
        Assert.Equal(0.1, first.GetProperty("peak_separation_V").GetDouble(), 0.0041);
        Assert.Equal(0.5, d.RootElement.GetProperty("scan_rate_exponent").GetProperty("value").GetDouble(), 0.01);
        Assert.True(d.RootElement.GetProperty("randles_sevcik_diffusion_coefficient").GetProperty("value").GetDouble() > 0);
    }

    [Fact]
    public void Symmetric_cycling_and_ccd_find_the_short_and_the_critical_current_density()
    {
        // 0.1 … 1.0 mA/cm² in steps of one cycle (two 1 h half-cycles), η = 30 mV per mA/cm², shorted from 16 h (step 9).
        var rows = new List<(double, double, double)>();
        for (int h = 0; h < 20; h++)
        {
            double amps = 1e-4 * ((h / 2) + 1) * (h % 2 == 0 ? 1 : -1);
            for (int s = 0; s < 3600; s += 60)
            {
                double t = (h * 3600) + s;
                double eta = t >= 16 * 3600 ? 2 * Math.Abs(amps) : 0.03 * Math.Abs(amps) / 1e-4;
                rows.Add((t, Math.Sign(amps) * eta, amps));
            }
        }

        string path = Write("li-li.csv", rows);
        CliRun ccd = CliRun.Of("symmetric", "ccd", path, "--area", "1cm2", "--history", "4", "--json");
        Assert.Equal(0, ccd.ExitCode);
        using JsonDocument d = JsonDocument.Parse(ccd.Stdout);
        Assert.Equal(8, d.RootElement.GetProperty("critical_current_density_A_per_m2").GetDouble(), 1e-9); // 0.8 mA/cm²
        Assert.Contains("Collapse", d.RootElement.GetProperty("short").GetProperty("criteria").GetString(), StringComparison.Ordinal);

        string csv = Path.Combine(_folder.Path, "halves.csv");
        CliRun cycling = CliRun.Of("symmetric", "cycling", path, "--history", "4", "--csv", csv);
        Assert.Equal(0, cycling.ExitCode);
        Assert.Contains("short: half-cycle 16 at 16.0 h", cycling.Stdout, StringComparison.Ordinal);
        Assert.Equal(21, File.ReadAllLines(csv).Length);
    }

    [Fact]
    public void Float_lists_each_hold_with_its_leakage_current()
    {
        var rows = new List<(double, double, double)>();
        for (int step = 0; step < 3; step++)
        {
            for (int s = 0; s < 7200; s += 30)
            {
                rows.Add(((step * 7200) + s, 4.3 + (0.1 * step), 1e-7 * (step + 1) * (1 + (3 * Math.Exp(-s / 600.0)))));
            }
        }

        CliRun run = CliRun.Of("voltammetry", "float", Write("float.csv", rows), "--area", "1cm2");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("3 potentiostatic holds", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("4.500", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("4.500  1.99   0.3 ", run.Stdout, StringComparison.Ordinal); // 0.3 µA: e^(−9.6)·3 of the transient is left
    }
}
