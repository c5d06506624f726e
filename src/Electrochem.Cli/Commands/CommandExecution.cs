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
        catch (DataFileException e)
        {
            return Fail(stderr, e.Message);
        }
        catch (CircuitFormatException e)
        {
            return Fail(stderr, e.Message);
        }
        catch (FileNotFoundException e)
        {
            // A command may read several files (a trace and two spectra): name the one that is missing.
            return Fail(stderr, $"{e.FileName ?? file}: no such file");
        }
        catch (DirectoryNotFoundException)
        {
            return Fail(stderr, $"{file}: no such file (the directory does not exist)");
        }
        catch (IOException e)
        {
            return Fail(stderr, $"{file}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(stderr, $"{file}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            return Fail(stderr, file is null ? e.Message : $"{file}: {e.Message}");
        }

        stdout.Write(output.ToString());
        return 0;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        string oneLine = message.ReplaceLineEndings(" ");
        stderr.WriteLine($"electrochem: {oneLine}");
        return CliApplication.DataErrorExitCode;
    }
}
