using System.Collections.Immutable;
using System.CommandLine;
using System.Text;
using Electrochem.Cli.Demo;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>electrochem demo [--export-data DIR] [--report DIR]</c>: every analysis Electrochem has, run on the bundled
/// synthetic example data of the reference study, each result beside the paper's value; or write the example files to a
/// folder; or write the results with their figures as one self-contained HTML page.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Builds the <c>demo</c> command, writing to the given writers.</summary>
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var export = new Option<string?>("--export-data")
        {
            Description = "Instead of running the demo, write the example data files (as the seeded generator produces them, identical to the bundled ones) to this folder.",
        };
        var report = new Option<string?>("--report")
        {
            Description = "Also write the results with their figures as one self-contained HTML page, DIR/report.html (the data's provenance stated at the top); the text still goes to the terminal.",
        };
        var command = new Command("demo", "Run the reference study's analyses on bundled SYNTHETIC example data and print each result beside the paper's value.");
        command.Options.Add(export);
        command.Options.Add(report);
        command.SetAction(parse =>
        {
            string? folder = parse.GetValue(export);
            string? reportFolder = parse.GetValue(report);
            return CommandExecution.Run(stdout, stderr, folder, output =>
            {
                if (folder is not null && reportFolder is not null)
                {
                    throw new ArgumentException("give --export-data (write the example files) or --report (write the HTML report), not both");
                }

                if (folder is not null)
                {
                    Export(folder, output);
                    return;
                }

                DemoData data = DemoData.LoadBundled();
                ImmutableArray<DemoRow>[] rows = DemoReport.Rows(data, DemoSections.All);
                output.Append(DemoReport.Text(DemoSections.All, rows));
                if (reportFolder is not null)
                {
                    Directory.CreateDirectory(reportFolder);
                    string path = Path.Combine(reportFolder, "report.html");
                    File.WriteAllText(path, DemoReport.Html(data, DemoSections.All, rows));
                    output.Append("\nwrote ").Append(path).Append('\n');
                }
            });
        });
        return command;
    }

    private static void Export(string folder, StringBuilder output)
    {
        Directory.CreateDirectory(folder);
        foreach (DemoDataFile file in DemoDataGenerator.Generate())
        {
            string path = Path.Combine(folder, file.Name);
            File.WriteAllBytes(path, file.ToBytes());
            output.Append("wrote ").Append(path).Append('\n');
        }
    }
}
