using System.Text.Json;

namespace Electrochem.Cli.Tests.Commands;

public sealed class EisKramersKronigCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy", name);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Text_report_names_M_mu_their_history_and_the_residuals()
    {
        CliRun run = CliRun.Of("eis", "kk", Example("Circuit3_EIS_1.z"), "--cutoff", "0.69", "--max-elements", "100");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Assert.Contains("M = 10 RC elements, μ = 0.6844", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("μ by M: 1: 1.000", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Fitted part: Real", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("M chosen by the μ criterion, μ ≤ c = 0.69", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Verdict: ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_M_is_chosen_automatically_and_the_verdict_is_given()
    {
        CliRun run = CliRun.Of("eis", "kk", Example("Circuit3_EIS_1.z"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("M chosen automatically", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("log₁₀ pseudo-χ² by M: 1: ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Verdict: PASS — the largest residual is", run.Stdout, StringComparison.Ordinal);

        CliRun json = CliRun.Of("eis", "kk", Example("exampleData.csv"), "--json");
        using System.Text.Json.JsonDocument document = System.Text.Json.JsonDocument.Parse(json.Stdout);
        Assert.True(document.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal("Automatic", document.RootElement.GetProperty("selection").GetString());

        CliRun both = CliRun.Of("eis", "kk", Example("exampleData.csv"), "--cutoff", "0.85", "--elements", "5");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("not both", both.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_report_with_a_fixed_element_count_labels_its_single_mu_with_that_M()
    {
        CliRun run = CliRun.Of("eis", "kk", Example("Circuit3_EIS_1.z"), "--elements", "10");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("M fixed at 10", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("μ by M: 10: 0.684\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_report_with_a_fixed_element_count()
    {
        CliRun run = CliRun.Of("eis", "kk", Example("Circuit3_EIS_1.z"), "--elements", "20", "--part", "complex", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(20, root.GetProperty("elementCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("cutoff").ValueKind);
        Assert.Equal("Complex", root.GetProperty("part").GetString());
        Assert.Equal(53, root.GetProperty("points").GetArrayLength());
        Assert.Equal(20, root.GetProperty("resistancesOhm").GetArrayLength());
        Assert.True(root.GetProperty("maximumAbsoluteResidual").GetDouble() < 0.05);
    }

    [Fact]
    public void Bad_files_and_options_fail_cleanly()
    {
        string garbled = Path.Combine(_folder.Path, "garbled.csv");
        File.WriteAllText(garbled, "f,Zre,Zim\n1,2,x\n");
        CliRun bad = CliRun.Of("eis", "kk", garbled);
        Assert.Equal(2, bad.ExitCode);
        Assert.Empty(bad.Stdout);
        Assert.StartsWith("electrochem: ", bad.Stderr, StringComparison.Ordinal);
        Assert.Single(bad.Stderr.TrimEnd().Split('\n'));

        CliRun cutoff = CliRun.Of("eis", "kk", Example("Circuit3_EIS_1.z"), "--cutoff", "1.5");
        Assert.Equal(2, cutoff.ExitCode);
        Assert.Contains("Cutoff", cutoff.Stderr, StringComparison.Ordinal);

        Assert.NotEqual(0, CliRun.Of("eis", "kk", Example("Circuit3_EIS_1.z"), "--part", "sideways").ExitCode);
    }

    [Theory]
    [InlineData("--elements", "100000000", "between 1 and 10000")]
    [InlineData("--max-elements", "2147483647", "between 1 and 10000")]
    [InlineData("--elements", "5000", "points; use at most one element per point")]
    public void Huge_element_counts_are_one_line_errors_not_crashes(string option, string value, string message)
    {
        CliRun run = CliRun.Of("eis", "kk", Example("Circuit3_EIS_1.z"), option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_named_format_gives_that_readers_precise_error()
    {
        CliRun run = CliRun.Of("eis", "show", Example("Circuit3_EIS_1.z"), "--format", "gamry");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("a Gamry .DTA file starts with the line 'EXPLAIN'", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of("eis", "kk", Example("Circuit3_EIS_1.z"), "--format", "zplot").ExitCode);
        Assert.Contains("expected one of", CliRun.Of("eis", "show", Example("Circuit3_EIS_1.z"), "--format", "excel").Stderr, StringComparison.Ordinal);
    }
}
