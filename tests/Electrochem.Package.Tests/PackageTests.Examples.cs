using System.Diagnostics;

namespace Electrochem.Package.Tests;

/// <summary>
/// Every .NET file-based app in docs/examples runs (<c>dotnet run FILE.cs -- ARGS</c> from the repository root, with the
/// arguments of its "Run from the repository root" comment, output files sent to a temporary folder) and prints every
/// line fragment its <c>// Expect:</c> comments name, so no example can rot. In this class because its builds of the
/// projects must not run while another test assembly builds them (the pack fixture's restores would race them on obj/
/// files); the class's tests run one after another.
/// </summary>
public sealed partial class PackageTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(FindRoot(), "docs", "examples"), "*.cs").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_example_runs_and_prints_what_it_promises(string name)
    {
        string root = packed.RepositoryRoot;
        string[] lines = File.ReadAllLines(Path.Combine(root, "docs", "examples", name));
        string[] expected = [.. lines.Where(l => l.StartsWith("// Expect: ", StringComparison.Ordinal)).Select(l => l["// Expect: ".Length..])];
        Assert.NotEmpty(expected);
        string command = lines.Select(l => l.TrimStart('/', ' ')).First(l => l.StartsWith("dotnet run docs/examples/", StringComparison.Ordinal));
        string output = Directory.CreateTempSubdirectory("electrochem-example-").FullName;
        try
        {
            // The example's own arguments, with output files (png, svg) written to the temporary folder.
            // Outputs go to the temporary folder: figure files, and docs/images (the gallery's folder, kept as committed).
            static bool IsFigure(string a) => a.EndsWith(".png", StringComparison.Ordinal) || a.EndsWith(".svg", StringComparison.Ordinal) || a == "docs/images";
            string[] given = [.. Split(command).Skip(2)];
            string[] arguments = [.. given.Select(a => IsFigure(a) ? Path.Combine(output, a) : a)];
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("run");
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            string text = await stdout;
            Assert.True(process.ExitCode == 0, $"{name} exited with {process.ExitCode}:\n{text}\n{await stderr}");
            foreach (string fragment in expected)
            {
                string wanted = given.Where(IsFigure).Aggregate(fragment, (f, file) => f.Replace(file, Path.Combine(output, file), StringComparison.Ordinal));
                Assert.True(text.Contains(wanted, StringComparison.Ordinal), $"{name} did not print '{wanted}':\n{text}");
            }
        }
        finally
        {
            Directory.Delete(output, true);
        }
    }

    /// <summary>Splits a shell-like command line on spaces, keeping double-quoted arguments whole.</summary>
    private static IEnumerable<string> Split(string command)
    {
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in command)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
