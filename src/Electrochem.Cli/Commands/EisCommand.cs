using System.Collections.Immutable;
using System.CommandLine;
using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Cli.Impedance;
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.Plotting.Impedance;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>electrochem eis show FILE|DIR... [--json]</c>: what impedance files hold, as read; <c>electrochem eis kk
/// FILE|DIR... [--cutoff c | --elements M] [--part real|imag|complex] [--series-capacitance] [--json] [--csv F]</c>: the
/// Lin-KK test; <c>electrochem eis fit FILE|DIR... --circuit "…" [--guess …] [--fix …] [--weight …] [--global N]
/// [--seed S] [--level p] [--drop-inductive] [--warm-start] [--json] [--csv F] [--curve F]</c>: an equivalent-circuit
/// fit. Every command takes <c>--format</c>; kk and fit take <c>--spectrum N|all</c>, <c>--fmin</c> and <c>--fmax</c>.
/// One spectrum gets the full report; several (files, directories, the sweeps of a multi-sweep file) get one table
/// with a row each, and files that cannot be read are listed while the rest still run (exit code 2 then).
/// </summary>
internal static class EisCommand
{
    /// <summary>Builds the <c>eis</c> command and its subcommands, writing to the given writers.</summary>
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("eis", "Electrochemical impedance spectra: read instrument files, check them with Lin-KK, fit equivalent circuits.");
        var json = new Option<bool>("--json")
        {
            Description = "Write one JSON document instead of text.",
        };
        command.Subcommands.Add(Show(stdout, stderr, json));
        command.Subcommands.Add(KramersKronig(stdout, stderr, json));
        command.Subcommands.Add(Fit(stdout, stderr, json));
        command.Subcommands.Add(DistributionOfRelaxationTimes(stdout, stderr, json));
        return command;
    }

    private static Command Show(TextWriter stdout, TextWriter stderr, Option<bool> json)
    {
        var spectra = new SpectrumArguments();
        var show = new Command("show", "Show what was read: the format detected, settings, sweeps, point count, frequency range, first and last points, dropped rows and warnings; several files give one table with a row per sweep.")
        {
            Options = { json },
        };
        spectra.AddTo(show, selection: false);
        show.SetAction((parse, cancellationToken) =>
        {
            SpectrumArguments.Selection? selection = null;
            int exit = CommandExecution.Run(stdout, stderr, null, output =>
            {
                spectra.Validate(parse);
                selection = spectra.Read(parse, stderr, cancellationToken);
                bool asJson = parse.GetValue(json);
                if (selection.OneFile)
                {
                    output.Append(asJson ? EisShowReport.Json(selection.Spectra[0].Data) : EisShowReport.Text(selection.Spectra[0].Data, spectra.FormatGiven(parse)));
                }
                else
                {
                    output.Append(asJson ? EisBatchReport.ShowJson(selection) : EisBatchReport.ShowText(selection));
                }
            });
            return Task.FromResult(Finish(stderr, exit, selection?.Problems.Count ?? 0));
        });
        return show;
    }

    private static Command KramersKronig(TextWriter stdout, TextWriter stderr, Option<bool> json)
    {
        var spectra = new SpectrumArguments();
        var cutoff = new Option<double?>("--cutoff")
        {
            Description = "Choose M by Schönleber's μ criterion (impedance.py's rule) with cutoff c in (0, 1]: M grows from 1 until μ ≤ c. Its usual c = 0.85 often stops too early on valid spectra. Default: the automatic choice (the smallest M where the pseudo-χ² levels off, with a series capacitance when it helps).",
        };
        var elements = new Option<int?>("--elements") { Description = "Use exactly M RC elements instead of choosing M." };
        var maximum = new Option<int>("--max-elements") { Description = "Largest M tried (1 to 10000, at most one per point; the automatic choice also stops at half the points).", DefaultValueFactory = _ => 50 };
        var limit = new Option<double>("--residual-limit") { Description = "The verdict's limit on the largest relative residual, in percent of |Z|.", DefaultValueFactory = _ => 2.0 };
        var part = new Option<string>("--part")
        {
            Description = "Which part of Z is fitted: real (R₀ and Rₖ from Z′, L from Z″), imag, or complex.",
            DefaultValueFactory = _ => "real",
        };
        part.AcceptOnlyFromAmongIgnoringCase("real", "imag", "complex");
        var capacitance = new Option<bool>("--series-capacitance") { Description = "Add a series capacitance, for spectra without a low-frequency real-axis intercept." };
        var csv = new Option<string?>("--csv") { Description = "Also write the table (a row per spectrum: file, sweep, points, frequency range, t₀, E, I, M, μ, largest residual, pseudo-χ²) to this CSV file." };
        var parquet = new Option<string?>("--parquet") { Description = "Also write the table to this Parquet file (units in its metadata)." };
        var kkPlot = PlotOutput.Create("the relative residuals against frequency");
        var kk = new Command("kk", "Lin-KK validation (Schönleber et al. 2014): fit a Kramers–Kronig-compliant chain of RC elements and report the relative residuals per point.")
        {
            Options = { cutoff, elements, maximum, part, capacitance, limit, json, csv, parquet, kkPlot },
        };
        spectra.AddTo(kk, selection: true);
        kk.SetAction((parse, cancellationToken) =>
        {
            SpectrumArguments.Selection? selection = null;
            int exit = CommandExecution.Run(stdout, stderr, null, output =>
            {
                int? fixedCount = parse.GetValue(elements);
                double? c = parse.GetValue(cutoff);
                if (fixedCount is not null && c is not null)
                {
                    throw new ArgumentException("give --elements (a fixed M) or --cutoff (the μ criterion), not both");
                }

                var options = new LinearKramersKronigOptions(
                    parse.GetValue(part) switch { "imag" => KramersKronigPart.Imaginary, "complex" => KramersKronigPart.Complex, _ => KramersKronigPart.Real },
                    c ?? LinearKramersKronigOptions.Default.Cutoff,
                    fixedCount ?? parse.GetValue(maximum),
                    parse.GetValue(capacitance))
                {
                    Selection = fixedCount is not null ? KramersKronigSelection.Fixed : c is not null ? KramersKronigSelection.MuCriterion : KramersKronigSelection.Automatic,
                    ResidualLimit = parse.GetValue(limit) / 100,
                };
                spectra.Validate(parse);
                PlotOutput.Validate(parse.GetValue(kkPlot));
                selection = spectra.Read(parse, stderr, cancellationToken);
                if (selection.Single)
                {
                    SelectedSpectrum only = selection.Spectra[0];
                    LinearKramersKronigResult result = LinearKramersKronig.Test(only.Spectrum, options);
                    PlotOutput.Write(parse.GetValue(kkPlot), () => ImpedanceFigures.Residuals(only.Spectrum, result));
                    output.Append(parse.GetValue(json) ? EisKramersKronigReport.Json(only, options, result) : EisKramersKronigReport.Text(only, options, result));
                    return;
                }

                var outcomes = new EisBatchReport.Outcome<LinearKramersKronigResult>[selection.Spectra.Count];
                IReadOnlyList<SelectedSpectrum> targets = selection.Spectra;
                ProgressDisplay.Run(stderr, targets.Count, $"Lin-KK on {targets.Count} spectra", step =>
                    Parallel.For(0, targets.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                    {
                        try
                        {
                            outcomes[i] = new(targets[i], LinearKramersKronig.Test(targets[i].Spectrum, options), null);
                        }
                        catch (ArgumentException e)
                        {
                            outcomes[i] = new(targets[i], null, e.Message);
                        }

                        step?.Invoke();
                    }));
                PlotOutput.WriteEach(parse.GetValue(kkPlot), outcomes.Length, i => outcomes[i].Result is { } r ? ImpedanceFigures.Residuals(outcomes[i].Spectrum.Spectrum, r) : null);
                WriteTable(parse.GetValue(csv), parse.GetValue(parquet), EisBatchReport.KramersKronigTable(outcomes),
                    EisBatchReport.Metadata("eis kk", ("part", options.Part.ToString()), ("cutoff", options.Cutoff?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")), cancellationToken);
                output.Append(parse.GetValue(json) ? EisBatchReport.KramersKronigJson(outcomes, selection.Problems, options) : EisBatchReport.KramersKronigText(outcomes, selection.Problems, options));
                selection = selection with { Problems = [.. selection.Problems, .. outcomes.Where(o => o.Problem is not null).Select(o => o.Problem!)] };
            });
            return Task.FromResult(Finish(stderr, exit, selection?.Problems.Count ?? 0));
        });
        return kk;
    }

    private static Command DistributionOfRelaxationTimes(TextWriter stdout, TextWriter stderr, Option<bool> json)
    {
        var spectra = new SpectrumArguments();
        var lambda = new Option<string>("--lambda")
        {
            Description = "The regularisation parameter: a number > 0, or how to choose it: gcv (generalised cross-validation), mgcv (modified GCV), rgcv (robust GCV), lcurve (the L-curve's corner), discrepancy (residuals match --noise); searched over 1e-7 … 1.",
            DefaultValueFactory = _ => "gcv",
        };
        var noise = new Option<double?>("--noise") { Description = "The measurement noise's standard deviation in Ω, for --lambda discrepancy." };
        var penalty = new Option<int>("--penalty") { Description = "The derivative of γ whose square is penalised: 1 or 2.", DefaultValueFactory = _ => 2 };
        var fwhm = new Option<double>("--fwhm") { Description = "The basis width: each function's full width at half maximum is the grid step divided by this (0.01 to 10).", DefaultValueFactory = _ => 0.5 };
        var rbf = new Option<string>("--rbf") { Description = $"The radial basis function: {string.Join(", ", Enum.GetValues<Electrochem.Impedance.Drt.DrtBasis>().Select(Kebab))}.", DefaultValueFactory = _ => "gaussian" };
        var part = new Option<string>("--part") { Description = "The part of the spectrum fitted: combined (Z′ and Z″), real or imag.", DefaultValueFactory = _ => "combined" };
        part.AcceptOnlyFromAmongIgnoringCase("combined", "real", "imag");
        var band = new Option<int>("--band") { Description = "Posterior draws for a 95 % credible band of γ (100 to 100000; 1000 is usual); 0 for none.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the credible band's sampler.", DefaultValueFactory = _ => 1 };
        var noInductance = new Option<bool>("--no-inductance") { Description = "Do not fit a series inductance L₀." };
        var noResistance = new Option<bool>("--no-series-resistance") { Description = "Do not fit R_∞." };
        var csv = new Option<string?>("--csv") { Description = "Also write to this CSV file: for one spectrum γ on the grid (tau_s, gamma_Ohm, γ at λ/10 and 10λ, the band if asked); for several, the result table (a row per spectrum)." };
        var parquet = new Option<string?>("--parquet") { Description = "With several spectra, also write the result table to this Parquet file." };
        var peakFit = new Option<string?>("--peak-fit") { Description = "Also fit peak shapes to γ: zarc (each integrates to its R) or gaussian; N and starting values from the peaks found." };
        peakFit.AcceptOnlyFromAmongIgnoringCase("zarc", "gaussian");
        var drtPlot = PlotOutput.Create("γ against τ with its peaks and the λ sensitivity (and the band with --band)");
        var drt = new Command("drt", "Distribution of relaxation times: ridge regression on radial basis functions with γ ≥ 0 (τ = 1/ω = 1/(2πf)); λ chosen by a criterion or given; peaks, λ sensitivity and an optional credible band. Several spectra give one table with a row each, computed in parallel.")
        {
            Options = { lambda, noise, penalty, fwhm, rbf, part, band, seed, noInductance, noResistance, peakFit, json, csv, parquet, drtPlot },
        };
        spectra.AddTo(drt, selection: true);
        drt.SetAction((parse, cancellationToken) =>
        {
            SpectrumArguments.Selection? selection = null;
            int exit = CommandExecution.Run(stdout, stderr, null, output =>
            {
                Electrochem.Impedance.Drt.DrtPeakShape? shape = parse.GetValue(peakFit)?.ToLowerInvariant() switch
                {
                    "zarc" => Electrochem.Impedance.Drt.DrtPeakShape.Zarc,
                    "gaussian" => Electrochem.Impedance.Drt.DrtPeakShape.Gaussian,
                    _ => null,
                };
                Electrochem.Impedance.Drt.DrtOptions options = DrtOptionsFrom(parse.GetValue(lambda) ?? "gcv", parse.GetValue(noise), parse.GetValue(penalty), parse.GetValue(fwhm), parse.GetValue(rbf) ?? "gaussian", parse.GetValue(part) ?? "combined", parse.GetValue(band), parse.GetValue(seed), !parse.GetValue(noResistance), !parse.GetValue(noInductance));
                spectra.Validate(parse);
                PlotOutput.Validate(parse.GetValue(drtPlot));
                selection = spectra.Read(parse, stderr, cancellationToken);
                if (selection.Single)
                {
                    SelectedSpectrum only = selection.Spectra[0];
                    DrtAnalysis result = DrtAnalysis.Run(only.Spectrum, options, shape, cancellationToken);
                    PlotOutput.Write(parse.GetValue(drtPlot), () => DrtFigures.Distribution(result.Drt, (only.Spectrum.MinimumFrequency, only.Spectrum.MaximumFrequency), result.Peaks));
                    if (parse.GetValue(csv) is { } csvPath)
                    {
                        File.WriteAllText(csvPath, EisDrtReport.Csv(result.Drt));
                    }

                    output.Append(parse.GetValue(json) ? EisDrtReport.Json(only, options, result) : EisDrtReport.Text(only, options, result));
                    return;
                }

                IReadOnlyList<SelectedSpectrum> targets = selection.Spectra;
                var outcomes = new EisBatchReport.Outcome<DrtAnalysis>[targets.Count];
                ProgressDisplay.Run(stderr, targets.Count, $"DRT of {targets.Count} spectra", step =>
                {
                    ImmutableArray<BatchOutcome<DrtAnalysis>> batch = BatchFit.FitMany(
                        targets,
                        (target, token) => DrtAnalysis.Run(target.Spectrum, options, shape, token),
                        progress: step is null ? null : new Progress(step),
                        cancellationToken: cancellationToken);
                    foreach (BatchOutcome<DrtAnalysis> o in batch)
                    {
                        outcomes[o.Index] = new(targets[o.Index], o.Result, o.Error);
                    }
                });
                PlotOutput.WriteEach(parse.GetValue(drtPlot), outcomes.Length, i => outcomes[i].Result is { } r ? DrtFigures.Distribution(r.Drt, (outcomes[i].Spectrum.Spectrum.MinimumFrequency, outcomes[i].Spectrum.Spectrum.MaximumFrequency), r.Peaks) : null);
                WriteTable(parse.GetValue(csv), parse.GetValue(parquet), EisBatchReport.DrtTable(outcomes),
                    EisBatchReport.Metadata("eis drt", ("lambda", parse.GetValue(lambda) ?? "gcv"), ("basis", options.Basis.ToString()), ("penalty_order", options.PenaltyOrder.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("part", options.Part.ToString())), cancellationToken);
                output.Append(parse.GetValue(json) ? EisBatchReport.DrtJson(outcomes, selection.Problems, options) : EisBatchReport.DrtText(outcomes, selection.Problems, options));
                selection = selection with { Problems = [.. selection.Problems, .. outcomes.Where(o => o.Problem is not null).Select(o => o.Problem!)] };
            });
            return Task.FromResult(Finish(stderr, exit, selection?.Problems.Count ?? 0));
        });
        return drt;
    }

    /// <summary>The DRT options from the command line's words, refusing what is not understood in the options' own terms.</summary>
    private static Electrochem.Impedance.Drt.DrtOptions DrtOptionsFrom(string lambdaText, double? noise, int penalty, double fwhm, string rbf, string part, int band, int seed, bool series, bool inductance)
    {
        double? given = null;
        var criterion = Electrochem.Impedance.Drt.DrtLambdaCriterion.Gcv;
        switch (lambdaText.ToLowerInvariant())
        {
            case "gcv":
                break;
            case "mgcv":
                criterion = Electrochem.Impedance.Drt.DrtLambdaCriterion.ModifiedGcv;
                break;
            case "rgcv":
                criterion = Electrochem.Impedance.Drt.DrtLambdaCriterion.RobustGcv;
                break;
            case "lcurve":
                criterion = Electrochem.Impedance.Drt.DrtLambdaCriterion.LCurve;
                break;
            case "discrepancy":
                criterion = Electrochem.Impedance.Drt.DrtLambdaCriterion.Discrepancy;
                if (noise is null)
                {
                    throw new ArgumentException("--lambda discrepancy chooses λ so that the residuals match the measurement noise: give the noise's standard deviation in Ω with --noise (e.g. --noise 0.5)");
                }

                break;
            default:
                given = double.TryParse(lambdaText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value)
                    ? value
                    : throw new ArgumentException($"--lambda is '{lambdaText}'; expected a number > 0 (e.g. 1e-3) or one of gcv, mgcv, rgcv, lcurve, discrepancy");
                break;
        }

        if (noise is { } sigma && !(sigma > 0 && double.IsFinite(sigma)))
        {
            throw new ArgumentException($"--noise is {sigma.ToString(System.Globalization.CultureInfo.InvariantCulture)}; expected the noise's standard deviation in Ω, a number > 0");
        }

        if (penalty is not (1 or 2))
        {
            throw new ArgumentException($"--penalty is {penalty}; expected 1 (first derivative of γ) or 2 (second derivative)");
        }

        if (!(fwhm >= 0.01 && fwhm <= 10))
        {
            throw new ArgumentException($"--fwhm is {fwhm.ToString(System.Globalization.CultureInfo.InvariantCulture)}; expected a coefficient from 0.01 to 10 (0.5 makes each basis function two grid steps wide)");
        }

        Electrochem.Impedance.Drt.DrtBasis basis = Enum.GetValues<Electrochem.Impedance.Drt.DrtBasis>().FirstOrDefault(b => Kebab(b).Equals(rbf, StringComparison.OrdinalIgnoreCase), (Electrochem.Impedance.Drt.DrtBasis)(-1));
        if (!Enum.IsDefined(basis))
        {
            throw new ArgumentException($"--rbf is '{rbf}'; expected one of {string.Join(", ", Enum.GetValues<Electrochem.Impedance.Drt.DrtBasis>().Select(Kebab))}");
        }

        if (basis == Electrochem.Impedance.Drt.DrtBasis.Cauchy && penalty == 2)
        {
            throw new ArgumentException("--rbf cauchy needs --penalty 1: the Cauchy function has a kink at its centre, so its second derivative holds a Dirac delta and a second-derivative penalty is infinite");
        }

        if (band != 0 && (band < 100 || band > 100_000))
        {
            throw new ArgumentException($"--band is {band}; expected the number of posterior draws, 100 to 100000 (1000 is usual), or 0 for no band");
        }

        var options = new Electrochem.Impedance.Drt.DrtOptions(given, penalty, fwhm, series, inductance)
        {
            Criterion = criterion,
            NoiseStandardDeviation = noise,
            Basis = basis,
            Part = part.ToLowerInvariant() switch { "real" => Electrochem.Impedance.Drt.DrtDataPart.Real, "imag" => Electrochem.Impedance.Drt.DrtDataPart.Imaginary, _ => Electrochem.Impedance.Drt.DrtDataPart.Combined },
            CredibleBandSamples = band,
            Seed = seed,
        };
        return options;
    }

    /// <summary>An enum member as a command-line word: InverseQuadratic → inverse-quadratic.</summary>
    private static string Kebab<T>(T value)
        where T : struct, Enum
    {
        string name = value.ToString();
        var text = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private static Command Fit(TextWriter stdout, TextWriter stderr, Option<bool> json)
    {
        var spectra = new SpectrumArguments();
        var circuit = new Option<string>("--circuit")
        {
            Description = "The circuit in impedance.py's string grammar, e.g. \"R0-p(R1,CPE1)-p(R2,CPE2)\": elements R, C, L, CPE, W, Wo, Ws, …, '-' in series, p(a,b) in parallel, each named by its type and a number.",
            Required = true,
        };
        var guess = new Option<string?>("--guess") { Description = "Start values NAME=VALUE,... (e.g. R0=0.016,CPE1_1=0.9) for any subset of the parameters; the rest start from the automatic estimate." };
        var fix = new Option<string?>("--fix") { Description = "Parameters held constant, NAME=VALUE,... (impedance.py's constants, e.g. R0=0.016)." };
        var weight = new Option<string>("--weight")
        {
            Description = "Residual weighting: modulus (relative to |Z|, every decade alike), unit (absolute, impedance.py's default), proportional (each part relative to itself).",
            DefaultValueFactory = _ => "modulus",
        };
        weight.AcceptOnlyFromAmongIgnoringCase("modulus", "unit", "proportional");
        var global = new Option<int>("--global") { Description = "Extra random starts of the global option (seeded multi-start, 0 to 100000); the lowest χ² wins.", DefaultValueFactory = _ => 0 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the global option's random starts.", DefaultValueFactory = _ => 0UL };
        var dropInductive = new Option<bool>("--drop-inductive") { Description = "Fit only the points with Z″ ≤ 0, dropping the inductive ones (impedance.py's ignoreBelowX), for circuits without an inductor." };
        var level = new Option<double>("--level") { Description = "Confidence level of the intervals, in (0, 1).", DefaultValueFactory = _ => 0.95 };
        var warmStart = new Option<bool>("--warm-start") { Description = "With several spectra, start each fit from the previous spectrum's result (in file and sweep order, one after another) instead of fitting them independently in parallel." };
        var csv = new Option<string?>("--csv") { Description = "Also write the result table (a row per spectrum: file, sweep, points, frequency range, t₀, E, I, status, χ²/ν, every parameter and its SE, in SI units) to this CSV file." };
        var parquet = new Option<string?>("--parquet") { Description = "Also write the result table to this Parquet file (units in its metadata)." };
        var curve = new Option<string?>("--curve") { Description = "Also write the fitted model's spectrum (f, Z′, Z″ at the data's frequencies and on a fine grid of 20 points per decade) to this CSV file." };
        var fitPlot = PlotOutput.Create("the Nyquist plot of the data with the fitted circuit's curve");
        var fit = new Command("fit", "Fit an equivalent circuit by complex nonlinear least squares, from automatic start values for whatever --guess does not give; report the parameters with SEs and CIs, the start used, identifiability warnings and the residuals.")
        {
            Options = { circuit, guess, fix, weight, global, seed, level, dropInductive, warmStart, json, csv, parquet, curve, fitPlot },
        };
        spectra.AddTo(fit, selection: true);
        fit.SetAction((parse, cancellationToken) =>
        {
            Circuit? parsed = null;
            CircuitFitOptions? options = null;
            int exit = CommandExecution.Run(stdout, stderr, null, _ =>
            {
                parsed = Circuit.Parse(parse.GetValue(circuit)!);
                options = CircuitFitOptions.Default with
                {
                    InitialGuess = ParameterAssignments.Parse("--guess", parse.GetValue(guess), parsed),
                    FixedParameters = ParameterAssignments.Parse("--fix", parse.GetValue(fix), parsed),
                    Weighting = parse.GetValue(weight) switch { "unit" => ImpedanceWeighting.Unit, "proportional" => ImpedanceWeighting.Proportional, _ => ImpedanceWeighting.Modulus },
                    GlobalStarts = parse.GetValue(global),
                    Seed = parse.GetValue(seed),
                    ConfidenceLevel = parse.GetValue(level),
                };
                spectra.Validate(parse);
                PlotOutput.Validate(parse.GetValue(fitPlot));
            });
            if (exit != 0)
            {
                return Task.FromResult(exit);
            }

            SpectrumArguments.Selection? selection = null;
            exit = CommandExecution.Run(stdout, stderr, null, output =>
            {
                selection = spectra.Read(parse, stderr, cancellationToken);
                bool drop = parse.GetValue(dropInductive);
                if (selection.Single)
                {
                    SelectedSpectrum only = selection.Spectra[0];
                    ImpedanceSpectrum fitted = drop ? WithoutInductive(only, stderr) : only.Spectrum;
                    FitResult<CircuitModel> result = CircuitModel.Fit(parsed!, fitted, options, cancellationToken);
                    ImmutableArray<double> automatic = CircuitInitialGuess.Estimate(parsed!, fitted);
                    WriteCsv(parse.GetValue(curve), writer => FittedCurve.Write(writer, [(only, fitted, result)]));
                    PlotOutput.Write(parse.GetValue(fitPlot), () => ImpedanceFigures.Nyquist(fitted, result));
                    WriteTable(parse.GetValue(csv), parse.GetValue(parquet), EisBatchReport.FitTable(parsed!, [new(only, result, null)]), FitMetadata(parsed!, options!, false), cancellationToken);
                    output.Append(parse.GetValue(json) ? EisFitReport.Json(only, fitted, options!, result, automatic) : EisFitReport.Text(only, fitted, options!, result, automatic));
                    return;
                }

                IReadOnlyList<SelectedSpectrum> targets = selection.Spectra;
                var fittedSpectra = new ImpedanceSpectrum?[targets.Count];
                var rejected = new string?[targets.Count];
                for (int i = 0; i < targets.Count; i++)
                {
                    try
                    {
                        fittedSpectra[i] = drop ? WithoutInductive(targets[i], stderr) : targets[i].Spectrum;
                    }
                    catch (ArgumentException e)
                    {
                        rejected[i] = e.Message;
                    }
                }

                int[] fittable = [.. Enumerable.Range(0, targets.Count).Where(i => fittedSpectra[i] is not null)];
                ImmutableArray<BatchOutcome<FitResult<CircuitModel>>> batch = [];
                bool warm = parse.GetValue(warmStart);
                ProgressDisplay.Run(stderr, fittable.Length, $"Fitting {fittable.Length} spectra", step =>
                    batch = CircuitBatchFit.FitMany(parsed!, [.. fittable.Select(i => fittedSpectra[i]!)], options, warm,
                        progress: step is null ? null : new Progress(step), cancellationToken: cancellationToken));
                var outcomes = new EisBatchReport.Outcome<FitResult<CircuitModel>>[targets.Count];
                for (int i = 0; i < targets.Count; i++)
                {
                    outcomes[i] = new(targets[i], null, rejected[i]);
                }

                for (int k = 0; k < fittable.Length; k++)
                {
                    outcomes[fittable[k]] = new(targets[fittable[k]], batch[k].Result, batch[k].Error);
                }

                WriteCsv(parse.GetValue(curve), writer => FittedCurve.Write(writer, Enumerable.Range(0, outcomes.Length).Where(i => outcomes[i].Result is not null).Select(i => (outcomes[i].Spectrum, fittedSpectra[i]!, outcomes[i].Result!))));
                PlotOutput.WriteEach(parse.GetValue(fitPlot), outcomes.Length, i => outcomes[i].Result is { } r ? ImpedanceFigures.Nyquist(fittedSpectra[i]!, r) : null);
                WriteTable(parse.GetValue(csv), parse.GetValue(parquet), EisBatchReport.FitTable(parsed!, outcomes), FitMetadata(parsed!, options!, warm), cancellationToken);
                output.Append(parse.GetValue(json) ? EisBatchReport.FitJson(parsed!, outcomes, selection.Problems, options!, warm) : EisBatchReport.FitText(parsed!, outcomes, selection.Problems, options!, warm));
                selection = selection with { Problems = [.. selection.Problems, .. outcomes.Where(o => o.Problem is not null).Select(o => o.Problem!)] };
            });
            return Task.FromResult(Finish(stderr, exit, selection?.Problems.Count ?? 0));
        });
        return fit;
    }

    /// <summary>The spectrum without inductive points, warning on standard error (so a --json document stays valid) when that drops most of it.</summary>
    private static ImpedanceSpectrum WithoutInductive(SelectedSpectrum selected, TextWriter stderr)
    {
        ImpedanceSpectrum kept = selected.Spectrum.WithoutInductivePoints();
        int dropped = selected.Spectrum.Count - kept.Count;
        if (dropped > 0 && 2 * dropped > selected.Spectrum.Count)
        {
            stderr.WriteLine($"electrochem: warning: {selected.Label}: --drop-inductive dropped {dropped} of {selected.Spectrum.Count} points (Z″ > 0), most of the spectrum: the file probably holds −Z″ under a Z″ name");
        }

        return kept;
    }

    /// <summary>Writes a result table as CSV and as Parquet, to whichever paths were given.</summary>
    private static void WriteTable(string? csv, string? parquet, Formatting.ResultTable table, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        WriteCsv(csv, table.WriteCsv);
        if (parquet is not null)
        {
            table.WriteParquet(parquet, metadata, cancellationToken);
        }
    }

    private static Dictionary<string, string> FitMetadata(Circuit circuit, CircuitFitOptions options, bool warmStart) =>
        EisBatchReport.Metadata("eis fit", ("circuit", circuit.ToString()), ("weighting", options.Weighting.ToString()), ("warm_start", warmStart ? "true" : "false"),
            ("confidence_level", options.ConfidenceLevel.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Writes a CSV file (UTF-8, no BOM) when a path was given.</summary>
    private static void WriteCsv(string? path, Action<TextWriter> write)
    {
        if (path is null)
        {
            return;
        }

        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        write(writer);
    }

    /// <summary>The exit code: the command's own, or <see cref="CliApplication.DataErrorExitCode"/> with a summary on standard error when some files or spectra could not be analysed.</summary>
    private static int Finish(TextWriter stderr, int exit, int problems)
    {
        if (exit != 0 || problems == 0)
        {
            return exit;
        }

        stderr.WriteLine($"electrochem: {problems} file{(problems == 1 ? string.Empty : "s")} or spectr{(problems == 1 ? "um" : "a")} could not be analysed (listed in the report)");
        return CliApplication.DataErrorExitCode;
    }

    /// <summary>Advances a progress bar from the batch fitter's completion counts.</summary>
    private sealed class Progress(Action step) : IProgress<int>
    {
        public void Report(int value) => step();
    }
}
