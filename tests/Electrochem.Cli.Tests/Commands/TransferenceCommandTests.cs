using System.Globalization;
using System.Text;
using System.Text.Json;
using Electrochem.Cli.Commands;
using Electrochem.Transport;

namespace Electrochem.Cli.Tests.Commands;

public sealed class TransferenceCommandTests : IDisposable
{
    private static readonly IdealPolarizationCell Cell = new(0.010, 120, 130, 300, 320, 0.4);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The ideal cell's decay (τ = 900 s) over 4 h every 20 s with a small deterministic ripple, current times <paramref name="scale"/>.</summary>
    private string WriteTrace(string header, double scale = 1, string name = "trace.csv")
    {
        CurrentRelaxation relaxation = Cell.Relaxation(900);
        var text = new StringBuilder(header).Append('\n');
        for (int k = 0; k <= 720; k++)
        {
            double t = k * 20.0;
            double current = relaxation.Evaluate(t) * (1 + (0.001 * Math.Sin(k * 1.7)));
            text.Append(t.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append((current * scale).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
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

    private static void AssertOneErrorLine(CliRun run, string expectedFragment)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        string[] lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("electrochem: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expectedFragment, lines[0], StringComparison.Ordinal);
    }

    private static string[] Resistances => ["--dv", "0.010±0.0001", "--r0", "300±3", "--rss", "320±3.2", "--rb0", "120±1.2", "--rbss", "130±1.3"];

    [Fact]
    public void Text_gives_t_plus_by_name_with_the_currents_methods_windows_and_warnings()
    {
        string file = WriteTrace("t (s),I (A)");
        CliRun run = CliRun.Of(["transference", file, .. Resistances]);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, run.ExitCode);
        foreach (string text in new[] { "t₊ Bruce–Vincent", "t₊ Abraham (bulk-corrected)", "t₊ Watanabe", "I_ss/I₀ (plain ratio, not t₊)", "Ohm's law", "plateau window", "Warnings:", "[BulkResistanceDrift]" })
        {
            Assert.Contains(text, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_gives_the_transference_numbers_and_Abraham_restores_the_true_value()
    {
        string file = WriteTrace("t (s),I (A)");
        JsonElement root = Json(CliRun.Of(["transference", file, .. Resistances, "--json"]));
        double bruceVincent = root.GetProperty("analysis").GetProperty("transferenceNumber").GetProperty("value").GetDouble();
        Assert.Equal(0.4 * 120 / 130, bruceVincent, 0.005);
        JsonElement analysis = root.GetProperty("analysis");
        Assert.Equal(0.4, analysis.GetProperty("abrahamTransferenceNumber").GetProperty("value").GetDouble(), 0.005);
        Assert.Equal(0.4, analysis.GetProperty("watanabeTransferenceNumber").GetProperty("value").GetDouble(), 0.005);
        Assert.True(analysis.GetProperty("abrahamTransferenceNumber").GetProperty("standardUncertainty").GetDouble() > 0);
        Assert.Equal("OhmsLaw", root.GetProperty("analysis").GetProperty("initialCurrentMethod").GetString());
        Assert.Equal("Plateau", root.GetProperty("analysis").GetProperty("steadyStateCurrentMethod").GetString());
        Assert.Contains(root.GetProperty("analysis").GetProperty("warnings").EnumerateArray(), w => w.GetProperty("kind").GetString() == "BulkResistanceDrift");
    }

    [Fact]
    public void Without_bulk_resistances_I0_is_extrapolated_and_the_variants_needing_R_b_are_null()
    {
        string file = WriteTrace("t (s),I (A)");
        JsonElement root = Json(CliRun.Of("transference", file, "--dv", "0.010", "--r0", "300", "--rss", "320", "--json"));
        Assert.Equal("Extrapolated", root.GetProperty("analysis").GetProperty("initialCurrentMethod").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("analysis").GetProperty("initialCurrentOhmsLawAmperes").GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("analysis").GetProperty("abrahamTransferenceNumber").GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("analysis").GetProperty("watanabeTransferenceNumber").GetProperty("value").ValueKind);
        Assert.DoesNotContain(root.GetProperty("analysis").GetProperty("warnings").EnumerateArray(), w => w.GetProperty("kind").GetString() == "InitialCurrentMismatch");
        double expected = BruceVincent.TransferenceNumber(Cell.InitialCurrent, Cell.SteadyStateCurrent, 0.010, 300, 320).Value;
        Assert.Equal(expected, root.GetProperty("analysis").GetProperty("transferenceNumber").GetProperty("value").GetDouble(), 0.005);
    }

    [Fact]
    public void A_trace_in_mA_gives_the_same_t_plus_as_in_A()
    {
        JsonElement amps = Json(CliRun.Of(["transference", WriteTrace("t (s),I (A)", 1, "a.csv"), .. Resistances, "--json"]));
        JsonElement milli = Json(CliRun.Of(["transference", WriteTrace("time (s),current (mA)", 1000, "ma.csv"), .. Resistances, "--json"]));
        Assert.Equal("mA", milli.GetProperty("data").GetProperty("currentUnitInFile").GetString());
        Assert.Equal(
            amps.GetProperty("analysis").GetProperty("steadyStateCurrentAmperes").GetProperty("value").GetDouble(),
            milli.GetProperty("analysis").GetProperty("steadyStateCurrentAmperes").GetProperty("value").GetDouble() * 1,
            1e-12);
    }

    /// <summary>A Li‖Li spectrum R_b-p(R_SEI,CPE)-p(R_ct,CPE), 1 MHz–10 mHz, 10 points per decade, as f,Z′,Z″ without header.</summary>
    private string WriteSpectrum(string name, double bulk, double sei, double chargeTransfer)
    {
        var circuit = Electrochem.Impedance.Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)");
        double[] theta = [bulk, sei, 1e-6, 0.9, chargeTransfer, 1e-3, 0.85];
        var text = new StringBuilder();
        for (int k = 0; k <= 80; k++)
        {
            double f = Math.Pow(10, 6 - (k / 10.0));
            System.Numerics.Complex z = circuit.Impedance(2 * Math.PI * f, theta) * (1 + (0.002 * Math.Sin(k * 2.3)));
            text.Append(CultureInfo.InvariantCulture, $"{f:R},{z.Real:R},{z.Imaginary:R}\n");
        }

        return _folder.Write(name, text.ToString());
    }

    // The cell's resistances (R_b 120 → 130 Ω, R_i = R_SEI + R_ct 300 → 320 Ω) read by fitting its spectra must give the
    // same t₊ as typing them in; the fitted values carry their uncertainties into t₊.
    [Fact]
    public void Resistances_fitted_from_spectra_give_the_same_t_plus_as_typed_ones()
    {
        string trace = WriteTrace("t (s),I (A)");
        string before = WriteSpectrum("before.csv", 120, 100, 200);
        string after = WriteSpectrum("after.csv", 130, 110, 210);
        JsonElement fitted = Json(CliRun.Of("transference", trace, "--dv", "0.010±0.0001", "--eis-before", before, "--eis-after", after, "--json"));
        JsonElement typed = Json(CliRun.Of(["transference", trace, .. Resistances, "--json"]));

        double fromSpectra = fitted.GetProperty("analysis").GetProperty("transferenceNumber").GetProperty("value").GetDouble();
        double fromNumbers = typed.GetProperty("analysis").GetProperty("transferenceNumber").GetProperty("value").GetDouble();
        Assert.Equal(fromNumbers, fromSpectra, 0.005);
        Assert.Equal(2, fitted.GetProperty("resistanceSources").GetArrayLength());
        Assert.Equal(120, fitted.GetProperty("inputs").GetProperty("bulkResistanceInitial").GetProperty("value").GetDouble(), 1.0);
        Assert.Equal(320, fitted.GetProperty("inputs").GetProperty("interfacialResistanceSteadyState").GetProperty("value").GetDouble(), 2.0);
        Assert.True(fitted.GetProperty("inputs").GetProperty("interfacialResistanceInitial").GetProperty("standardUncertainty").GetDouble() > 0);

        CliRun text = CliRun.Of("transference", trace, "--dv", "0.010", "--eis-before", before, "--eis-after", after);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("R0-p(R1,CPE1)-p(R2,CPE2) fitted", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("(--eis-before)", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("(--rb0)", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("R_b,ss = ", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("(--eis-after)\n", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_spectrum_file_is_one_error_line()
    {
        string trace = WriteTrace("t (s),I (A)");
        CliRun run = CliRun.Of("transference", trace, "--dv", "0.010", "--eis-before", Path.Combine(_folder.Path, "absent.csv"), "--eis-after", Path.Combine(_folder.Path, "absent2.csv"));
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("absent.csv: no such file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_or_malformed_options_are_usage_errors()
    {
        string file = WriteTrace("t (s),I (A)");
        Assert.Equal(1, CliRun.Of("transference", file, "--dv", "0.010", "--r0", "300").ExitCode);
        Assert.Equal(1, CliRun.Of("transference", file, "--r0", "300", "--rss", "320").ExitCode);
        Assert.Equal(1, CliRun.Of("transference", file, "--dv", "0.010", "--r0", "300", "--rss", "320", "--rb0", "120").ExitCode);
        Assert.Equal(1, CliRun.Of("transference", file, "--dv", "0.010", "--r0", "abc", "--rss", "320").ExitCode);
        Assert.Equal(1, CliRun.Of("transference", file, "--dv", "0.010", "--r0", "300", "--rss", "320", "--eis-before", "x.csv").ExitCode);
        Assert.Equal(1, CliRun.Of("transference", file, "--dv", "0.010", "--eis-before", "x.csv").ExitCode);
    }

    [Fact]
    public void Bad_files_give_one_line_naming_file_and_line()
    {
        string bad = _folder.Write("bad.csv", "t (s),I (A)\n0,1e-5\n10,x\n");
        AssertOneErrorLine(CliRun.Of("transference", bad, "--dv", "0.010", "--r0", "300", "--rss", "320"), bad + ":3:");
        string density = WriteTrace("t (s),I (mA/cm2)", name: "density.csv");
        AssertOneErrorLine(CliRun.Of("transference", density, "--dv", "0.010", "--r0", "300", "--rss", "320"), "not a density");
        string noUnit = WriteTrace("t,I (A)", name: "nounit.csv");
        AssertOneErrorLine(CliRun.Of("transference", noUnit, "--dv", "0.010", "--r0", "300", "--rss", "320"), "has no unit");
    }

    [Fact]
    public void Input_the_core_rejects_is_one_line_with_exit_2()
    {
        string file = WriteTrace("t (s),I (A)");
        AssertOneErrorLine(CliRun.Of("transference", file, "--dv", "-0.010", "--r0", "300", "--rss", "320"), file + ":");
    }

    [Fact]
    public void Columns_named_on_the_command_line_read_headers_the_reader_does_not_know()
    {
        string known = WriteTrace("t (s),I (A)");
        string foreign = WriteTrace("Zeit,Strom", scale: 1e3, name: "zeit.csv");
        JsonElement expected = Json(CliRun.Of(["transference", known, .. Resistances, "--json"]));
        JsonElement named = Json(CliRun.Of(["transference", foreign, .. Resistances, "--json", "--time-column", "Zeit", "--time-unit", "s", "--current-column", "Strom", "--current-unit", "mA"]));
        double t = expected.GetProperty("analysis").GetProperty("transferenceNumber").GetProperty("value").GetDouble();
        Assert.Equal(t, named.GetProperty("analysis").GetProperty("transferenceNumber").GetProperty("value").GetDouble(), 1e-12);

        CliRun unnamed = CliRun.Of(["transference", foreign, .. Resistances]);
        AssertOneErrorLine(unnamed, "no time column; expected a header such as 't (s)', 'time_s' or 'time (min)', but the columns are 'Zeit', 'Strom'; or name it (--time-column NAME --time-unit s)");
        AssertOneErrorLine(CliRun.Of(["transference", foreign, .. Resistances, "--time-unit", "s"]), "--time-unit needs --time-column");
    }
}
