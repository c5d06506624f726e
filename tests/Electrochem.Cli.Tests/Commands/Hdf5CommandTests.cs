using System.Text.Json;

namespace Electrochem.Cli.Tests.Commands;

/// <summary>The commands that read cycler files read HDF5 files holding pandas frames (beep's Indigo sample, Apache-2.0; cellpy's Arbin SQL export, MIT).</summary>
public sealed class Hdf5CommandTests
{
    private static string Data(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "Data", "cycling", folder, name);

    [Fact]
    public void Data_show_reads_an_Indigo_h5_file()
    {
        CliRun run = CliRun.Of("data", "show", Data("beep", "indigo_test_sample.h5"), "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        JsonElement root = document.RootElement;
        Assert.Equal(20_000, root.GetProperty("rows").GetInt32());
        Assert.Equal(84, root.GetProperty("cycleIndex").GetProperty("max").GetDouble());
        Assert.Contains("HDF5 (pandas frame)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_show_reads_cellpys_Arbin_SQL_export_sorted_by_time_when_asked()
    {
        string path = Data("cellpy", "20200624_test001_cc_01.h5");
        CliRun refused = CliRun.Of("data", "show", path);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("test time goes backwards at row 3", refused.Stderr, StringComparison.Ordinal);

        CliRun run = CliRun.Of("data", "show", path, "--format", "hdf5", "--sort-by-time", "--json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(47, document.RootElement.GetProperty("rows").GetInt32());
    }
}
