using System.CommandLine;
using System.Text;
using Electrochem.Cli.Demo;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>electrochem demo [--export-data DIR]</c>: every analysis Electrochem has, run on the bundled synthetic example
/// data of the reference study, each result beside the paper's value; or write the example files to a folder.
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
        var command = new Command("demo", "Run the reference study's analyses on bundled SYNTHETIC example data and print each result beside the paper's value.");
        command.Options.Add(export);
        command.SetAction(parse =>
        {
            string? folder = parse.GetValue(export);
            return CommandExecution.Run(stdout, stderr, folder, output =>
            {
                if (folder is null)
                {
                    output.Append(DemoReport.Text(DemoData.LoadBundled(), DemoSections.All));
                }
                else
                {
                    Export(folder, output);
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
