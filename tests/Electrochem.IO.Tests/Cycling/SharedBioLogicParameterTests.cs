using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// The oracle of the technique parameters of the <c>.mpr</c> reader: for every EC-Lab binary file of dgbowl/yadg
/// (GPL-3.0-or-later, read in place from ../shared and never copied) whose paired export prints its parameter rows,
/// every row (<c>Technique.Ei (V)</c>, <c>Technique.vs.</c>, <c>Technique.I Range</c>, <c>Technique[Ns 1].Is</c> per sequence for GCPL) read from the binary settings
/// module has the export's name and value (numbers within rtol 1e-6 or the export's last printed digit), and the
/// <c>.mpt</c> reader gives the same entries. The expected rows are parsed here from the export's fixed-width columns,
/// not by the readers' code. Skips, saying why, when the folder is absent.
/// </summary>
[Trait("Category", "SharedData")]
public sealed partial class SharedBioLogicParameterTests
{
    public static TheoryData<string, string> Decoded => new()
    {
        { "ca.issue_149.mpr", "ca.issue_149.mpt" },
        { "cp.issue_149.mpr", "cp.issue_149.mpt" },
        { "gcpl.issue_149.mpr", "gcpl.issue_149.mpt" },
        { "gcpl.issue_211.mpr", "gcpl.issue_211.mpt" },
        { "gcpl.issue_226.CxN.mpr", "gcpl.issue_226.CxN.mpt" },
        { "gcpl.issue_226.I.mpr", "gcpl.issue_226.I.mpt" },
        { "geis.issue_149.mpr", "geis.issue_149.mpt" },
        { "mb.issue_149.mpr", "mb.issue_149.mpt" },
        { "mb.issue_95.mpr", "mb.issue_95.mpt" },
        { "mb.issue_95.mpr", "mb.issue_95.de.mpt" },
        { "ocv.issue_149.mpr", "ocv.issue_149.mpt" },
        { "peis.issue_149.mpr", "peis.issue_149.mpt" },
        { "peis.mpr", "peis.mpt" },
        { "zir.mpr", "zir.mpt" },
    };

    [Theory]
    [MemberData(nameof(Decoded))]
    public void Every_parameter_row_of_the_export_is_read_from_the_binary_file(string mpr, string mpt) =>
        AssertParametersOfExport(SharedYadgFiles.Path(mpr), SharedYadgFiles.Path(mpt));

    /// <summary>impedance.py's EC-Lab 11.18 PEIS pair (in the repository's test data): <c>vs. Ref</c> and <c>unit ff mHz</c>.</summary>
    [Fact]
    public void The_parameters_of_the_EC_Lab_11_18_PEIS_pair_are_those_of_its_export()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy");
        AssertParametersOfExport(Path.Combine(folder, "exampleDataBioLogic.mpr"), Path.Combine(folder, "exampleDataBioLogic.mpt"));
        CyclerRecording r = CyclerFile.Read(Path.Combine(folder, "exampleDataBioLogic.mpr"));
        Assert.Equal("Ref", Entry(r, "Technique.vs."));
        Assert.Equal("mHz", Entry(r, "Technique.unit ff"));
        Assert.Equal("Auto", Entry(r, "Technique.I Range"));
    }

    private static void AssertParametersOfExport(string mprPath, string mptPath)
    {
        string mpr = Path.GetFileName(mprPath);
        string mpt = Path.GetFileName(mptPath);
        CyclerRecording binary = CyclerFile.Read(mprPath);
        CyclerRecording text = CyclerFile.Read(mptPath);
        List<(string Key, string Printed)> rows = ExportRows(mptPath);
        Assert.True(rows.Count >= 7, $"{mpt}: only {rows.Count} parameter rows found");
        foreach ((string key, string printed) in rows)
        {
            string? read = Entry(binary, key);
            Assert.True(read is not null, $"{mpr}: no entry '{key}' (the export prints '{printed}')");
            AssertSameValue(printed, read, $"{mpr} '{key}'");
            Assert.Equal(BioLogicParameterText.Normalize(printed), Entry(text, key));
            AssertSameValue(printed, Entry(text, key)!, $"{mpt} '{key}'");
        }

        Assert.DoesNotContain(binary.Warnings, w => w.Contains("technique parameter", StringComparison.Ordinal));
        Assert.Null(Entry(binary, "Technique parameters"));
    }

    [Theory]
    [InlineData("ca.issue_149.mpr", "Technique.vs.", "Emeas", "Technique.I Range", "Auto")]
    [InlineData("cp.issue_149.mpr", "Technique.vs.", "<None>", "Technique.I Range", "100 µA")]
    [InlineData("ocv.issue_149.mpr", "Technique.record", "<Ewe>", "Technique.E range max (V)", "4.5")]
    [InlineData("geis.issue_149.mpr", "Technique.vs.", "<None>", "Technique.I Range", "100 µA")]
    [InlineData("peis.issue_149.mpr", "Technique.vs.", "Eoc", "Technique.I Range", "Auto")]
    [InlineData("peis.mpr", "Technique.vs.", "Emeas", "Technique.I Range", "1 A")]
    [InlineData("zir.mpr", "Technique.vs.", "Eoc", "Technique.I Range", "Auto")]
    [InlineData("gcpl.issue_149.mpr", "Technique[Ns 1].vs.", "<None>", "Technique[Ns 1].I Range", "100 µA")]
    [InlineData("gcpl.issue_211.mpr", "Technique[Ns 2].Set I/C", "C / N", "Technique[Ns 2].I Range", "100 µA")]
    [InlineData("mb.issue_149.mpr", "Technique[Ns 1].ctrl1_val_vs", "<None>", "Technique[Ns 0].I Range", "10 mA")]
    [InlineData("mb.issue_149.mpr", "Technique[Ns 2].ctrl_type", "PEIS", "Technique[Ns 2].I Range", "Auto")]
    [InlineData("mb.issue_95.mpr", "Technique[Ns 2].ctrl1_val_vs", "<None>", "Technique[Ns 1].I Range", "100 mA")]
    public void Vs_and_I_Range_read_as_the_export_prints_them(string mpr, string key1, string value1, string key2, string value2)
    {
        CyclerRecording r = CyclerFile.Read(SharedYadgFiles.Path(mpr));
        Assert.Equal(value1, Entry(r, key1));
        Assert.Equal(value2, Entry(r, key2));
    }

    [Fact]
    public void Each_sequence_of_a_GCPL_file_has_its_own_values()
    {
        CyclerRecording r = CyclerFile.Read(SharedYadgFiles.Path("gcpl.issue_211.mpr"));
        Assert.Equal(["I", "C x N", "C / N"], Enumerable.Range(0, 3).Select(ns => Entry(r, $"Technique[Ns {ns}].Set I/C")));
        Assert.Equal(["0", "137", "-137"], Enumerable.Range(0, 3).Select(ns => Entry(r, $"Technique[Ns {ns}].Is")));
        Assert.Equal(["0:00:0.0000", "1:10:0.0000", "1:10:0.0000"], Enumerable.Range(0, 3).Select(ns => Entry(r, $"Technique[Ns {ns}].t1 (h:m:s)")));
        Assert.Equal(["pass", "pass", "pass"], Enumerable.Range(0, 3).Select(ns => Entry(r, $"Technique[Ns {ns}].EL (V)")));
        Assert.Equal(["0", "0", "4"], Enumerable.Range(0, 3).Select(ns => Entry(r, $"Technique[Ns {ns}].nc cycles")));
        Assert.Null(Entry(r, "Technique.Is"));
    }

    [Fact]
    public void A_Modulo_Bat_sequence_prints_the_controls_of_its_control_type_only()
    {
        CyclerRecording r = CyclerFile.Read(SharedYadgFiles.Path("mb.issue_149.mpr"));
        Assert.Equal(["Rest", "CC", "PEIS", "Loop"], Enumerable.Range(0, 4).Select(ns => Entry(r, $"Technique[Ns {ns}].ctrl_type")));
        Assert.Null(Entry(r, "Technique[Ns 0].ctrl1_val"));       // Rest: no control
        Assert.Equal("100", Entry(r, "Technique[Ns 1].ctrl1_val")); // CC: 100 µA
        Assert.Equal("µA", Entry(r, "Technique[Ns 1].ctrl1_val_unit"));
        Assert.Equal(["10", "mV", "10", "kHz", "100", "Hz"], ((string[])["ctrl1_val", "ctrl1_val_unit", "ctrl2_val", "ctrl2_val_unit", "ctrl3_val", "ctrl3_val_unit"]).Select(k => Entry(r, $"Technique[Ns 2].{k}")));
        Assert.Null(Entry(r, "Technique[Ns 2].ctrl1_val_vs"));    // PEIS: no vs.
        Assert.Null(Entry(r, "Technique[Ns 3].ctrl1_val_unit"));  // Loop: a value only
        Assert.Equal("0", Entry(r, "Technique[Ns 3].lim_nb"));
        Assert.Equal("Time", Entry(r, "Technique[Ns 3].lim1_type")); // printed for every sequence, as the most any has
        Assert.Null(Entry(r, "Technique[Ns 0].lim2_type"));
    }

    [Theory]
    [InlineData("gcpl.pr_182.1.mpr", "layout version 9, 3 sequences")]
    public void A_layout_not_derived_is_noted_and_warned_about_not_guessed(string mpr, string block) =>
        AssertNotDecoded(SharedYadgFiles.Path(mpr), block);

    /// <summary>cellpy's biol.mpr (EC-Lab 11.10, in the repository's test data): Modulo Bat of layout 4, no paired export.</summary>
    [Fact]
    public void An_older_Modulo_Bat_layout_is_noted_not_guessed() =>
        AssertNotDecoded(Path.Combine(AppContext.BaseDirectory, "Data", "cycling", "cellpy", "biol.mpr"), "layout version 4, 12 sequences");

    private static void AssertNotDecoded(string path, string block)
    {
        CyclerRecording r = CyclerFile.Read(path);
        Assert.StartsWith("not decoded: " + block, Entry(r, "Technique parameters"), StringComparison.Ordinal);
        Assert.Contains(r.Warnings, w => w.Contains("are not decoded by this reader", StringComparison.Ordinal));
        Assert.DoesNotContain(r.Metadata.HeaderEntries, e => e.Key.StartsWith("Technique.", StringComparison.Ordinal) || e.Key.StartsWith("Technique[", StringComparison.Ordinal));
    }

    /// <summary>The export's parameter rows: after "Cycle Definition", a 20-character name column and 20-character value columns.</summary>
    private static List<(string Key, string Printed)> ExportRows(string path)
    {
        string[] lines = File.ReadAllLines(path, CodePagesEncodingProvider.Instance.GetEncoding(1252)!);
        int count = int.Parse(HeaderCount().Match(lines[1]).Groups[1].Value, CultureInfo.InvariantCulture);
        int start = Array.FindLastIndex(lines, count - 1, l => l.StartsWith("Cycle Definition", StringComparison.Ordinal)) + 1;
        var rows = new List<(string, string)>();
        string[]? sequences = null;
        for (int i = start; i < count - 1 && lines[i].Trim().Length > 0; i++)
        {
            string name = lines[i][..20].Trim();
            string[] values = [.. lines[i][20..].Chunk(20).Select(c => new string(c).Trim())];
            if (name == "Ns")
            {
                sequences = values;
                continue;
            }

            for (int c = 0; c < values.Length; c++)
            {
                if (values[c].Length > 0)
                {
                    rows.Add((sequences is null ? $"Technique.{name}" : $"Technique[Ns {sequences[c]}].{name}", values[c]));
                }
            }
        }

        return rows;
    }

    /// <summary>Equal text, or equal numbers (within rtol 1e-6 or half the export's last digit), or equal durations.</summary>
    private static void AssertSameValue(string printed, string read, string what)
    {
        string p = printed.Replace(',', '.');
        if (Duration().Match(p) is { Success: true } d)
        {
            Match r = Duration().Match(read);
            Assert.True(r.Success, $"{what}: '{read}' is not a duration like '{printed}'");
            Assert.Equal(Seconds(d), Seconds(r), 4);
            return;
        }

        if (double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double expected))
        {
            Assert.True(double.TryParse(read, NumberStyles.Float, CultureInfo.InvariantCulture, out double actual), $"{what}: '{read}' is not the number '{printed}'");
            int decimals = p.Contains('.', StringComparison.Ordinal) ? p.Length - p.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
            double tolerance = Math.Max(1e-6 * Math.Abs(expected), 0.5 * Math.Pow(10, -decimals) * 1.0001);
            Assert.True(Math.Abs(actual - expected) <= tolerance, $"{what}: {read} where the export prints {printed}");
            return;
        }

        Assert.Equal(printed, read);
    }

    private static double Seconds(Match m) =>
        (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 3600.0) + (int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * 60.0)
        + double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);

    private static string? Entry(CyclerRecording r, string key) =>
        r.Metadata.HeaderEntries.FirstOrDefault(e => e.Key == key).Value is { Length: > 0 } v ? v : null;

    [GeneratedRegex(@"^Nb header lines\s*:\s*(\d+)")]
    private static partial Regex HeaderCount();

    [GeneratedRegex(@"^(\d+):(\d+):(\d+(?:\.\d+)?)$")]
    private static partial Regex Duration();
}
