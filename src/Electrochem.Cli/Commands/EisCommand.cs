using System.CommandLine;
using Electrochem.Cli.Impedance;
using Electrochem.IO.Impedance;

namespace Electrochem.Cli.Commands;

/// <summary><c>electrochem eis show FILE [--json]</c>: what an impedance file holds, as read.</summary>
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
        return command;
    }
}
