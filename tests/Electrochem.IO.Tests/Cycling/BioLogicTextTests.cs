using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>BioLogic BT-Lab text export from beep (Apache-2.0); values asserted by beep's tests (see SOURCE.md).</summary>
public sealed class BioLogicTextTests
{
    [Fact]
    public void BT_Lab_export_reproduces_beeps_first_cycle_capacities()
    {
        string path = CyclingFiles.Beep("test_loopsnewoutput_MB_CE1_short10k.csv");
        Assert.Equal(CyclerFileFormat.BioLogicText, CyclerFile.Detect(path));
        CyclerRecording r = CyclingFiles.Read(path);
        Assert.Equal(9_999, r.RowCount);

        // beep: raw test_time max 102040.77 s (absolute times, counted from the first row), start 05/05/2021 15:36:22.757 local.
        Assert.Equal(102_040.77, r.TestTime.Values[^1], 2);
        Assert.Equal(new DateTime(2021, 5, 5, 15, 36, 22, 757), r.Metadata.StartTime!.ClockTime);
        Assert.Null(r.Metadata.StartTime.UtcOffset);
        Assert.Equal("Ecell/V", r.Voltage.Origin.Header);
        Assert.Equal(1e-3, r.Current.Origin.Scale);

        // beep: summary charge_capacity[0] = 1.4618750 Ah, discharge_capacity[0] = 2.324598 Ah, from beep's cycle_index.
        // The instrument's "cycle number" is the recording's cycle_index; beep's own added column is kept as "cycle_index (2)".
        Assert.Equal("cycle number", r.CycleIndex!.Origin.Header);
        ReadOnlySpan<double> cycle = r.GetColumn("cycle_index (2)").Values;
        ReadOnlySpan<double> charge = r.ChargeCapacity!.Values;
        ReadOnlySpan<double> discharge = r.DischargeCapacity!.Values;
        double maxCharge = 0;
        double maxDischarge = 0;
        for (int i = 0; i < cycle.Length; i++)
        {
            if (cycle[i] == 1)
            {
                maxCharge = Math.Max(maxCharge, charge[i]);
                maxDischarge = Math.Max(maxDischarge, discharge[i]);
            }
        }

        Assert.Equal(1.4618750, maxCharge, 6);
        Assert.Equal(2.324598, maxDischarge, 6);
    }
}
