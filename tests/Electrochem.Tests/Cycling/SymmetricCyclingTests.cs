using Electrochem.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Cycling;

public sealed class SymmetricCyclingTests
{
    private const double Area = 1e-4; // 1 cm²

    /// <summary>
    /// A Li‖Li record: ±I half-cycles of <paramref name="halfHours"/> sampled every <paramref name="step"/> s, V = ±(η + a
    /// nucleation peak of +30 % decaying in 5 min) + noise; from <paramref name="shortAtHours"/> the cell is shorted and V
    /// = I·2 Ω with ±3 mV flicker.
    /// </summary>
    internal static CyclerRecording Cell(double hours, double halfHours, double[] amperes, Func<double, double> eta, double? shortAtHours = null, double step = 10, int seed = 3)
    {
        var random = new Random(seed);
        var t = new List<double>();
        var i = new List<double>();
        var v = new List<double>();
        int halves = (int)Math.Round(hours / halfHours);
        for (int h = 0; h < halves; h++)
        {
            double amps = amperes[Math.Min(amperes.Length - 1, h / 2)] * (h % 2 == 0 ? 1 : -1);
            for (double s = 0; s < halfHours * 3600; s += step)
            {
                double now = (h * halfHours * 3600) + s;
                bool shorted = shortAtHours is { } at && now >= at * 3600;
                double overpotential = shorted
                    ? (2 * Math.Abs(amps)) + (0.003 * ((2 * random.NextDouble()) - 1))
                    : (eta(Math.Abs(amps)) * (1 + (0.3 * Math.Exp(-s / 300)))) + (0.0002 * ((2 * random.NextDouble()) - 1));
                t.Add(now);
                i.Add(amps);
                v.Add(Math.Sign(amps) * overpotential);
            }
        }

        return CyclerRecording.Create("Li‖Li", "test", RecordingMetadata.Empty, [
            new RecordingColumn("t", RecordingQuantity.TestTime, "s", t.ToArray(), ColumnOrigin.AsWritten("t", "s")),
            new RecordingColumn("I", RecordingQuantity.Current, "A", i.ToArray(), ColumnOrigin.AsWritten("I", "A")),
            new RecordingColumn("V", RecordingQuantity.Voltage, "V", v.ToArray(), ColumnOrigin.AsWritten("V", "V"))]);
    }

    [Fact]
    public void A_stable_cell_shows_its_plateau_and_no_short()
    {
        SymmetricCycling c = SymmetricCycling.Analyse(Cell(200, 1, [1e-4], _ => 0.02), new SymmetricCyclingOptions { AreaSquareMetres = Area });
        Assert.Equal(200, c.HalfCycles.Length);
        Assert.Null(c.FirstShort);
        Assert.Equal(0.02, c.MedianPlateauVolts, 2e-4);               // the plateau window (25–75 %) is past the nucleation peak
        Assert.All(c.HalfCycles, h => Assert.InRange(h.PeakVolts, 0.0258, 0.0262)); // +30 % at the start
        Assert.Equal(1.0, c.HalfCycles[5].CurrentDensity!.Value, 1e-12); // 0.1 mA/cm² = 1 A/m²
        Assert.Equal(199e-4, c.HalfCycles[^2].CumulativeCapacityAmpereHours, 1e-12); // I·(next start − start); the last one ends at its last sample
        Assert.Equal(200, c.Hours, 0.01);
    }

    [Fact]
    public void A_short_near_500_hours_is_found_with_its_time_capacity_and_criteria()
    {
        SymmetricCycling c = SymmetricCycling.Analyse(Cell(600, 1, [1e-4], _ => 0.05, shortAtHours: 500), new SymmetricCyclingOptions { AreaSquareMetres = Area });
        ShortCircuit s = Assert.IsType<ShortCircuit>(c.FirstShort);
        Assert.Equal(500, s.HalfCycle);
        Assert.Equal(500, s.Hours, 1e-9);
        Assert.Equal(0.05, s.CumulativeCapacityAmpereHours, 1e-9); // 500 h × 0.1 mA
        Assert.Equal(500, s.CumulativeArealCapacity!.Value, 1e-6);  // A·h/m²: 50 mAh/cm²
        Assert.True(s.Criteria.HasFlag(ShortCriteria.Collapse));
        Assert.True(s.Criteria.HasFlag(ShortCriteria.Noise));
        Assert.Equal(0.05, c.MedianPlateauVolts, 5e-4);
    }

    [Fact]
    public void Each_criterion_can_be_switched_off_and_a_lost_square_wave_is_its_own_signature()
    {
        CyclerRecording shorted = Cell(100, 1, [1e-4], _ => 0.05, shortAtHours: 60);
        SymmetricCycling noiseOnly = SymmetricCycling.Analyse(shorted, new SymmetricCyclingOptions { CollapseFraction = 0, PolarityFraction = 0 });
        Assert.Equal(ShortCriteria.Noise, noiseOnly.FirstShort!.Criteria);
        SymmetricCycling none = SymmetricCycling.Analyse(shorted, new SymmetricCyclingOptions { CollapseFraction = 0, NoiseFactor = 0, PolarityFraction = 0 });
        Assert.Null(none.FirstShort);

        // A voltage stuck at one polarity: every half-cycle after 40 h reads +0.05 V whatever the current.
        CyclerRecording stuck = Cell(60, 1, [1e-4], _ => 0.05);
        double[] v = stuck.Voltage.Values.ToArray();
        ReadOnlySpan<double> t = stuck.TestTime.Values;
        for (int k = 0; k < v.Length; k++)
        {
            v[k] = t[k] >= 40 * 3600 ? Math.Abs(v[k]) : v[k];
        }

        CyclerRecording wrong = CyclerRecording.Create("stuck", "test", RecordingMetadata.Empty, [stuck.TestTime, stuck.Current, new RecordingColumn("V", RecordingQuantity.Voltage, "V", v, ColumnOrigin.AsWritten("V", "V"))]);
        ShortCircuit s = SymmetricCycling.Analyse(wrong).FirstShort!;
        Assert.Equal(41, s.HalfCycle); // the first negative half-cycle after 40 h
        Assert.Equal(ShortCriteria.ShapeLoss, s.Criteria);
    }

    [Fact]
    public void The_critical_current_density_is_the_last_step_completed_before_the_short()
    {
        // 0.1 … 2.0 mA/cm² in 0.1 mA/cm² steps of one cycle (two 1 h half-cycles); η = 0.03 V per mA/cm²; shorted at 1.8.
        double[] steps = [.. Enumerable.Range(1, 20).Select(k => k * 1e-4)];
        CyclerRecording r = Cell(40, 1, steps, amps => 0.03 * amps / 1e-4, shortAtHours: 34); // step 18 (1.8 mA/cm²) starts at 34 h
        CriticalCurrentDensity ccd = CriticalCurrentDensity.From(SymmetricCycling.Analyse(r, new SymmetricCyclingOptions { AreaSquareMetres = Area }));
        Assert.Equal(20, ccd.Steps.Length);
        Assert.Equal(17, ccd.FailedStep!.Index);
        Assert.Equal(17, ccd.CriticalDensity!.Value, 1e-9);          // A/m²: 1.7 mA/cm²
        Assert.Equal(1.7e-3, ccd.CriticalCurrentAmperes!.Value, 1e-12);
        Assert.Equal(17, ccd.Steps[16].ArealCapacity!.Value, 1e-9);  // 1.7 mA·1 h per cm² = 17 A·h/m²
        Assert.False(ccd.SurvivedAll);
        Assert.True(CriticalCurrentDensity.From(SymmetricCycling.Analyse(Cell(40, 1, steps, amps => 0.03 * amps / 1e-4), new SymmetricCyclingOptions { AreaSquareMetres = Area })).SurvivedAll);
    }

    [Property(MaxTest = 40)]
    public Property The_short_is_found_where_it_was_put_and_the_plateau_is_what_was_put_in(byte millivolts, byte at, PositiveInt seed)
    {
        double eta = 0.005 + (millivolts / 255.0 * 0.195);  // 5 … 200 mV
        int shortHalf = 12 + (at % 60);                      // after the ten-half-cycle history
        SymmetricCycling c = SymmetricCycling.Analyse(Cell(80, 1, [1e-4], _ => eta, shortAtHours: shortHalf, step: 60, seed: seed.Get));
        bool ok = c.FirstShort?.HalfCycle == shortHalf && Math.Abs(c.MedianPlateauVolts - eta) < (0.005 * eta) + 0.0002; // the nucleation peak's tail reaches 0.3 % into the window
        return ok.Label($"η {eta}, short at {shortHalf}: found {c.FirstShort?.HalfCycle} ({c.FirstShort?.Criteria}), plateau {c.MedianPlateauVolts}");
    }

    [Fact]
    public void Criteria_out_of_range_are_refused_with_the_option_named()
    {
        CyclerRecording r = Cell(4, 1, [1e-4], _ => 0.02);
        Assert.Equal("HistoryLength", Assert.Throws<ArgumentOutOfRangeException>(() => SymmetricCycling.Analyse(r, new SymmetricCyclingOptions { HistoryLength = 0 })).ParamName);
        Assert.Equal("CollapseFraction", Assert.Throws<ArgumentOutOfRangeException>(() => SymmetricCycling.Analyse(r, new SymmetricCyclingOptions { CollapseFraction = 1.5 })).ParamName);
        Assert.Equal("PlateauStartFraction", Assert.Throws<ArgumentOutOfRangeException>(() => SymmetricCycling.Analyse(r, new SymmetricCyclingOptions { PlateauStartFraction = 0.8, PlateauEndFraction = 0.2 })).ParamName);
        Assert.Equal("AreaSquareMetres", Assert.Throws<ArgumentOutOfRangeException>(() => SymmetricCycling.Analyse(r, new SymmetricCyclingOptions { AreaSquareMetres = -1 })).ParamName);
    }
}
