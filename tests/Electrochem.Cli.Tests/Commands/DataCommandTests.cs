using System.Text.Json;

namespace Electrochem.Cli.Tests.Commands;

public sealed class DataCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Cycling(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "Data", "cycling", folder, name);

    [Fact]
    public void Show_lists_format_columns_units_origins_and_warnings()
    {
        CliRun run = CliRun.Of("data", "show", Cycling("beep", "FastCharge_000025_CH8.csv"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("Format: Arbin CSV export", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Rows: 248", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Started: 2017-05-13T03:14:03.4715+00:00", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("'Temperature' + 273.15 (unit °C is the format's convention)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("dV/dt ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("does not count cycles", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_reads_an_EC_Lab_binary_file()
    {
        CliRun run = CliRun.Of("data", "show", Cycling("cellpy", "biol.mpr"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("Format: BioLogic EC-Lab binary file (.mpr)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Rows: 23561", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Modulo Bat", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_json_names_every_column_with_its_origin()
    {
        CliRun run = CliRun.Of("data", "show", Cycling("cellpy", "20160805_test001_45_cc_01.Channel_Normal_Table.csv"), "--json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        JsonElement root = document.RootElement;
        Assert.Equal(10_261, root.GetProperty("rows").GetInt32());
        Assert.Equal(18, root.GetProperty("columns").GetArrayLength());
        Assert.Equal(18, root.GetProperty("cycleIndex").GetProperty("max").GetDouble());
        JsonElement current = root.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "current");
        Assert.Equal("A", current.GetProperty("unit").GetString());
        Assert.Equal("Current", current.GetProperty("from").GetProperty("header").GetString());
    }

    [Fact]
    public void Column_options_read_a_file_whose_headers_are_not_recognised()
    {
        string path = _folder.Write("odd.csv", "Zeit;Strom;Spannung\n0;1,5;3,1\n10;1,5;3,2\n");
        CliRun refused = CliRun.Of("data", "show", path);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--voltage-column", refused.Stderr, StringComparison.Ordinal);

        CliRun run = CliRun.Of("data", "show", path, "--test-time-column", "Zeit", "--test-time-unit", "min", "--current-column", "Strom", "--current-unit", "mA", "--voltage-column", "Spannung", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        JsonElement columns = document.RootElement.GetProperty("columns");
        JsonElement time = columns.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "test_time");
        Assert.Equal(600, time.GetProperty("max").GetDouble());
        JsonElement current = columns.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "current");
        Assert.Equal(0.0015, current.GetProperty("max").GetDouble(), 15);
    }

    [Fact]
    public void A_unit_without_its_column_and_a_bad_map_are_one_clear_error_line()
    {
        string path = _folder.Write("ok.csv", "time_s,current_A,voltage_V\n0,1,3\n");
        CliRun run = CliRun.Of("data", "show", path, "--current-unit", "mA");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--current-unit needs --current-column", run.Stderr, StringComparison.Ordinal);
        string map = _folder.Write("map.json", "{\"columns\": {\"amps\": \"I\"}}");
        CliRun badMap = CliRun.Of("data", "show", path, "--map", map);
        Assert.Equal(2, badMap.ExitCode);
        Assert.Contains("unknown quantity 'amps'", badMap.Stderr, StringComparison.Ordinal);
        Assert.Single(badMap.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Convert_writes_every_readable_file_of_a_directory_and_lists_the_rest()
    {
        string input = Path.Combine(_folder.Path, "in");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        File.Copy(Cycling("beep", "FastCharge_000025_CH8.csv"), Path.Combine(input, "arbin.csv"));
        File.Copy(Cycling("cellpy", "maccor_two.txt"), Path.Combine(input, "sub", "maccor.txt"));
        File.WriteAllText(Path.Combine(input, "notes.txt"), "nothing to see\n");
        string output = Path.Combine(_folder.Path, "out");
        CliRun run = CliRun.Of("data", "convert", input, "--to", "parquet", "--out", output, "--json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("1 of 3 files could not be converted", run.Stderr, StringComparison.Ordinal);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, document.RootElement.GetProperty("converted").GetArrayLength());
        JsonElement failed = Assert.Single(document.RootElement.GetProperty("failed").EnumerateArray());
        Assert.EndsWith("notes.txt", failed.GetProperty("file").GetString(), StringComparison.Ordinal);
        Electrochem.Cycling.CyclerRecording back = Electrochem.IO.Cycling.RecordingParquet.Read(Path.Combine(output, "sub", "maccor.txt.parquet"));
        Assert.Equal(213, back.RowCount);
        Assert.Equal("Maccor text export", back.Format);
    }

    [Fact]
    public void Convert_one_file_to_csv_reads_back()
    {
        string output = Path.Combine(_folder.Path, "cell.csv");
        CliRun run = CliRun.Of("data", "convert", Cycling("beep", "FastCharge_000025_CH8.csv"), "--to", "csv", "--out", output);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Converted 1 of 1 file to csv", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(248, Electrochem.IO.Cycling.CyclerFile.Read(output).RowCount);
        Assert.Equal(2, CliRun.Of("data", "convert", Path.Combine(_folder.Path, "missing"), "--to", "csv", "--out", output).ExitCode);
    }
}
