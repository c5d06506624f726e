using System.Globalization;
using System.Text;
using Electrochem.Diffusion;
using Electrochem.IO.Cycling;
using Electrochem.Kinetics;
using Electrochem.Transport;

namespace Electrochem.Cli.Tests.Commands;

/// <summary>
/// <c>--plot FILE.png|FILE.svg</c> on the analyses beyond impedance: conductivity, kinetics, transference, cycling,
/// GITT/ICI and voltammetry each write their figure, and refuse a file that is neither PNG nor SVG before any work.
/// With ELECTROCHEM_FIGURES set, every figure is also drawn there as PNG to be looked at.
/// </summary>
public sealed class AnalysisPlotOptionTests : IDisposable
{
    private static readonly string FullCell = Path.Combine(AppContext.BaseDirectory, "Data", "cycling", "cellpy", "20210210_FC_01_cc_03.Channel_Normal_Table.csv");
    private static readonly string HalfCell = Path.Combine(AppContext.BaseDirectory, "Data", "cycling", "cellpy", "20160805_test001_45_cc_01.Channel_Normal_Table.csv");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Conductivity_arrhenius_vtf_and_compare_draw_their_fits()
    {
        string data = CliRun.WriteArrheniusFile(_folder.Path, 0.30, 1e-4);
        Assert.Contains("1000/T (K⁻¹)", Svg(Run("arrhenius.svg", "conductivity", "arrhenius", data)), StringComparison.Ordinal);
        Assert.Contains("σ·T (K·S/cm)", Svg(Run("arrhenius-t.svg", "conductivity", "arrhenius", data, "--form", "sigmaT")), StringComparison.Ordinal);
        Assert.Contains("VTF: B = ", Svg(Run("vtf.svg", "conductivity", "vtf", data)), StringComparison.Ordinal);
        Png(Run("compare.png", "conductivity", "compare", data));
        RefusedBeforeWork("conductivity", "arrhenius", data);
    }

    [Fact]
    public void Kinetics_tafel_and_bv_draw_the_curve_with_their_fits()
    {
        string data = CellSweep();
        string tafel = Svg(Run("tafel.svg", "kinetics", "tafel", data, "--geometry", "cell", "--temperature", "301.15"));
        Assert.Contains("Tafel regions, selected automatically", tafel, StringComparison.Ordinal);
        Assert.Contains("|i| (mA/cm²)", tafel, StringComparison.Ordinal);
        Assert.Contains("symmetric-cell fit", Svg(Run("bv.svg", "kinetics", "bv", data, "--geometry", "cell", "--temperature", "301.15")), StringComparison.Ordinal);
        RefusedBeforeWork("kinetics", "bv", data, "--geometry", "cell");
    }

    [Fact]
    public void Transference_draws_the_polarisation_with_t_plus()
    {
        string data = Trace();
        string[] resistances = ["--dv", "0.010±0.0001", "--r0", "300±3", "--rss", "320±3.2", "--rb0", "120±1.2", "--rbss", "130±1.3"];
        string svg = Svg(Run("transference.svg", ["transference", data, .. resistances]));
        Assert.Contains("t₊ = ", svg, StringComparison.Ordinal);
        Assert.Contains("steady-state window", svg, StringComparison.Ordinal);
        RefusedBeforeWork(["transference", data, .. resistances]);
    }

    [Fact]
    public void Cycling_summary_retention_fade_and_ica_draw_their_figures()
    {
        string[] table = [HalfCell, "--convention", "discharge-first", "--mass", "0.00085283798"];
        Assert.Contains("coulombic efficiency (%)", Svg(Run("summary.svg", ["cycling", "summary", .. table])), StringComparison.Ordinal);
        Assert.Contains("capacity retention (%)", Svg(Run("retention.svg", ["cycling", "retention", .. table])), StringComparison.Ordinal);
        Assert.Contains("fade law", Svg(Run("fade.svg", ["cycling", "fade", .. table])), StringComparison.Ordinal);
        Assert.Contains("dQ/dV (", Svg(Run("ica.svg", "cycling", "ica", Path.Combine(AppContext.BaseDirectory, "Data", "cycling", "cellpy", "maccor_001.txt"), "--convention", "charge-first", "--cycle", "2", "--discharge")), StringComparison.Ordinal);
        RefusedBeforeWork(["cycling", "fade", .. table]);
    }

    [Fact]
    public void Cycling_rate_draws_tians_law()
    {
        Assert.Contains("Q_M = ", Svg(Run("rate.svg", "cycling", "rate", RateTest(), "--convention", "charge-first", "--nominal-capacity", "0.001", "--mass", "0.001")), StringComparison.Ordinal);
    }

    [Fact]
    public void Gitt_draws_diffusivity_and_the_trace_and_ici_its_diffusivity()
    {
        string trace = Path.Combine(_folder.Path, "trace.png");
        string svg = Svg(Run("gitt.svg", "gitt", FullCell, "--radius", "5um", "--capacity", "0.0033579", "--plot-trace", trace));
        Assert.Contains("D (cm²/s)", svg, StringComparison.Ordinal);
        Assert.Contains("state of charge (%)", svg, StringComparison.Ordinal);
        Png(trace);
        Keep(trace);

        CliRun withoutLength = CliRun.Of("gitt", FullCell, "--plot", Path.Combine(_folder.Path, "d.png"));
        Assert.Equal(2, withoutLength.ExitCode);
        Assert.Contains("needs the diffusion length", withoutLength.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "d.png")));
        RefusedBeforeWork("gitt", FullCell, "--radius", "5um");

        var e = new InsertionElectrode(DiffusionGeometry.Planar, 1e-5, 1e-4, 50_000, 0.9, Diffusivity.Constant(1e-14), OpenCircuitCurve.Linear(4.0, -1.0), ChargingDirection.Extraction) { SeriesResistanceOhms = 15 };
        TitrationSimulation sim = TitrationSimulator.Simulate(e, TitrationProgram.Interrupted(e.AmpereHoursPerUnitStoichiometry / 5, 300, 5, 25), new DiffusionSolverOptions { MaximumTimeStepSeconds = 0.05, SampleIntervalSeconds = 0.1 });
        string ici = Path.Combine(_folder.Path, "ici.csv");
        RecordingCsv.Write(sim.Recording, ici);
        Assert.Contains("net charge passed (mA·h)", Svg(Run("ici.svg", "ici", ici, "--length", "10um")), StringComparison.Ordinal);
    }

    [Fact]
    public void Voltammetry_lsv_and_cv_draw_the_sweeps_with_onsets_and_peaks()
    {
        // 1 cm², 1 mV/s, j = 20 µA/cm²·exp((E − 4.5)/0.05) + 0.2 µA/cm²: 10 µA/cm² at 4.4643 V.
        string lsv = Voltammogram("lsv.csv", Enumerable.Range(0, 1601).Select(k => (T: (double)k, E: 3.5 + (0.001 * k), I: 1e-4 * (0.002 + (0.2 * Math.Exp((3.5 + (0.001 * k) - 4.5) / 0.05))))));
        string svg = Svg(Run("lsv.svg", "voltammetry", "lsv", lsv, "--area", "1cm2"));
        Assert.Contains("|j| ≥ 10 µA/cm²: 4.464 V", svg, StringComparison.Ordinal);
        Assert.Contains("zoomed on the onsets", svg, StringComparison.Ordinal); // 3 A/cm² at 5.1 V would flatten the onsets
        RefusedBeforeWork("voltammetry", "lsv", lsv, "--area", "1cm2");

        string[] cvs = [.. new[] { 0.01, 0.04, 0.09 }.Select(rate => Voltammogram(string.Create(CultureInfo.InvariantCulture, $"cv-{rate * 1000}.csv"), Cycles(rate)))];
        string figure = Svg(Run("cv.svg", ["voltammetry", "cv", .. cvs]));
        Assert.Contains("cv-10.csv, ΔE_p = ", figure, StringComparison.Ordinal);
        Assert.Contains("cv-90.csv", figure, StringComparison.Ordinal);
    }

    /// <summary>Runs the command with <c>--plot</c> to a file of that name in the temporary folder; asserts success and returns the file.</summary>
    private string Run(string name, params string[] args)
    {
        string path = Path.Combine(_folder.Path, name);
        CliRun run = CliRun.Of([.. args, "--plot", path]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(path), $"no figure at {path}");
        if (Environment.GetEnvironmentVariable("ELECTROCHEM_FIGURES") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            Assert.Equal(0, CliRun.Of([.. args, "--plot", Path.Combine(folder, "cli-" + Path.GetFileNameWithoutExtension(name) + ".png")]).ExitCode);
        }

        return path;
    }

    /// <summary>The command with <c>--plot figure.pdf</c> fails with the expected message, writes no report and no figure.</summary>
    private void RefusedBeforeWork(params string[] args)
    {
        string pdf = Path.Combine(_folder.Path, "figure.pdf");
        CliRun run = CliRun.Of([.. args, "--plot", pdf]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("expected a file name ending in .png or .svg", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(pdf));
    }

    private static string Svg(string path)
    {
        string text = File.ReadAllText(path);
        Assert.Contains("<svg", text, StringComparison.Ordinal);
        return text;
    }

    private static void Png(string path) => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(path)[..4]);

    /// <summary>Copies a figure written by an option other than --plot to ELECTROCHEM_FIGURES, when set, so that it can be looked at.</summary>
    private static void Keep(string path)
    {
        if (Environment.GetEnvironmentVariable("ELECTROCHEM_FIGURES") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.Copy(path, Path.Combine(folder, "cli-" + Path.GetFileName(path)), overwrite: true);
        }
    }

    /// <summary>A Li‖Li sweep, i = 2·i₀·sinh(F·η_cell/(4RT)) with i₀ = 0.25 mA/cm², ±0.6 V in 4 mV steps, 1 % ripple.</summary>
    private string CellSweep()
    {
        var cell = new SymmetricCell(0.25, 0.5, 0.5, 1, 301.15);
        var text = new StringBuilder("eta_cell (V),i (mA/cm2)\n");
        for (int k = -150; k <= 150; k++)
        {
            double eta = k * 0.004;
            text.Append(CultureInfo.InvariantCulture, $"{eta:R},{cell.Evaluate(eta) * (1 + (0.01 * Math.Sin(k * 1.3))):R}\n");
        }

        return _folder.Write("sweep.csv", text.ToString());
    }

    /// <summary>The ideal cell's decay (τ = 900 s) over 4 h every 20 s with a 0.1 % ripple.</summary>
    private string Trace()
    {
        CurrentRelaxation relaxation = new IdealPolarizationCell(0.010, 120, 130, 300, 320, 0.4).Relaxation(900);
        var text = new StringBuilder("t (s),I (A)\n");
        for (int k = 0; k <= 720; k++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{k * 20.0:R},{relaxation.Evaluate(k * 20.0) * (1 + (0.001 * Math.Sin(k * 1.7))):R}\n");
        }

        return _folder.Write("trace.csv", text.ToString());
    }

    /// <summary>An Arbin-style export: 3 cycles at each of 1, 3, 6, 9, 12 C and back to 1 C, 1 mA·h nominal.</summary>
    private string RateTest()
    {
        double[] rates = [1, 3, 6, 9, 12, 1];
        double[] capacity = [0.165, 0.1575, 0.1515, 0.1471, 0.1433, 0.164];
        var text = new StringBuilder("Data_Point,Test_Time(s),Step_Time(s),Step_Index,Cycle_Index,Current(A),Voltage(V),Charge_Capacity(Ah),Discharge_Capacity(Ah)\n");
        int point = 0, step = 0, cycle = 0;
        double time = 0;
        for (int block = 0; block < rates.Length; block++)
        {
            for (int k = 0; k < 3; k++)
            {
                cycle++;
                double q = capacity[block];
                double current = rates[block] * 1e-3;
                foreach (int sign in new[] { 1, -1 })
                {
                    step++;
                    double duration = q * 1e-3 / current * 3600;
                    for (int r = 0; r <= 4; r++)
                    {
                        double since = duration * r / 4;
                        double passed = current * since / 3600;
                        text.Append(CultureInfo.InvariantCulture, $"{++point},{time + since:R},{since:R},{step},{cycle},{sign * current:R},{(sign > 0 ? 3.4 + (0.8 * r / 4) : 4.2 - (0.8 * r / 4)):R},{(sign > 0 ? passed : q * 1e-3):R},{(sign > 0 ? 0 : passed):R}\n");
                    }

                    time += duration;
                }
            }
        }

        return _folder.Write("rates.csv", text.ToString());
    }

    /// <summary>Two cycles 3.0 → 4.0 → 3.0 V at a scan rate, with Gaussian peaks at 3.6 V (anodic) and 3.5 V (cathodic) of 0.1 mA·√(v/10 mV s⁻¹).</summary>
    private static IEnumerable<(double T, double E, double I)> Cycles(double rate)
    {
        double height = 1e-4 * Math.Sqrt(rate / 0.01);
        double t = 0;
        for (int c = 0; c < 2; c++)
        {
            for (int k = 0; k < 500; k++, t += 0.002 / rate)
            {
                double e = 3.0 + (0.002 * k);
                yield return (t, e, (height * Math.Exp(-Math.Pow((e - 3.6) / 0.03, 2))) + 1e-6);
            }

            for (int k = 0; k < 500; k++, t += 0.002 / rate)
            {
                double e = 4.0 - (0.002 * k);
                yield return (t, e, (-height * Math.Exp(-Math.Pow((e - 3.5) / 0.03, 2))) - 1e-6);
            }
        }
    }

    /// <summary>Writes <c>time_s,Ewe/V,current_A</c> rows.</summary>
    private string Voltammogram(string name, IEnumerable<(double T, double E, double I)> rows)
    {
        var text = new StringBuilder("time_s,Ewe/V,current_A\n");
        foreach ((double t, double e, double i) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{t:R},{e:R},{i:R}\n");
        }

        return _folder.Write(name, text.ToString());
    }
}
