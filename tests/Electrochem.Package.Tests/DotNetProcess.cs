using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Electrochem.Package.Tests;

/// <summary>The outcome of one `dotnet` invocation, with everything needed to explain a failure.</summary>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"""
        command: {CommandLine}
        in: {WorkingDirectory}
        exit code: {(TimedOut ? "timed out" : ExitCode.ToString(CultureInfo.InvariantCulture))} after {Elapsed.TotalSeconds:F1} s
        --- stdout ---
        {StandardOutput}
        --- stderr ---
        {StandardError}
        """);
}

/// <summary>Runs the .NET CLI non-interactively, capturing stdout and stderr, with a generous timeout.</summary>
internal static class DotNetProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The `dotnet` muxer running this test host when known, else `dotnet` from PATH.</summary>
    private static string DotNetExecutable
    {
        get
        {
            string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }
    }

    public static Task<ProcessResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        RunProgramAsync(DotNetExecutable, workingDirectory, arguments, timeout, cancellationToken);

    /// <summary>Runs any program (a script's interpreter, an installed tool) with the same clean environment as `dotnet`.</summary>
    public static async Task<ProcessResult> RunProgramAsync(string program, string workingDirectory, IReadOnlyList<string> arguments, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A child build must not inherit the MSBuild state of the `dotnet test` that launched this host (SDK paths,
        // node reuse, the parent's project), and must never wait for a prompt or print first-run banners.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["NUGET_XMLDOC_MODE"] = "skip";

        string commandLine = Path.GetFileName(program) + " " + string.Join(' ', arguments);
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stdout)
                {
                    stdout.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? DefaultTimeout);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        // Drains the asynchronous readers.
        process.WaitForExit();
        watch.Stop();
        string output;
        string error;
        lock (stdout)
        {
            output = stdout.ToString();
        }

        lock (stderr)
        {
            error = stderr.ToString();
        }

        return new ProcessResult(commandLine, workingDirectory, timedOut ? -1 : process.ExitCode, timedOut, output, error, watch.Elapsed);
    }
}
