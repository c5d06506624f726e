using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Electrochem.Cli.Tests.Commands;

/// <summary>
/// Peak memory of whole <c>electrochem eis show</c> processes on 24 MiB "bomb" files, bounded by running them under a
/// GC heap hard limit of 3 × the file + 48 MiB: a reader that holds more than that at any moment dies of
/// OutOfMemoryException and the test fails. (Before the line store and counted columns, the headerless table took
/// ~25 × its size; at 2 × + 48 MiB the 64 MiB headerless file still runs out, so the limit is not loose.)
/// </summary>
public sealed class EisPeakMemoryTests : IDisposable
{
    private const int FileBytes = 24 << 20;
    private readonly TempFolder _folder = new();

    public static TheoryData<string, string, string, string, bool, string> Bombs => new()
    {
        // name, first lines, repeated line, last lines, reads?, expected in the output (stdout if it reads, else stderr)
        { "headerless.csv", string.Empty, "1000,2.5,-3.25\n", string.Empty, true, "Points: " },
        { "headed.csv", "f (Hz),Z' (Ohm),Z'' (Ohm)\n", "1000,2.5,-3.25\n", string.Empty, true, "Points: " },
        { "comments.csv", "1,2,-3\n", "#\n", string.Empty, true, "Points: 1 " },
        { "zplot.z", "ZPLOT2 ASCII\n", "Comment: x\n", "Freq(Hz)\tAmpl\tBias\tTime(Sec)\tZ'(a)\tZ''(b)\nEnd Comments\n1000\t0.01\t0\t1\t2.5\t-3.25\n", false, "settings lines" },
        { "gamry.DTA", "EXPLAIN\n", "KEY\tQUANT\t1.0\tLabel\n", "ZCURVE\tTABLE\n\tPt\tFreq\tZreal\tZimag\n\t#\tHz\tohm\tohm\n\t0\t1000\t2.5\t-3.25\n", false, "settings lines" },
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task A_bomb_file_reads_within_three_times_its_size(string name, string head, string line, string tail, bool reads, string expected)
    {
        string path = Path.Combine(_folder.Path, name);
        WriteBomb(path, head, line, tail);
        long limit = (3L * new FileInfo(path).Length) + (48L << 20);
        (int exit, string stdout, string stderr) = await RunCliAsync(limit, TestContext.Current.CancellationToken, "eis", "show", path);
        Assert.DoesNotContain("OutOfMemory", stderr, StringComparison.Ordinal);
        Assert.True(reads ? exit == 0 : exit is 1 or 2, $"exit {exit}\n{stderr}");
        Assert.Contains(expected, reads ? stdout : stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static void WriteBomb(string path, string head, string line, string tail)
    {
        using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        file.Write(head);
        for (long written = head.Length + tail.Length; written + line.Length <= FileBytes; written += line.Length)
        {
            file.Write(line);
        }

        file.Write(tail);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunCliAsync(long heapLimitBytes, CancellationToken cancellationToken, params string[] arguments)
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        var start = new ProcessStartInfo(!string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Electrochem.Cli.dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = heapLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
