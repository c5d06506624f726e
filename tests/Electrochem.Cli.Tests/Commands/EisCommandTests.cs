using System.Text.Json;

namespace Electrochem.Cli.Tests.Commands;

public sealed class EisCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy", name);

    private static void AssertOneErrorLine(CliRun run, string expectedStart)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        string[] lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith(expectedStart, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Show_prints_format_metadata_range_ends_and_warnings()
    {
        CliRun run = CliRun.Of("eis", "show", Example("exampleDataGamryABORT.DTA"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("Format: Gamry .DTA (ZCURVE table)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Instrument: REF600P-36072", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Measured: 3/18/2020 16:54:44", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("AC amplitude: 2.50000E+001 (VAC: AC Voltage (mV rms), line 13)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Points: 72 (lines 100–171)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Frequency range: 0.0158898 – 2.00016e5 Hz", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("first  100   2.00016e5  825.858  -1367.24", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("last   171   0.0158898  17007.5  -6635.56", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Dropped rows: 0", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("EXPERIMENTABORTED on line 172", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_and_kk_read_an_EC_Lab_binary_file()
    {
        CliRun show = CliRun.Of("eis", "show", Example("exampleDataBioLogic.mpr"));
        Assert.Equal(0, show.ExitCode);
        Assert.Equal(string.Empty, show.Stderr);
        Assert.Contains("Format: BioLogic EC-Lab binary (.mpr)", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("Measured: 02/04/2018 10:02:46.000", show.Stdout, StringComparison.Ordinal);
        CliRun kk = CliRun.Of("eis", "kk", Example("exampleDataBioLogic.mpr"));
        Assert.Equal(string.Empty, kk.Stderr);
        Assert.Contains("43", kk.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_summarises_dropped_rows_with_their_lines_and_reason()
    {
        CliRun run = CliRun.Of("eis", "show", Example("exampleDataParstat.txt"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Dropped rows: 781", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("lines 2, 3, 4, 5, 6, … (781 in all): frequency is 0", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_json_is_one_document_with_every_point()
    {
        CliRun run = CliRun.Of("eis", "show", Example("exampleDataBioLogic.mpt"), "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        JsonElement root = document.RootElement;
        Assert.Equal("BioLogic", root.GetProperty("format").GetString());
        Assert.Equal(43, root.GetProperty("pointCount").GetInt32());
        JsonElement points = root.GetProperty("points");
        Assert.Equal(43, points.GetArrayLength());
        Assert.Equal(1000.3201, points[0].GetProperty("frequencyHertz").GetDouble());
        Assert.Equal(-0.38998979, points[0].GetProperty("imaginaryOhm").GetDouble());
        Assert.Equal(62, points[0].GetProperty("line").GetInt32());
        Assert.Equal("-Im(Z)/Ohm", root.GetProperty("columns").GetProperty("imaginary").GetString());
        Assert.Equal("Va (mV)", root.GetProperty("acAmplitude").GetProperty("name").GetString());
        Assert.Equal(0, root.GetProperty("droppedRows").GetArrayLength());
        Assert.True(root.GetProperty("settings").GetArrayLength() > 20);
    }

    [Fact]
    public void A_file_without_a_frequency_column_is_one_error_line_and_exit_2()
    {
        string path = Example("exampleDataBioLogic_MissingFreq.mpt");
        AssertOneErrorLine(CliRun.Of("eis", "show", path), $"electrochem: {path}:61: no frequency column");
    }

    [Fact]
    public void Unknown_content_and_missing_files_are_errors()
    {
        string notes = _folder.Write("notes.txt", "just notes\n");
        AssertOneErrorLine(CliRun.Of("eis", "show", notes), $"electrochem: {notes}:1: not an impedance file format");
        string missing = Path.Combine(_folder.Path, "absent.DTA");
        AssertOneErrorLine(CliRun.Of("eis", "show", missing), $"electrochem: {missing}: no such file");
    }

    [Fact]
    public void Missing_argument_is_a_usage_error()
    {
        CliRun run = CliRun.Of("eis", "show");
        Assert.Equal(1, run.ExitCode);
        Assert.NotEqual(string.Empty, run.Stderr);
    }
}
