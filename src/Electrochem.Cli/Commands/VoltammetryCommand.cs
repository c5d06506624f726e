using System.CommandLine;
using System.Globalization;
using Electrochem.Cli.Data;
using Electrochem.Cli.Formatting;
using Electrochem.Cli.Voltammetry;
using Electrochem.Cycling;
using Electrochem.Fitting;
using Electrochem.IO.Cycling;
using Electrochem.Plotting.Voltammetry;
using Electrochem.Voltammetry;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>electrochem voltammetry lsv FILE [--area 1cm2] [--threshold µA/cm²]</c> (stability limit) and
/// <c>electrochem voltammetry cv FILE… [--cycle N] [--area … --concentration mM --electrons n --temperature K]</c>
/// (peaks, and Randles–Ševčík over a scan-rate series), both with <c>--plot FILE.png|FILE.svg</c>;
/// <c>electrochem symmetric cycling|ccd FILE [--area 1cm2]</c>.
/// </summary>
internal static class VoltammetryCommand
{
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("voltammetry", "Linear-sweep and cyclic voltammetry: the stability limit by stated criteria, CV peaks, Randles–Ševčík.");
        command.Subcommands.Add(Lsv(stdout, stderr));
        command.Subcommands.Add(Cv(stdout, stderr));
        command.Subcommands.Add(Float(stdout, stderr));
        return command;
    }

    private static Command Float(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "A potentiostat or cycler file of potentiostatic holds (time, Ewe, I)." };
        var area = new Option<string?>("--area") { Description = "Electrode area with a unit (1cm2), for leakage current densities." };
        var tolerance = new Option<double>("--tolerance") { Description = "How far the potential may wander within a hold, in mV (default 1).", DefaultValueFactory = _ => 1 };
        var minimum = new Option<double>("--minimum") { Description = "The shortest hold, in s (default 60).", DefaultValueFactory = _ => 60 };
        var read = new DataReadOptions();
        var command = new Command("float", "A float test: each potentiostatic hold with its leakage current (the mean over its last 20 %), its scatter and whether it had settled.")
        {
            Options = { area, tolerance, minimum },
        };
        command.Arguments.Add(file);
        read.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandExecution.Run(stdout, stderr, parse.GetValue(file), output =>
        {
            CyclerRecording r = CyclerFile.Read(parse.GetValue(file)!, read.Build(parse), cancellationToken);
            double? a = parse.GetValue(area) is { } text ? QuantityText.SquareMetres(text, "--area") : null;
            var holds = FloatTest.Analyse(r.TestTime.Values, r.Voltage.Values, r.Current.Values, a, Positive(parse.GetValue(tolerance), "--tolerance") / 1000, Positive(parse.GetValue(minimum), "--minimum"));
            var table = new TextTable("hold", "E (V)", "hours", "leakage (µA)", "SD (µA)", "µA/cm²", "tail dI/dt (nA/h)");
            foreach (PotentiostaticHold h in holds)
            {
                table.Add(
                    (h.Index + 1).ToString(CultureInfo.InvariantCulture),
                    h.PotentialVolts.ToString("F3", CultureInfo.InvariantCulture),
                    (h.DurationSeconds / 3600).ToString("F2", CultureInfo.InvariantCulture),
                    (h.LeakageAmperes * 1e6).ToString("G4", CultureInfo.InvariantCulture),
                    (h.LeakageStandardDeviation * 1e6).ToString("G3", CultureInfo.InvariantCulture),
                    h.LeakageDensity is { } d ? (d * 100).ToString("G4", CultureInfo.InvariantCulture) : "–",
                    (h.TailSlopeAmperesPerSecond * 3.6e12).ToString("G3", CultureInfo.InvariantCulture));
            }

            output.Append(CultureInfo.InvariantCulture, $"{r.SourceName}: {holds.Length} potentiostatic holds; leakage = mean current over each hold's last 20 %\n");
            table.AppendTo(output);
        })));
        return command;
    }

    internal static Command CreateSymmetric(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("symmetric", "Symmetric (Li‖Li) cells under galvanostatic cycling: overpotentials, shorts, critical current density.");
        command.Subcommands.Add(Symmetric(stdout, stderr, ccd: false));
        command.Subcommands.Add(Symmetric(stdout, stderr, ccd: true));
        return command;
    }

    private static Command Lsv(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "A potentiostat or cycler file holding the sweep (time, Ewe, I)." };
        var area = new Option<string?>("--area") { Description = "Electrode area with a unit (1cm2, 0.785cm2): thresholds become current densities. Never assumed." };
        var threshold = new Option<double>("--threshold") { Description = "Onset current density in µA/cm² (default 10), with --area.", DefaultValueFactory = _ => 10 };
        var thresholdCurrent = new Option<double?>("--threshold-current") { Description = "Onset current in µA, without --area." };
        var slope = new Option<double>("--slope-threshold") { Description = "Onset d|j|/dE in µA/cm² per V (default 100 = 10 µA/cm² per 100 mV), with --area.", DefaultValueFactory = _ => 100 };
        var subtract = new Option<bool>("--subtract-baseline") { Description = "Apply the thresholds to the current above the baseline line." };
        var json = new Option<bool>("--json") { Description = "Write one JSON document instead of text." };
        var csv = new Option<string?>("--csv") { Description = "Also write the onsets (criterion, potential_V, note) to this CSV file." };
        Option<string?> plot = PlotOutput.Single("the current (density) against E with the baseline and each criterion's onset");
        var read = new DataReadOptions();
        var command = new Command("lsv", "The oxidation (or reduction) onset of a linear sweep by three stated criteria — a current-density threshold, the tangent meeting the baseline, a dI/dE threshold — with the baseline, the scan rate and a warning when they disagree.")
        {
            Options = { area, threshold, thresholdCurrent, slope, subtract, json, csv, plot },
        };
        command.Arguments.Add(file);
        read.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandExecution.Run(stdout, stderr, parse.GetValue(file), output =>
        {
            PlotOutput.Validate(parse.GetValue(plot));
            CyclerRecording r = CyclerFile.Read(parse.GetValue(file)!, read.Build(parse), cancellationToken);
            var options = new StabilityWindowOptions
            {
                AreaSquareMetres = parse.GetValue(area) is { } a ? QuantityText.SquareMetres(a, "--area") : null,
                CurrentDensityThreshold = Positive(parse.GetValue(threshold), "--threshold") / 100,
                CurrentThreshold = parse.GetValue(thresholdCurrent) is { } t ? Positive(t, "--threshold-current") * 1e-6 : null,
                DerivativeDensityThreshold = Positive(parse.GetValue(slope), "--slope-threshold") / 100,
                SubtractBaseline = parse.GetValue(subtract),
            };
            StabilityWindow w = StabilityWindow.Analyse(r.Voltage.Values, r.Current.Values, r.TestTime.Values, options);
            PlotOutput.Write(parse.GetValue(plot), () => VoltammetryFigures.LinearSweep(w, r.Voltage.Values, r.Current.Values));
            if (parse.GetValue(csv) is { } path)
            {
                File.WriteAllText(path, "criterion,potential_V,note\n" + string.Concat(w.Onsets.Select(o => string.Create(CultureInfo.InvariantCulture, $"\"{o.Criterion}\",{o.PotentialVolts:R},\"{o.Note}\"\n"))), new System.Text.UTF8Encoding(false));
            }

            output.Append(VoltammetryReports.Lsv(r.SourceName, w, parse.GetValue(json)));
        })));
        return command;
    }

    private static Command Cv(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE") { Description = "One or more CV files (one scan rate each, for a Randles–Ševčík series).", Arity = ArgumentArity.OneOrMore };
        var cycle = new Option<int?>("--cycle") { Description = "The cycle to analyse, from 1 (default: the last complete one)." };
        var area = new Option<string?>("--area") { Description = "Electrode area with a unit, for Randles–Ševčík." };
        var concentration = new Option<double?>("--concentration") { Description = "Concentration of the redox species in mM (= mol/m³), for Randles–Ševčík." };
        var electrons = new Option<int>("--electrons") { Description = "Electrons transferred n (default 1).", DefaultValueFactory = _ => 1 };
        var temperature = new Option<double>("--temperature") { Description = "Temperature in K (default 298.15).", DefaultValueFactory = _ => 298.15 };
        var json = new Option<bool>("--json") { Description = "Write one JSON document instead of text." };
        var csv = new Option<string?>("--csv") { Description = "Also write the peaks per file (SI units) to this CSV file." };
        Option<string?> plot = PlotOutput.Single("the voltammograms (every file on one plot) with their peaks above the baselines");
        var read = new DataReadOptions();
        var command = new Command("cv", "Cyclic voltammetry: anodic and cathodic peaks above extrapolated baselines, ΔE_p and |i_pc/i_pa| per file; over three or more scan rates the exponent of i_p ∝ v^b and, with --area and --concentration, D by Randles–Ševčík with its interval.")
        {
            Options = { cycle, area, concentration, electrons, temperature, json, csv, plot },
        };
        command.Arguments.Add(files);
        read.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            string[] paths = parse.GetValue(files)!;
            return Task.FromResult(CommandExecution.Run(stdout, stderr, paths.Length == 1 ? paths[0] : null, output =>
            {
                PlotOutput.Validate(parse.GetValue(plot));
                var cvs = new List<(string, CyclicVoltammogram)>();
                var drawn = new List<(string, double[], double[], CyclicVoltammogram)>();
                foreach (string path in paths)
                {
                    CyclerRecording r = CyclerFile.Read(path, read.Build(parse), cancellationToken);
                    int? chosen = parse.GetValue(cycle) is { } c ? c - 1 : null;
                    CyclicVoltammogram analysis = CyclicVoltammogram.Analyse(r.Voltage.Values, r.Current.Values, r.TestTime.Values, chosen);
                    cvs.Add((r.SourceName, analysis));
                    if (parse.GetValue(plot) is not null)
                    {
                        drawn.Add((paths.Length == 1 ? string.Empty : Path.GetFileName(r.SourceName), r.Voltage.Values.ToArray(), r.Current.Values.ToArray(), analysis));
                    }
                }

                PlotOutput.Write(parse.GetValue(plot), () => VoltammetryFigures.CyclicVoltammetry(drawn));

                (FitResult, ParameterEstimate)? randles = null;
                FitResult? exponent = null;
                var series = cvs.Where(c => c.Item2.Anodic is not null && c.Item2.ScanRateVoltsPerSecond is not null).ToArray();
                if (series.Length >= 3)
                {
                    double[] v = [.. series.Select(c => c.Item2.ScanRateVoltsPerSecond!.Value)];
                    double[] ip = [.. series.Select(c => c.Item2.Anodic!.HeightAmperes)];
                    exponent = RandlesSevcik.ScanRateExponent(v, ip);
                    if (parse.GetValue(area) is { } a && parse.GetValue(concentration) is { } mm)
                    {
                        FitResult<RandlesSevcik> fit = RandlesSevcik.Fit(v, ip, QuantityText.SquareMetres(a, "--area"), Positive(mm, "--concentration"), parse.GetValue(electrons), Positive(parse.GetValue(temperature), "--temperature"));
                        randles = (fit, RandlesSevcik.Diffusion(fit));
                    }
                }

                if (parse.GetValue(csv) is { } csvPath)
                {
                    File.WriteAllText(csvPath, "file,cycle,scan_rate_V_per_s,anodic_potential_V,anodic_height_A,cathodic_potential_V,cathodic_height_A,peak_separation_V,peak_current_ratio\n" + string.Concat(cvs.Select(c => string.Create(CultureInfo.InvariantCulture,
                        $"\"{c.Item1}\",{c.Item2.Cycle + 1},{c.Item2.ScanRateVoltsPerSecond:R},{c.Item2.Anodic?.PotentialVolts:R},{c.Item2.Anodic?.HeightAmperes:R},{c.Item2.Cathodic?.PotentialVolts:R},{c.Item2.Cathodic?.HeightAmperes:R},{c.Item2.PeakSeparationVolts:R},{c.Item2.PeakCurrentRatio:R}\n"))), new System.Text.UTF8Encoding(false));
                }

                output.Append(VoltammetryReports.Cv(cvs, randles, exponent, parse.GetValue(json)));
            }));
        });
        return command;
    }

    private static Command Symmetric(TextWriter stdout, TextWriter stderr, bool ccd)
    {
        var file = new Argument<string>("FILE") { Description = "A cycler file of the symmetric cell." };
        var area = new Option<string?>("--area") { Description = "Electrode area with a unit (1cm2), for current densities and areal capacities. Never assumed." };
        var history = new Option<int>("--history") { Description = "Half-cycles each is compared with (1 to 1000; default 10).", DefaultValueFactory = _ => 10 };
        var collapse = new Option<double>("--collapse") { Description = "Short when the plateau falls below this fraction of the preceding median (default 0.5; 0 off).", DefaultValueFactory = _ => 0.5 };
        var noise = new Option<double>("--noise") { Description = "Short when the scatter exceeds this multiple of the preceding median (default 5; 0 off).", DefaultValueFactory = _ => 5 };
        var polarity = new Option<double>("--polarity") { Description = "Short when fewer than this fraction of samples follow the current's sign (default 0.9; 0 off).", DefaultValueFactory = _ => 0.9 };
        var json = new Option<bool>("--json") { Description = "Write one JSON document instead of text." };
        var csv = new Option<string?>("--csv") { Description = "Also write the per-half-cycle table to this CSV file (SI units)." };
        var read = new DataReadOptions();
        var command = new Command(ccd ? "ccd" : "cycling", ccd
            ? "Critical current density under stepped current: the current levels, the step that shorted, and the last current density completed before it."
            : "Galvanostatic cycling of a symmetric cell: each half-cycle's overpotential (plateau over 25–75 % of it, peak, end), its evolution, and the first short by stated criteria (collapse, noise, lost square wave) with hours and capacity to failure.")
        {
            Options = { area, history, collapse, noise, polarity, json, csv },
        };
        command.Arguments.Add(file);
        read.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandExecution.Run(stdout, stderr, parse.GetValue(file), output =>
        {
            CyclerRecording r = CyclerFile.Read(parse.GetValue(file)!, read.Build(parse), cancellationToken);
            var options = new SymmetricCyclingOptions
            {
                AreaSquareMetres = parse.GetValue(area) is { } a ? QuantityText.SquareMetres(a, "--area") : null,
                HistoryLength = parse.GetValue(history),
                CollapseFraction = parse.GetValue(collapse),
                NoiseFactor = parse.GetValue(noise),
                PolarityFraction = parse.GetValue(polarity),
            };
            SymmetricCycling cycling = SymmetricCycling.Analyse(r, options, cancellationToken);
            if (parse.GetValue(csv) is { } path)
            {
                using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
                writer.Write("index,start_time_s,end_time_s,current_A,current_density_A_per_m2,plateau_V,peak_V,end_V,noise_V,polarity_agreement,capacity_Ah,cumulative_capacity_Ah,signatures\n");
                foreach (PolarizationHalfCycle h in cycling.HalfCycles)
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{h.Index},{h.StartTime:R},{h.EndTime:R},{h.CurrentAmperes:R},{h.CurrentDensity:R},{h.PlateauVolts:R},{h.PeakVolts:R},{h.EndVolts:R},{h.NoiseVolts:R},{h.PolarityAgreement:R},{h.CapacityAmpereHours:R},{h.CumulativeCapacityAmpereHours:R},\"{h.Signatures}\"\n"));
                }
            }

            output.Append(ccd ? VoltammetryReports.Ccd(CriticalCurrentDensity.From(cycling), parse.GetValue(json)) : VoltammetryReports.Symmetric(cycling, parse.GetValue(json)));
        })));
        return command;
    }

    private static double Positive(double value, string option) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentException($"{option} is {value.ToString(CultureInfo.InvariantCulture)}; expected a positive number.");
}
