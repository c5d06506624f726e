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

    [Fact]
    public void Retention_separates_formation_from_the_series_and_explains_a_reported_value()
    {
        CliRun run = CliRun.Of("cycling", "retention", Cycling("cellpy", "20160805_test001_45_cc_01.Channel_Normal_Table.csv"), "--convention", "discharge-first", "--reference", "median:3", "--reported", "96.79");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Formation", run.Stdout, StringComparison.Ordinal); // three C/20 cycles before the C/10 series
        Assert.Contains("against the median of the first 3 cycles", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("coulombic efficiency over 14 series cycles", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("references that reproduce it: cycle 4", run.Stdout, StringComparison.Ordinal);

        CliRun wrong = CliRun.Of("cycling", "retention", Cycling("cellpy", "20160805_test001_45_cc_01.Channel_Normal_Table.csv"), "--convention", "discharge-first", "--reference", "best");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("expected first, cycle:N, max:N, median:N or mean:N", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Fade_ranks_the_laws_and_states_the_end_of_life_definition()
    {
        CliRun run = CliRun.Of("cycling", "fade", Cycling("cellpy", "20160805_test001_45_cc_01.Channel_Normal_Table.csv"), "--convention", "discharge-first", "--json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(6, document.RootElement.GetProperty("laws").GetArrayLength());
        Assert.Contains("falls to 80 % of the first cycle", document.RootElement.GetProperty("end_of_life_definition").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ica_lists_the_peaks_of_a_half_cycle()
    {
        string curve = Path.Combine(_folder.Path, "ica.csv");
        CliRun run = CliRun.Of("cycling", "ica", Cycling("cellpy", "maccor_001.txt"), "--convention", "charge-first", "--cycle", "2", "--discharge", "--csv", curve);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Savitzky–Golay, 21 points", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("4.01", run.Stdout, StringComparison.Ordinal); // the main discharge peak near 4.01 V
        Assert.StartsWith("voltage (V),dQ/dV (Ah/V)", File.ReadAllText(curve), StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_fits_tians_law_to_the_runs_at_each_rate_and_reports_the_recovery()
    {
        // A generated Arbin-style export: 3 cycles at each of 1, 3, 6, 9, 12 C and back to 1 C, 1 mA·h nominal.
        double[] rates = [1, 3, 6, 9, 12, 1];
        double[] capacity = [0.165, 0.1575, 0.1515, 0.1471, 0.1433, 0.164];
        var text = new System.Text.StringBuilder("Data_Point,Test_Time(s),Step_Time(s),Step_Index,Cycle_Index,Current(A),Voltage(V),Charge_Capacity(Ah),Discharge_Capacity(Ah)\n");
        int point = 0, step = 0, cycle = 0;
        double time = 0;
        for (int block = 0; block < rates.Length; block++)
        {
            for (int k = 0; k < 3; k++)
            {
                cycle++;
                double q = capacity[block] * 1e-3 * 1000; // A·h for a 1 A·h-nominal cell scaled to mA·h
                double current = rates[block] * 1e-3;
                foreach (int sign in new[] { 1, -1 })
                {
                    step++;
                    double duration = q * 1e-3 / current * 3600;
                    for (int r = 0; r <= 4; r++)
                    {
                        double since = duration * r / 4;
                        double passed = current * since / 3600;
                        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{++point},{time + since:R},{since:R},{step},{cycle},{sign * current:R},{(sign > 0 ? 3.4 + (0.8 * r / 4) : 4.2 - (0.8 * r / 4)):R},{(sign > 0 ? passed : q * 1e-3):R},{(sign > 0 ? 0 : passed):R}\n");
                    }

                    time += duration;
                }
            }
        }

        string path = _folder.Write("rates.csv", text.ToString());
        CliRun run = CliRun.Of("cycling", "rate", path, "--convention", "charge-first", "--nominal-capacity", "0.001", "--mass", "0.001");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Tian et al.: Q_M =", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(return)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("capacity on returning to the first rate: 99.39 %", run.Stdout, StringComparison.Ordinal);

        CliRun noNominal = CliRun.Of("cycling", "rate", path, "--convention", "charge-first");
        Assert.Equal(2, noNominal.ExitCode);
        Assert.Contains("--nominal-capacity", noNominal.Stderr, StringComparison.Ordinal);
    }
}
