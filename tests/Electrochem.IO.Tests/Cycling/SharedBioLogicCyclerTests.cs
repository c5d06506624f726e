using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// EC-Lab .mpt exports of every technique from dgbowl/yadg (GPL-3.0-or-later), read in place from ../shared next to
/// the repository and never copied into it. When the folder is absent these tests skip, saying why.
/// </summary>
[Trait("Category", "SharedData")]
public sealed class SharedBioLogicCyclerTests
{

    [Theory]
    [InlineData("gcpl.issue_149.mpt", 132, "Galvanostatic Cycling with Potential Limitation")]
    [InlineData("gcpl.issue_211.mpt", 2_767, "Galvanostatic Cycling with Potential Limitation")]
    [InlineData("gcpl.pr_182.1.mpt", 2_533, null)]
    [InlineData("gcpl.issue_226.I.mpt", 15, "Galvanostatic Cycling with Potential Limitation")]
    [InlineData("mb.issue_149.mpt", 564, "Modulo Bat")]
    [InlineData("mb.issue_95.mpt", 33, "Modulo Bat")]
    [InlineData("ca.issue_149.mpt", 80, "Chronoamperometry / Chronocoulometry")]
    [InlineData("cp.issue_149.mpt", 44, "Chronopotentiometry")]
    [InlineData("ocv.issue_149.mpt", 43, "Open Circuit Voltage")]
    [InlineData("peis.issue_149.mpt", 84, "Potentio Electrochemical Impedance Spectroscopy")]
    [InlineData("geis.issue_149.mpt", 84, "Galvano Electrochemical Impedance Spectroscopy")]
    [InlineData("peis.mpt", 32, "Potentio Electrochemical Impedance Spectroscopy")]
    [InlineData("zir.mpt", 1, "IR compensation (PEIS)")]
    public void Every_technique_reads_with_its_row_count(string name, int rows, string? technique)
    {
        CyclerRecording r = Read(name);
        Assert.Equal(rows, r.RowCount);
        Assert.Equal(technique, r.Metadata.Technique);
        Assert.Equal("BioLogic EC-Lab/BT-Lab text export", r.Format);
    }

    [Fact]
    public void English_and_German_exports_of_one_run_are_identical()
    {
        CyclerRecording en = Read("mb.issue_95.mpt");
        CyclerRecording de = Read("mb.issue_95.de.mpt");
        Assert.Equal(en.Columns.Select(c => c.Name), de.Columns.Select(c => c.Name));
        for (int c = 0; c < en.Columns.Length; c++)
        {
            Assert.True(en.Columns[c].Values.SequenceEqual(de.Columns[c].Values), $"column {en.Columns[c].Name} differs");
        }

        Assert.Equal(en.TextColumns.Select(c => c.Name), de.TextColumns.Select(c => c.Name));
        Assert.Equal(1.3, en.Metadata.NominalCapacityAmpereHours!.Value, 12);   // "Battery capacity : 1.300 A.h"
        Assert.Equal(en.Metadata.NominalCapacityAmpereHours, de.Metadata.NominalCapacityAmpereHours);
    }

    [Fact]
    public void GCPL_per_cycle_maxima_match_the_listed_values()
    {
        // SOURCE.md: per-cycle max Q charge / Q discharge (mAh) of gcpl.issue_211.
        double[][] expected = [[0.057506, 0.053389], [0.0538271, 0.0538619], [0.0539703, 0.0539601], [0.0540465, 0.0540412], [0.0541236, 0.0540826]];
        CyclerRecording r = Read("gcpl.issue_211.mpt");
        double[] cycles = [.. r.CycleIndex!.Values.ToArray().Distinct().Order()];
        Assert.Equal(5, cycles.Length);
        for (int k = 0; k < 5; k++)
        {
            Assert.Equal(expected[k][0], CyclingFiles.MaxInCycle(r, r.ChargeCapacity!, cycles[k]) * 1000, 6);
            Assert.Equal(expected[k][1], CyclingFiles.MaxInCycle(r, r.DischargeCapacity!, cycles[k]) * 1000, 6);
        }

        Assert.Equal(0.79e-3, r.Metadata.ActiveMassGrams!.Value, 12);
    }

    [Fact]
    public void Settings_give_mass_capacity_and_an_OCV_record_a_zero_current_it_explains()
    {
        CyclerRecording gcpl = Read("gcpl.issue_226.I.mpt");
        Assert.Equal(1.390e-3, gcpl.Metadata.ActiveMassGrams!.Value, 12);                 // 1.390 mg
        Assert.Equal(120e-6, gcpl.Metadata.NominalCapacityAmpereHours!.Value, 15);         // 120 µA.h
        Assert.StartsWith("VMP3", gcpl.Metadata.Instrument, StringComparison.Ordinal);
        CyclerRecording ocv = Read("ocv.issue_149.mpt");
        Assert.All(ocv.Current.Values.ToArray(), i => Assert.Equal(0, i));
        Assert.Contains("no current flows", ocv.Current.Origin.Note, StringComparison.Ordinal);
        Assert.Contains(ocv.Warnings, w => w.Contains("OCV record", StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_count_that_lies_is_an_error_on_line_2()
    {
        string text = File.ReadAllText(SharedFile("gcpl.issue_226.I.mpt"), System.Text.Encoding.Latin1).Replace("Nb header lines : 77", "Nb header lines : 9999", StringComparison.Ordinal);
        using TempFile file = TempFile.WithBytes(System.Text.Encoding.Latin1.GetBytes(text), "lie.mpt");
        DataFileResult<CyclerRecording> r = CyclerFile.TryRead(file.Path);
        Assert.Equal(2, r.Error!.LineNumber);
        Assert.Contains("9999 header lines", r.Error.Problem, StringComparison.Ordinal);
    }

    private static CyclerRecording Read(string name) => CyclingFiles.Read(SharedFile(name));

    private static string SharedFile(string name) => SharedYadgFiles.Path(name);
}
