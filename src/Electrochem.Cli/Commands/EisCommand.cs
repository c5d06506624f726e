using System.Collections.Immutable;
using System.CommandLine;
using Electrochem.Cli.Impedance;
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.IO.Impedance;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>electrochem eis show FILE [--json]</c>: what an impedance file holds, as read; <c>electrochem eis kk FILE
/// [--cutoff c | --elements M] [--part real|imag|complex] [--series-capacitance] [--json]</c>: the Lin-KK test;
/// <c>electrochem eis fit FILE --circuit "…" [--guess …] [--fix …] [--weight …] [--global N] [--seed S] [--level p]
/// [--drop-inductive] [--json]</c>: an equivalent-circuit fit.
/// </summary>
internal static class EisCommand
{
    /// <summary>Builds the <c>eis</c> command and its subcommands, writing to the given writers.</summary>
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("eis", "Electrochemical impedance spectra: read instrument files, check them with Lin-KK, fit equivalent circuits.");
        var file = new Argument<string>("FILE")
        {
            Description = "An impedance file: Gamry .DTA, BioLogic EC-Lab .mpt, ZPlot .z, ZPlot for Windows text, VersaStudio .par, CH Instruments, Parstat, PowerSuite, or a delimited table of f, Z′, Z″. The format is detected from the content.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Write one JSON document instead of text.",
        };
        Option<string> format = FormatOption();
        command.Options.Add(format);
        var show = new Command("show", "Show what was read: the format detected, settings, point count, frequency range, first and last points, dropped rows and warnings.")
        {
            Arguments = { file },
            Options = { json },
        };
        show.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            bool asJson = parse.GetValue(json);
            return CommandExecution.Run(stdout, stderr, path, output =>
            {
                ImpedanceData data = Read(path, parse, format);
                output.Append(asJson ? EisShowReport.Json(data) : EisShowReport.Text(data));
            });
        });
        command.Subcommands.Add(show);
        command.Subcommands.Add(KramersKronig(stdout, stderr, file, json, format));
        command.Subcommands.Add(Fit(stdout, stderr, file, json, format));
        return command;
    }

    private static Command KramersKronig(TextWriter stdout, TextWriter stderr, Argument<string> file, Option<bool> json, Option<string> format)
    {
        var cutoff = new Option<double>("--cutoff")
        {
            Description = "μ cutoff c in (0, 1]: M grows from 1 until μ ≤ c. Schönleber's 0.85 can stop too early; 0.5–0.7 is often better.",
            DefaultValueFactory = _ => 0.85,
        };
        var elements = new Option<int?>("--elements") { Description = "Use exactly M RC elements instead of searching with --cutoff." };
        var maximum = new Option<int>("--max-elements") { Description = "Largest M tried by the search (1 to 10000, and at most one per point).", DefaultValueFactory = _ => 50 };
        var part = new Option<string>("--part")
        {
            Description = "Which part of Z is fitted: real (R₀ and Rₖ from Z′, L from Z″), imag, or complex.",
            DefaultValueFactory = _ => "real",
        };
        part.AcceptOnlyFromAmong("real", "imag", "complex");
        var capacitance = new Option<bool>("--series-capacitance") { Description = "Add a series capacitance, for spectra without a low-frequency real-axis intercept." };
        var kk = new Command("kk", "Lin-KK validation (Schönleber et al. 2014): fit a Kramers–Kronig-compliant chain of RC elements and report the relative residuals per point.")
        {
            Arguments = { file },
            Options = { cutoff, elements, maximum, part, capacitance, json },
        };
        kk.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            return CommandExecution.Run(stdout, stderr, path, output =>
            {
                int? fixedCount = parse.GetValue(elements);
                var options = new LinearKramersKronigOptions(
                    parse.GetValue(part) switch { "imag" => KramersKronigPart.Imaginary, "complex" => KramersKronigPart.Complex, _ => KramersKronigPart.Real },
                    fixedCount is null ? parse.GetValue(cutoff) : null,
                    fixedCount ?? parse.GetValue(maximum),
                    parse.GetValue(capacitance));
                ImpedanceData data = Read(path, parse, format);
                LinearKramersKronigResult result = LinearKramersKronig.Test(data.Spectrum, options);
                output.Append(parse.GetValue(json) ? EisKramersKronigReport.Json(data, options, result) : EisKramersKronigReport.Text(data, options, result));
            });
        });
        return kk;
    }

    private static Command Fit(TextWriter stdout, TextWriter stderr, Argument<string> file, Option<bool> json, Option<string> format)
    {
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
        weight.AcceptOnlyFromAmong("modulus", "unit", "proportional");
        var global = new Option<int>("--global") { Description = "Extra random starts of the global option (seeded multi-start, 0 to 100000); the lowest χ² wins.", DefaultValueFactory = _ => 0 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the global option's random starts.", DefaultValueFactory = _ => 0UL };
        var dropInductive = new Option<bool>("--drop-inductive") { Description = "Fit only the points with Z″ ≤ 0, dropping the inductive ones (impedance.py's ignoreBelowX), for circuits without an inductor." };
        var level = new Option<double>("--level") { Description = "Confidence level of the intervals, in (0, 1).", DefaultValueFactory = _ => 0.95 };
        var fit = new Command("fit", "Fit an equivalent circuit by complex nonlinear least squares, from automatic start values for whatever --guess does not give; report the parameters with SEs and CIs, the start used, identifiability warnings and the residuals.")
        {
            Arguments = { file },
            Options = { circuit, guess, fix, weight, global, seed, level, dropInductive, json },
        };
        fit.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
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
            });
            if (exit != 0)
            {
                return exit;
            }

            return CommandExecution.Run(stdout, stderr, path, output =>
            {
                ImpedanceData data = Read(path, parse, format);
                ImpedanceSpectrum spectrum = parse.GetValue(dropInductive) ? data.Spectrum.WithoutInductivePoints() : data.Spectrum;
                int dropped = data.Spectrum.Count - spectrum.Count;
                if (dropped > 0 && 2 * dropped > data.Spectrum.Count)
                {
                    // Said on standard error, so a --json document stays valid.
                    stderr.WriteLine($"electrochem: warning: --drop-inductive dropped {dropped} of {data.Spectrum.Count} points (Z″ > 0), most of the spectrum: the file probably holds −Z″ under a Z″ name");
                }

                FitResult<CircuitModel> result = CircuitModel.Fit(parsed!, spectrum, options);
                ImmutableArray<double> automatic = CircuitInitialGuess.Estimate(parsed!, spectrum);
                output.Append(parse.GetValue(json) ? EisFitReport.Json(data, spectrum, options!, result, automatic) : EisFitReport.Text(data, spectrum, options!, result, automatic));
            });
        });
        return fit;
    }

    /// <summary><c>--format</c>, on every <c>eis</c> command: detection, or one of the formats the reader knows.</summary>
    private static Option<string> FormatOption() => new("--format")
    {
        Description = "The file's format when detection is not enough: auto (default), gamry, biologic, zplot, zplot-windows, versastudio, chi, parstat, powersuite, headerless, table or maccor. A named format gives that reader's precise error.",
        DefaultValueFactory = _ => "auto",
        Recursive = true,
    };

    /// <summary>Reads an impedance file by detection or in the format <c>--format</c> names.</summary>
    private static ImpedanceData Read(string path, ParseResult parse, Option<string> formatOption)
    {
        string name = parse.GetValue(formatOption)!.Trim().ToLowerInvariant();
        if (name == "auto")
        {
            return ImpedanceFile.Read(path);
        }

        ImpedanceFileFormat format = Cycling.CycleTableArguments.Choice(name, "--format",
            ("gamry", ImpedanceFileFormat.Gamry), ("biologic", ImpedanceFileFormat.BioLogic), ("zplot", ImpedanceFileFormat.ZPlot),
            ("zplot-windows", ImpedanceFileFormat.ZPlotWindows), ("versastudio", ImpedanceFileFormat.VersaStudio), ("chi", ImpedanceFileFormat.CHInstruments),
            ("parstat", ImpedanceFileFormat.Parstat), ("powersuite", ImpedanceFileFormat.PowerSuite), ("headerless", ImpedanceFileFormat.HeaderlessCsv),
            ("table", ImpedanceFileFormat.DelimitedTable), ("maccor", ImpedanceFileFormat.MaccorEis));
        return ImpedanceFile.Read(path, format);
    }
}
