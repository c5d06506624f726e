using Electrochem.Cli.Demo;

namespace Electrochem.Cli.Tests.Demo;

/// <summary><c>electrochem demo --report DIR</c>: one self-contained HTML page with the provenance, every section's table and the figures inlined as SVG.</summary>
public sealed class DemoReportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void The_report_is_one_self_contained_page_with_provenance_tables_and_figures()
    {
        string folder = Path.Combine(_folder.Path, "report");
        CliRun run = CliRun.Of("demo", "--report", folder);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("wrote " + Path.Combine(folder, "report.html"), run.Stdout, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(folder));
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        int provenance = html.IndexOf("THE DATA ARE SYNTHETIC", StringComparison.Ordinal);
        Assert.True(provenance > 0 && provenance < html.IndexOf("<section>", StringComparison.Ordinal), "the provenance comes before the first section");
        Assert.Equal(DemoSections.All.Length, CountOf(html, "<section>"));
        Assert.Equal(DemoSections.All.Length, CountOf(html, "<table>"));
        Assert.True(CountOf(html, "<svg") >= 4, "the Li‖Li and SS‖SS sections draw their spectra");
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"", html, StringComparison.Ordinal);   // nothing outside the page
        Assert.Contains("R0-p(R1,CPE1)-p(R2,CPE2)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_and_report_together_are_refused()
    {
        CliRun run = CliRun.Of("demo", "--report", _folder.Path, "--export-data", _folder.Path);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("not both", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
