using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>Maccor text exports from beep (Apache-2.0) and cellpy (MIT); expected values from their tests (see SOURCE.md).</summary>
public sealed class MaccorTextTests
{
    [Theory]
    [InlineData("xTESLADIAG_000019_CH70.070", 11_669, "70")]           // beep: raw frame 11,669 rows, channel_id 70
    [InlineData("PredictionDiagnostics_000151_test.052", 333, "52")]   // beep: shape (333, 44), channel_id 52
    [InlineData("PredictionDiagnostics_000109_tztest.010", 2_165, "10")] // beep: shape (2165, 44), channel_id 10
    [InlineData("PreDiag_000229_000229_truncated.034", 4_061, "34")]
    [InlineData("maccor_test_file_4267-66-6519.041", 74, "41")]
    public void Beep_exports_have_beeps_shapes_and_channels(string name, int rows, string channel)
    {
        string path = CyclingFiles.Beep(name);
        Assert.Equal(CyclerFileFormat.MaccorText, CyclerFile.Detect(path));
        CyclerRecording r = CyclingFiles.Read(path);
        Assert.Equal("Maccor text export", r.Format);
        Assert.Equal(rows, r.RowCount);
        Assert.Equal(channel, r.Metadata.Channel);
        Assert.NotNull(r.StepType);
        Assert.NotNull(r.StepIndex);
        Assert.NotNull(r.StepTime);
    }

    [Fact]
    public void Signed_export_keeps_its_sign_and_capacities_split_by_state()
    {
        // beep: 3.0–4.10 V, ±9.41 A; cycles 0–2. Ours: cycle 1 max single-segment Amp-hr C 3.1911 Ah, D 3.1919 Ah.
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Beep("xTESLADIAG_000019_CH70.070"));
        Assert.InRange(r.Voltage.Values.ToArray().Max(), 4.09, 4.11);
        Assert.InRange(r.Current.Values.ToArray().Min(), -9.42, -9.40);
        Assert.InRange(r.Current.Values.ToArray().Max(), 9.40, 9.42);
        Assert.DoesNotContain("negated", r.Current.Origin.Note ?? string.Empty, StringComparison.Ordinal);   // already signed
        Assert.Equal(3.1911, CyclingFiles.MaxInCycle(r, r.ChargeCapacity!, 1), 4);
        Assert.Equal(3.1919, CyclingFiles.MaxInCycle(r, r.DischargeCapacity!, 1), 4);
        Assert.Equal(new DateTime(2019, 7, 11, 14, 2, 33), r.Metadata.StartTime!.ClockTime);
        Assert.Null(r.Metadata.StartTime.UtcOffset);
        Assert.Equal("xTESLADIAG_000019_CH70.000", r.Metadata.ProcedureName);
        RecordingColumn ampHours = r.GetColumn("Amp-hr");  // the original is kept too
        Assert.Equal(r.RowCount, ampHours.Length);
    }

    [Fact]
    public void Unsigned_export_is_signed_from_the_state_and_its_useless_cycle_counter_reported()
    {
        // cellpy: 6,704 rows, Cyc# = 0 everywhere; ours: max discharge Amp-hr segment 4.544 Ah, max charge 3.369 Ah.
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Cellpy("maccor_001.txt"));
        Assert.Equal(6_704, r.RowCount);
        Assert.Contains("negated on discharge", r.Current.Origin.Note, StringComparison.Ordinal);
        Assert.Contains(r.Warnings, w => w.Contains("'Cyc#' is 0 in every row", StringComparison.Ordinal));
        ReadOnlySpan<double> current = r.Current.Values;
        ReadOnlySpan<int> state = r.StepType!.Codes;
        int discharge = r.StepType.Categories.IndexOf("D");
        int charge = r.StepType.Categories.IndexOf("C");
        for (int i = 0; i < current.Length; i++)
        {
            Assert.True(state[i] != discharge || current[i] <= 0, $"row {i}: discharge current {current[i]} A");
            Assert.True(state[i] != charge || current[i] >= 0, $"row {i}: charge current {current[i]} A");
        }

        Assert.Equal(4.544, r.DischargeCapacity!.Values.ToArray().Max(), 3);
        Assert.Equal(3.369, r.ChargeCapacity!.Values.ToArray().Max(), 3);
        Assert.Equal("1", r.Metadata.Channel);
        Assert.Equal("M50_Validation_0deg_01", r.Metadata.TestName);
        Assert.Equal(16, r.Columns.Count(c => c.Name.StartsWith("Aux #", StringComparison.Ordinal)));
    }

    [Fact]
    public void Key_value_export_with_decimal_commas_reads_and_reports_its_cut_off_last_line()
    {
        // cellpy example "model two": 214 data lines, the last cut off in the middle of a field.
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Cellpy("maccor_two.txt"));
        Assert.Equal(213, r.RowCount);
        Assert.Contains(r.Warnings, w => w.StartsWith("line 229, the last line, has 9 of the 28 fields", StringComparison.Ordinal));
        Assert.Equal("81", r.Metadata.Channel);
        Assert.Equal("Maccor #4", r.Metadata.Instrument);
        Assert.Equal("SIMBA.000", r.Metadata.ProcedureName);
        Assert.Equal(0.1377, r.Voltage.Values[0], 10);
        Assert.Equal(210, r.TestTime.Values[210], 10);   // Rec 211, "210,000000"
        Assert.Contains(r.Metadata.HeaderEntries, e => e.Key == "SCap" && e.Value == "0,017");
    }
}
