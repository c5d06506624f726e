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
        command.Subcommands.Add(Convert(stdout, stderr, json));
        return command;
    }

    private static Command Convert(TextWriter stdout, TextWriter stderr, Option<bool> json)
    {
        var source = new Argument<string>("FILE|DIR") { Description = "A cycler file, or a directory whose files (recursively, hidden ones and .parquet files excepted) are all converted." };
        var to = new Option<string>("--to") { Description = "The output format: parquet (units and metadata kept) or csv.", Required = true };
        to.AcceptOnlyFromAmongIgnoringCase("parquet", "csv");
        var output = new Option<string>("--out") { Description = "The output file (for one input file), or directory (for a directory: each input's relative path plus .parquet or .csv).", Required = true };
        var jobs = new Option<int>("--jobs") { Description = "Files converted at once (1 to 512; default: one per processor). A single large file is read on every processor either way.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var read = new DataReadOptions();
        var convert = new Command("convert", "Convert cycler recordings to Parquet or CSV; a directory converts every readable file in parallel with a progress bar, and lists the files it could not read and why without stopping.")
        {
            Arguments = { source },
            Options = { to, output, jobs, json },
        };
        read.AddTo(convert);
        convert.SetAction((parse, cancellationToken) =>
        {
            string path = parse.GetValue(source)!;
            string format = parse.GetValue(to)!;
            string destination = parse.GetValue(output)!;
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                stderr.WriteLine($"electrochem: {path}: no such file or directory");
                return Task.FromResult(CliApplication.DataErrorExitCode);
            }

            if (parse.GetValue(jobs) is < 1 or > 512)
            {
                stderr.WriteLine($"electrochem: --jobs is {parse.GetValue(jobs)}; expected a number of files from 1 to 512");
                return Task.FromResult(CliApplication.DataErrorExitCode);
            }

            CyclerReadOptions options;
            try
            {
                options = read.Build(parse);
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"electrochem: {e.Message.ReplaceLineEndings(" ")}");
                return Task.FromResult(CliApplication.DataErrorExitCode);
            }

            DataConversion.Outcome[] outcomes = DataConversion.Run(path, destination, format == "parquet", parse.GetValue(jobs), options, stderr, cancellationToken);
            stdout.Write(parse.GetValue(json) ? DataConversion.Json(outcomes, format) : DataConversion.Text(outcomes, format, destination));
            int failed = outcomes.Count(o => o.Problem is not null);
            if (failed == 0)
            {
                return Task.FromResult(0);
            }

            stderr.WriteLine($"electrochem: {failed} of {outcomes.Length} file{(outcomes.Length == 1 ? string.Empty : "s")} could not be converted (listed in the report)");
            return Task.FromResult(CliApplication.DataErrorExitCode);
        });
        return convert;
    }
}
