namespace Electrochem.Cli.Tests.Commands;

/// <summary>What the tool says is true and reads as a researcher expects: option words in any case, a directory named where a file is expected, format names.</summary>
public sealed class LabelTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy", name);

    [Fact]
    public void Option_words_are_accepted_in_any_case()
    {
        Assert.Equal(0, CliRun.Of("eis", "fit", Example("exampleData.csv"), "--circuit", "R0-p(R1,C1)", "--weight", "Modulus").ExitCode);
        Assert.Equal(0, CliRun.Of("eis", "kk", Example("exampleData.csv"), "--part", "IMAG").ExitCode);
        Assert.Equal(0, CliRun.Of("conductivity", "arrhenius", CliRun.WriteArrheniusFile(_folder.Path, 0.24, 3.6e-4), "--form", "SIGMAT").ExitCode);

        CliRun wrong = CliRun.Of("eis", "fit", Example("exampleData.csv"), "--circuit", "R0-p(R1,C1)", "--weight", "modul");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("'modul' is not a value of --weight; expected one of: modulus, unit, proportional.", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_where_a_file_is_expected_is_said_plainly()
    {
        CliRun run = CliRun.Of("conductivity", "arrhenius", _folder.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"electrochem: {_folder.Path}: is a directory; this command reads one file (the eis and data convert commands take directories)\n", run.Stderr);
    }

    [Fact]
    public void The_Autolab_example_is_named_as_the_ZView_export_it_is()
    {
        CliRun run = CliRun.Of("eis", "show", Example("exampleDataAutolab.txt"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Format: ZView/ZPlot for Windows text (a \"Z60W\" or \"ZPlotW\" data file, as Autolab and other FRA software export it; impedance.py's \"Autolab\")", run.Stdout, StringComparison.Ordinal);
    }
}
