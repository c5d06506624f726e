using System.Text.Json;

namespace Electrochem.Cli.Tests.Commands;

/// <summary>The commands that read cycler files read an Arbin .res database (cellpy's two files, MIT) like its exported table.</summary>
public sealed class ArbinResCommandTests
{
    private static string Cellpy(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "cycling", "cellpy", name);

    [Fact]
    public void Data_show_reads_a_res_file()
    {
        CliRun run = CliRun.Of("data", "show", Cellpy("20160805_test001_45_cc_01.res"), "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        JsonElement root = document.RootElement;
        Assert.Equal(10_261, root.GetProperty("rows").GetInt32());
        Assert.Equal(18, root.GetProperty("cycleIndex").GetProperty("max").GetDouble());
        Assert.Contains("Arbin .res", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("20160805_sic006_45_cc_01", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycling_summary_of_the_res_matches_the_summary_of_its_export()
    {
        CliRun res = CliRun.Of("cycling", "summary", Cellpy("20160805_test001_45_cc_01.res"), "--convention", "discharge-first", "--json");
        CliRun csv = CliRun.Of("cycling", "summary", Cellpy("20160805_test001_45_cc_01.Channel_Normal_Table.csv"), "--convention", "discharge-first", "--mass", "0.00085283798", "--json");
        Assert.Equal(0, res.ExitCode);
        Assert.Equal(0, csv.ExitCode);
        using JsonDocument a = JsonDocument.Parse(res.Stdout);
        using JsonDocument b = JsonDocument.Parse(csv.Stdout);
        JsonElement[] fromRes = [.. a.RootElement.GetProperty("cycles").EnumerateArray()];
        JsonElement[] fromCsv = [.. b.RootElement.GetProperty("cycles").EnumerateArray()];
        Assert.Equal(18, fromRes.Length);
        Assert.Equal(fromCsv.Length, fromRes.Length);
        for (int i = 0; i < fromRes.Length; i++)
        {
            foreach (JsonProperty p in fromCsv[i].EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
            {
                double expected = p.Value.GetDouble();
                double actual = fromRes[i].GetProperty(p.Name).GetDouble();
                Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"cycle {i + 1} {p.Name}: {actual} vs {expected}");
            }
        }
    }

    [Fact]
    public void Gitt_of_the_full_cell_res_prints_what_it_prints_for_the_export()
    {
        CliRun res = CliRun.Of("gitt", Cellpy("20210210_FC_01_cc_03.res"), "--radius", "5um", "--capacity", "0.0033579");
        CliRun csv = CliRun.Of("gitt", Cellpy("20210210_FC_01_cc_03.Channel_Normal_Table.csv"), "--radius", "5um", "--capacity", "0.0033579");
        Assert.Equal(0, res.ExitCode);
        Assert.Contains("187 pulses (93 charge, 94 discharge)", res.Stdout, StringComparison.Ordinal);
        Assert.Equal(csv.Stdout[csv.Stdout.IndexOf('\n', StringComparison.Ordinal)..], res.Stdout[res.Stdout.IndexOf('\n', StringComparison.Ordinal)..]);   // all but the file name
    }
}
