namespace Electrochem.Cli;

/// <summary>The process entry point of the <c>electrochem</c> tool.</summary>
internal static class Program
{
    /// <summary>Runs the tool on the process's console.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The exit code: 0 success, 1 usage error, 2 bad data file or argument.</returns>
    private static int Main(string[] args) => CliApplication.Run(args, Console.Out, Console.Error);
}
