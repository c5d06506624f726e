using System.CommandLine;
using Electrochem.Cli.Data;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>electrochem data show FILE [--json]</c>: what a cycler file holds, as read (format, columns with units and where
/// each came from, rows, time span, cycles, warnings); <c>electrochem data convert FILE|DIR --to parquet|csv --out
/// PATH</c>: recordings to Parquet or CSV.
/// </summary>
internal static class DataCommand
{
    /// <summary>Builds the <c>data</c> command and its subcommands.</summary>
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("data", "Cycler recordings: read the text exports of Arbin, BioLogic, Maccor, Neware, PEC, Novonix, Battery Data Format or any delimited table; show them; convert them to Parquet or CSV.");
        var file = new Argument<string>("FILE") { Description = "A cycler file; the format is detected from the content." };
        var json = new Option<bool>("--json") { Description = "Write one JSON document instead of text." };
        var read = new DataReadOptions();
        var show = new Command("show", "Show what was read: the format, every column with its unit, quantity and the header it came from, rows, time span, cycles, metadata and warnings.")
        {
            Arguments = { file },
            Options = { json },
        };
        read.AddTo(show);
        show.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            return CommandExecution.Run(stdout, stderr, path, output =>
            {
                CyclerRecording recording = CyclerFile.Read(path, read.Build(parse));
                output.Append(parse.GetValue(json) ? DataShowReport.Json(recording) : DataShowReport.Text(recording));
            });
        });
        command.Subcommands.Add(show);
        return command;
    }
}
