using System.Text.Json;

namespace Electrochem.Cli.Tests.Commands;

/// <summary>The commands that read cycler files read a Neware .ndax archive (cellpy's BTS 8 file, MIT): 252,951 records, one formation charge.</summary>
public sealed class NewareNdaxCommandTests
{
    private static readonly string File = Path.Combine(AppContext.BaseDirectory, "Data", "cycling", "cellpy", "20260302_IFE_BTS85_2_9_8_1.ndax");

    [Fact]
    public void Data_show_reads_an_ndax_file()
    {
        CliRun run = CliRun.Of("data", "show", File, "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(252_951, document.RootElement.GetProperty("rows").GetInt32());
        Assert.Contains("Neware .ndax", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("LNMO-C_Formation_1Ah feb 2026.xml", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycling_summary_gives_the_formation_charge_with_the_format_named_or_detected()
    {
        CliRun detected = CliRun.Of("cycling", "summary", File, "--convention", "charge-first", "--json");
        CliRun named = CliRun.Of("cycling", "summary", File, "--convention", "charge-first", "--format", "neware-ndax", "--json");
        Assert.Equal(0, detected.ExitCode);
        Assert.Equal(detected.Stdout, named.Stdout);
        using JsonDocument document = JsonDocument.Parse(detected.Stdout);
        JsonElement cycle = Assert.Single(document.RootElement.GetProperty("cycles").EnumerateArray());
        Assert.Equal(1.41878, cycle.GetProperty("charge_capacity_Ah").GetDouble(), 4);
    }
}
