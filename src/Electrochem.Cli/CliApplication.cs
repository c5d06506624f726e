using System.CommandLine;
using System.CommandLine.Help;
using Electrochem.Cli.Commands;

namespace Electrochem.Cli;

/// <summary>
/// The <c>electrochem</c> command tree, runnable in-process: every command writes to the writers it is given, builds
/// its whole output in memory and writes it only on success, so a failed command leaves standard output empty.
/// </summary>
internal static class CliApplication
{
    /// <summary>Exit code of a usage error (unknown command or option, bad option value), set by System.CommandLine.</summary>
    internal const int UsageErrorExitCode = 1;

    /// <summary>Exit code of a malformed data file, a missing file, or an argument the analysis rejects.</summary>
    internal const int DataErrorExitCode = 2;

    /// <summary>Parses the arguments and runs the command they name.</summary>
    /// <param name="args">Command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>0 on success, <see cref="UsageErrorExitCode"/> for usage errors, <see cref="DataErrorExitCode"/> for data errors.</returns>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        // A plain command named after the tool rather than RootCommand, whose name is the executable's (Electrochem.Cli
        // when run as a dotnet tool); help and version options are added as RootCommand would.
        var root = new Command("electrochem", "Electrochemistry analyses for battery research: conductivity, impedance files, Lin-KK validation and equivalent-circuit fitting, electrode kinetics, Li⁺ transference, cycler recordings and their cycling analysis, GITT and ICI titrations, voltammetry and symmetric cells.")
        {
            Options = { new HelpOption(), new VersionOption() },
        };
        root.Subcommands.Add(ConductivityCommand.Create(stdout, stderr));
        root.Subcommands.Add(EisCommand.Create(stdout, stderr));
        root.Subcommands.Add(KineticsCommand.Create(stdout, stderr));
        root.Subcommands.Add(TransferenceCommand.Create(stdout, stderr));
        root.Subcommands.Add(DataCommand.Create(stdout, stderr));
        root.Subcommands.Add(CyclingCommand.Create(stdout, stderr));
        root.Subcommands.Add(GittCommand.Create(stdout, stderr));
        root.Subcommands.Add(GittCommand.CreateIci(stdout, stderr));
        root.Subcommands.Add(VoltammetryCommand.Create(stdout, stderr));
        root.Subcommands.Add(VoltammetryCommand.CreateSymmetric(stdout, stderr));
        root.Subcommands.Add(DemoCommand.Create(stdout, stderr));
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
