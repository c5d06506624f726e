using System.Text.Json;

namespace Electrochem.Cli.Tests.Commands;

public sealed class CyclingCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Cycling(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "Data", "cycling", folder, name);

    [Fact]
    public void Summary_prints_the_convention_the_numbering_rule_and_a_row_per_cycle()
    {
        CliRun run = CliRun.Of("cycling", "summary", Cycling("cellpy", "20160805_test001_45_cc_01.Channel_Normal_Table.csv"), "--convention", "discharge-first", "--mass", "0.00085283798");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("18 cycles", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("discharge-first (CE = Q_ch / Q_dis)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("the instrument's counter 'Cycle_Index'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("92.611", run.Stdout, StringComparison.Ordinal); // cycle 1, cellpy's anode-mode CE 92.61079 %
        Assert.Contains("no charge, incomplete", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("q_dis (mAh/g)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_writes_json_csv_and_parquet()
    {
        string csv = Path.Combine(_folder.Path, "cycles.csv");
        string parquet = Path.Combine(_folder.Path, "cycles.parquet");
        CliRun run = CliRun.Of("cycling", "summary", Cycling("cellpy", "maccor_001.txt"), "--convention", "Charge-First", "--json", "--csv", csv, "--parquet", parquet);
        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        JsonElement root = document.RootElement;
        Assert.Equal("derived", root.GetProperty("numbering").GetString());
        Assert.Equal(5, root.GetProperty("cycles").GetArrayLength());
        JsonElement first = root.GetProperty("cycles")[0];
        Assert.Equal(JsonValueKind.Null, first.GetProperty("coulombic_efficiency_percent").ValueKind);
        Assert.Equal("NoCharge", first.GetProperty("anomalies")[0].GetString());
        Assert.Equal(6, File.ReadAllLines(csv).Length);
        Assert.True(new FileInfo(parquet).Length > 0);
    }

    [Fact]
    public void Summary_without_a_convention_or_with_a_wrong_one_says_what_is_expected()
    {
        CliRun missing = CliRun.Of("cycling", "summary", Cycling("cellpy", "pec.csv"));
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--convention", missing.Stderr, StringComparison.Ordinal);

        CliRun wrong = CliRun.Of("cycling", "summary", Cycling("cellpy", "pec.csv"), "--convention", "sideways");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("expected one of charge-first, discharge-first", wrong.Stderr, StringComparison.Ordinal);

        CliRun mass = CliRun.Of("cycling", "summary", Cycling("cellpy", "pec.csv"), "--convention", "charge-first", "--mass", "-1");
        Assert.Equal(2, mass.ExitCode);
        Assert.Contains("ActiveMassGrams is -1", mass.Stderr, StringComparison.Ordinal);
    }
}
