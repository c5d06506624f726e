using System.Text.RegularExpressions;

namespace Electrochem.Package.Tests;

/// <summary>
/// Runs every C# notebook in docs/notebooks headless against this run's packages, the way issue #13 asks: each notebook
/// references the published package ids, so a copy of it gets an <c>#i</c> of the local feed and this run's version,
/// and dotnet-repl (pinned in .config/dotnet-tools.json) runs it from docs/notebooks with TRX output; any failing cell
/// fails the test, with the cell's error in the message.
/// </summary>
public sealed partial class PackageTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Path.Combine(FindRoot(), "docs", "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_notebook_runs_headless_against_the_packed_packages(string name)
    {
        string folder = Path.Combine(packed.RepositoryRoot, "docs", "notebooks");
        ProcessResult restore = await DotNetProcess.RunAsync(packed.RepositoryRoot, ["tool", "restore"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(restore.Succeeded, restore.Describe());

        string text = await File.ReadAllTextAsync(Path.Combine(folder, name), TestContext.Current.CancellationToken);
        string feed = packed.PackageDirectory.Replace("\\", "\\\\", StringComparison.Ordinal);
        int references = 0;
        string pointed = ReferenceLine().Replace(text, match =>
        {
            references++;
            return (references == 1 ? $"#i \\\"nuget: {feed}\\\"\\n" : string.Empty) + $"#r \\\"nuget: {match.Groups["id"].Value}, {packed.Version}\\\"";
        });
        Assert.True(references > 0, $"{name} references no Electrochem package with #r \"nuget: Electrochem…, version\"");
        string copy = Path.Combine(Path.GetTempPath(), $"electrochem-notebook-{Guid.NewGuid():N}-{name}");
        string trx = Path.ChangeExtension(copy, ".trx");
        await File.WriteAllTextAsync(copy, pointed, TestContext.Current.CancellationToken);
        try
        {
            ProcessResult run = await DotNetProcess.RunAsync(folder, ["dotnet-repl", "--run", copy, "--exit-after-run", "--output-format", "trx", "--output-path", trx], TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);
            string results = File.Exists(trx) ? await File.ReadAllTextAsync(trx, TestContext.Current.CancellationToken) : string.Empty;
            string[] failures = [.. FailedCell().Matches(results).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["name"].Value) + ": " + System.Net.WebUtility.HtmlDecode(m.Groups["message"].Value).Split('\n')[0])];
            if (failures.Length == 0 && !run.Succeeded)
            {
                // A failure the pattern did not catch: every message in the results file.
                failures = [.. Regex.Matches(results, "<Message>(.*?)</Message>", RegexOptions.Singleline).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Split('\n')[0])];
            }
            Assert.True(run.Succeeded && failures.Length == 0 && results.Contains("outcome=\"Passed\"", StringComparison.Ordinal),
                $"{name}: {string.Join("; ", failures)}\n{run.Describe()}");
        }
        finally
        {
            File.Delete(copy);
            File.Delete(trx);
        }
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Electrochem.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Electrochem.sln not found above the test assembly.");
    }

    [GeneratedRegex(@"#r \\""nuget: (?<id>Electrochem[A-Za-z.]*), [^\\""]+\\""")]
    private static partial Regex ReferenceLine();

    [GeneratedRegex("""testName="(?<name>[^"]*)"[^>]*outcome="Failed".*?<Message>(?<message>.*?)</Message>""", RegexOptions.Singleline)]
    private static partial Regex FailedCell();
}
