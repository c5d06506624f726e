using System.CommandLine;
using Electrochem.Cli.Impedance;
using Electrochem.Impedance;
using Electrochem.IO.Impedance;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>electrochem eis show FILE [--json]</c>: what an impedance file holds, as read; <c>electrochem eis kk FILE
/// [--cutoff c | --elements M] [--part real|imag|complex] [--series-capacitance] [--json]</c>: the Lin-KK test.
/// </summary>
internal static class EisCommand
{
    /// <summary>Builds the <c>eis</c> command and its subcommands, writing to the given writers.</summary>
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("eis", "Electrochemical impedance spectra: read instrument files.");
        var file = new Argument<string>("FILE")
        {
            Description = "An impedance file: Gamry .DTA, BioLogic EC-Lab .mpt, ZPlot .z, ZPlot for Windows text, VersaStudio .par, CH Instruments, Parstat, PowerSuite, or a delimited table of f, Z′, Z″. The format is detected from the content.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Write one JSON document instead of text.",
        };
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
                ImpedanceData data = ImpedanceFile.Read(path);
                output.Append(asJson ? EisShowReport.Json(data) : EisShowReport.Text(data));
            });
        });
        command.Subcommands.Add(show);
        command.Subcommands.Add(KramersKronig(stdout, stderr, file, json));
        return command;
    }

    private static Command KramersKronig(TextWriter stdout, TextWriter stderr, Argument<string> file, Option<bool> json)
    {
        var cutoff = new Option<double>("--cutoff")
        {
            Description = "μ cutoff c in (0, 1]: M grows from 1 until μ ≤ c. Schönleber's 0.85 can stop too early; 0.5–0.7 is often better.",
            DefaultValueFactory = _ => 0.85,
        };
        var elements = new Option<int?>("--elements") { Description = "Use exactly M RC elements instead of searching with --cutoff." };
        var maximum = new Option<int>("--max-elements") { Description = "Largest M tried by the search.", DefaultValueFactory = _ => 50 };
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
                ImpedanceData data = ImpedanceFile.Read(path);
                LinearKramersKronigResult result = LinearKramersKronig.Test(data.Spectrum, options);
                output.Append(parse.GetValue(json) ? EisKramersKronigReport.Json(data, options, result) : EisKramersKronigReport.Text(data, options, result));
            });
        });
        return kk;
    }
}
