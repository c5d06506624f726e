using Electrochem.Cycling;
using Electrochem.Diffusion;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// A real full-cell GITT (Arbin, cellpy's test data, MIT): 93 charge pulses of +0.7246 mA × 180 s and 94 discharge
/// pulses of −0.7241 mA, each followed by a 900 s rest; the last charge pulse stops at 4.2 V after 121 s and the last
/// discharge pulse at 3.0 V. Oracles from cellpy's GITT tutorial (rest-end OCVs, rest-start voltages, capacities).
/// </summary>
public sealed class GittFileTests
{
    private static readonly Lazy<CyclerRecording> FullCell = new(() => CyclingFiles.Read(CyclingFiles.Cellpy("20210210_FC_01_cc_03.Channel_Normal_Table.csv")));

    // Spheres of 5 µm radius: an assumption for the test (the file does not say), so D here is illustrative.
    private static readonly GittOptions WithLength = new() { DiffusionLengthMetres = WeppnerHuggins.LengthFromSphereRadius(5e-6), Geometry = DiffusionGeometry.Spherical };

    [Fact]
    public void Every_pulse_is_found_with_cellpys_voltages_and_capacities()
    {
        GittTitration t = GittAnalysis.Analyse(FullCell.Value, WithLength);
        Assert.Empty(t.Warnings);
        Assert.Equal(187, t.Pulses.Length);
        Assert.Equal(93, t.ChargePulses.Length);
        Assert.Equal(94, t.DischargePulses.Length);
        Assert.True(t.ChargePulses.All(p => p.Index < 93), "the charge pulses come first");

        double[] relaxed = [3.487564, 3.494320, 3.499848, 3.505991, 3.513054];
        double[] restStart = [3.512440, 3.518582, 3.524724, 3.530559, 3.537315];
        double[] milliampereHours = [0.036, 0.072, 0.109, 0.145, 0.181];
        for (int k = 0; k < 5; k++)
        {
            GittPulse p = t.Pulses[k];
            Assert.Equal(relaxed[k], p.RelaxedVoltage!.Value, 1.5e-6); // cellpy's values are rounded to 6 decimals
            Assert.Equal(restStart[k], p.RestStartVoltage!.Value, 1.5e-6);
            Assert.Equal(milliampereHours[k], p.CumulativeChargeAmpereHours * 1000, 0.0006);
        }

        Assert.Equal(3.4755869, t.Pulses[0].InitialVoltage!.Value, 1e-9); // the end of the 6 h opening rest
        Assert.Equal(3.4887927, t.Pulses[0].FirstPulseVoltage, 1e-9);
        Assert.Equal(3.5308661, t.Pulses[0].PulseEndVoltage, 1e-9);
        Assert.Equal(t.Pulses[92].RelaxedVoltage, t.Pulses[93].InitialVoltage);
        foreach (GittPulse p in t.Pulses)
        {
            Assert.Equal(p.Direction == PulseDirection.Charge ? 0.7246e-3 : -0.7241e-3, p.CurrentAmperes, 0.002e-3);
            Assert.Equal(p.Concerns.HasFlag(GittConcerns.CutShort) ? p.DurationSeconds : 180, p.DurationSeconds, 0.05);
            Assert.InRange(p.RestSeconds, 895, 905);
            Assert.InRange(p.FirstSampleDelaySeconds, 0, 0.05);
        }
    }

    [Fact]
    public void The_pulses_cut_short_by_the_voltage_limits_are_flagged()
    {
        GittTitration t = GittAnalysis.Analyse(FullCell.Value, WithLength);
        GittPulse[] cut = [.. t.Pulses.Where(p => p.Concerns.HasFlag(GittConcerns.CutShort))];
        Assert.Equal(2, cut.Length);
        Assert.Equal(92, cut[0].Index);
        Assert.Equal(121.0, cut[0].DurationSeconds, 0.1);
        Assert.Equal(4.2, cut[0].PulseEndVoltage, 0.001);
        Assert.Equal(186, cut[1].Index);
        Assert.Equal(3.0, cut[1].PulseEndVoltage, 0.001);
    }

    [Fact]
    public void D_against_state_of_charge_comes_with_uncertainties_and_the_methods_checks()
    {
        double total = 3.3579e-3; // A·h charged in the titration: state of charge 0 → 1
        GittTitration t = GittAnalysis.Analyse(FullCell.Value, WithLength with { CapacityAmpereHours = total });
        Assert.Equal(1.0, t.ChargePulses[^1].StateOfCharge!.Value, 0.001);
        foreach (GittPulse p in t.Pulses)
        {
            Measurement d = p.DiffusionCoefficient!.Value;
            Assert.InRange(d.Value, 1e-17, 1e-13);
            Assert.True(d.StandardUncertainty > 0 && d.StandardUncertainty < d.Value, $"pulse {p.Index}: {d}");
            Assert.NotNull(p.SquareRootDiffusionCoefficient);
            Assert.InRange(p.OhmicResistanceOhms!.Value, 5, 50); // the switch-on step over 0.72 mA
        }

        // The 900 s rests are not relaxed to 1 mV/h (their ends drift 5–200 mV/h), and the first pulses are not linear in √t:
        // both are said, pulse by pulse, rather than hidden in a D.
        Assert.True(t.Pulses.Count(p => p.Concerns.HasFlag(GittConcerns.UnrelaxedRest)) > 150);
        Assert.True(t.Pulses[0].Concerns.HasFlag(GittConcerns.NonlinearSquareRoot));
        Assert.True(t.Pulses[50].SquareRootFit!.Statistics.RSquared > 0.99);
    }

    [Fact]
    public void Without_step_columns_the_same_pulses_and_voltages_are_found()
    {
        CyclerRecording full = FullCell.Value;
        CyclerRecording bare = CyclerRecording.Create("bare", "test", RecordingMetadata.Empty, [full.TestTime, full.Current, full.Voltage]);
        GittTitration a = GittAnalysis.Analyse(full, WithLength);
        GittTitration b = GittAnalysis.Analyse(bare, WithLength);
        Assert.Equal(a.Pulses.Length, b.Pulses.Length);
        for (int k = 0; k < a.Pulses.Length; k++)
        {
            Assert.Equal(a.Pulses[k].RelaxedVoltage, b.Pulses[k].RelaxedVoltage);
            Assert.Equal(a.Pulses[k].DurationSeconds, b.Pulses[k].DurationSeconds, 0.25); // the rest rows come 0.03–0.2 s after the switch-off
        }
    }

    [Fact]
    public void The_example_in_docs_gitt_md_prints_what_it_says()
    {
        // The snippet of docs/gitt.md, as written there (with the file's path), and the line it shows.
        CyclerRecording r = CyclingFiles.Read(CyclingFiles.Cellpy("20210210_FC_01_cc_03.Channel_Normal_Table.csv"));
        GittTitration t = GittAnalysis.Analyse(r, new GittOptions
        {
            DiffusionLengthMetres = WeppnerHuggins.LengthFromSphereRadius(new Measurement(5e-6, 0.5e-6)),
            Geometry = DiffusionGeometry.Spherical,
            CapacityAmpereHours = 3.3579e-3,
        });
        GittPulse p = t.ChargePulses[0];
        string line = System.FormattableString.Invariant($"{p.StateOfCharge:F3}  E_s {p.RelaxedVoltage:F6} V  D {p.DiffusionCoefficient?.Value * 1e4:E2} cm²/s  {p.Concerns}");
        Assert.Equal("0.011  E_s 3.487564 V  D 2.95E-011 cm²/s  UnrelaxedRest, NonlinearSquareRoot, TimeRatioTooLarge", line);
    }
}
