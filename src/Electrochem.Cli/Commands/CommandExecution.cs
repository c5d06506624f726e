using System.Text;
using Electrochem.Impedance;
using Electrochem.IO;

namespace Electrochem.Cli.Commands;

/// <summary>
/// Runs a command's body with its output buffered: on success the buffer goes to standard output; on a data error
/// (malformed file, missing file, an unreadable circuit string, an argument the analysis rejects) standard output stays empty and exactly one line
/// <c>electrochem: …</c> goes to standard error, with exit code <see cref="CliApplication.DataErrorExitCode"/>.
/// </summary>
internal static class CommandExecution
{
    /// <summary>Runs <paramref name="body"/>, which appends its output to the buffer it is given.</summary>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="file">The file the command reads (for I/O error messages), or null.</param>
    /// <param name="body">The command's work.</param>
    /// <returns>The exit code.</returns>
    internal static int Run(TextWriter stdout, TextWriter stderr, string? file, Action<StringBuilder> body)
    {
        var output = new StringBuilder();
        try
        {
            body(output);
        }
        catch (Exception e) when (Problem(e, file) is { } problem)
        {
            return Fail(stderr, problem);
        }

        stdout.Write(output.ToString());
        return 0;
    }

    /// <summary>
    /// The one-line message for a failure a command reports as a data error (malformed or missing file, unreadable
    /// circuit, rejected argument), or null for any other exception, which is a bug and propagates.
    /// </summary>
    /// <param name="error">What was thrown.</param>
    /// <param name="file">The file being read, for I/O messages, or null.</param>
    /// <returns>The message, without the <c>electrochem:</c> prefix, or null.</returns>
    internal static string? Problem(Exception error, string? file) => error switch
    {
        DataFileException e => e.Message,
        CircuitFormatException e => e.Message,

        // A command may read several files (a trace and two spectra): name the one that is missing.
        FileNotFoundException e => $"{e.FileName ?? file}: no such file",
        DirectoryNotFoundException => $"{file}: no such file (the directory does not exist)",
        IOException or UnauthorizedAccessException when file is not null && Directory.Exists(file) => $"{file}: is a directory; this command reads one file (the eis and data convert commands take directories)",
        IOException e => $"{file}: {e.Message}",
        UnauthorizedAccessException e => $"{file}: {e.Message}",
        ArgumentException e => file is null ? e.Message : $"{file}: {e.Message}",
        _ => null,
    };

    private static int Fail(TextWriter stderr, string message)
    {
        string oneLine = message.ReplaceLineEndings(" ");
        stderr.WriteLine($"electrochem: {oneLine}");
        return CliApplication.DataErrorExitCode;
    }
}
