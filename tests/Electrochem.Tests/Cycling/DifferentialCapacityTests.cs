using Electrochem.Cycling;

namespace Electrochem.Tests.Cycling;

public sealed class DifferentialCapacityTests
{
    // Two two-phase plateaus: Q(V) = Σ Q_k / (1 + exp(−(V − V_k)/w_k)); dQ/dV peaks at V_k with height Q_k/(4 w_k) and area Q_k.
    private static readonly (double Q, double V, double W)[] Plateaus = [(60, 3.45, 0.01), (40, 3.9, 0.015)];

    private static double Capacity(double v) => Plateaus.Sum(p => p.Q / (1 + Math.Exp(-(v - p.V) / p.W)));

    [Theory]
    [InlineData(DifferentiationMethod.SavitzkyGolay)]
    [InlineData(DifferentiationMethod.Gaussian)]
    [InlineData(DifferentiationMethod.Histogram)]
    public void Each_method_finds_the_plateaus_positions_and_capacities(DifferentiationMethod method)
    {
        double[] v = [.. Enumerable.Range(0, 3001).Select(i => 3.2 + (0.0003 * i))];
        double[] q = [.. v.Select(Capacity)];
        DifferentialCurve curve = DifferentialCapacity.Compute(v, q, new DifferentialCapacityOptions { Method = method });
        Assert.Equal(2, curve.Peaks.Length);
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(Plateaus[k].V, curve.Peaks[k].Voltage, 0.004);
            Assert.Equal(Plateaus[k].Q, curve.Peaks[k].Area, 0.08 * Plateaus[k].Q); // valleys cut the tails
        }

        Assert.Equal(60 / (4 * 0.01), curve.Peaks[0].Height, method == DifferentiationMethod.SavitzkyGolay ? 50.0 : 200.0); // smoothing lowers the peak
        Assert.Contains(method == DifferentiationMethod.Histogram ? "histogram" : method == DifferentiationMethod.Gaussian ? "Gaussian" : "Savitzky", curve.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_discharge_gives_negative_peaks_at_the_same_voltages()
    {
        double[] v = [.. Enumerable.Range(0, 3001).Select(i => 4.1 - (0.0003 * i))];
        double qTop = Capacity(4.1);
        double[] q = [.. v.Select(x => qTop - Capacity(x))];
        var random = new Random(1);
        double[] noisy = [.. v.Select(x => x + (0.0003 * (random.NextDouble() - 0.5)))];
        DifferentialCurve curve = DifferentialCapacity.Compute(noisy, q);
        Assert.Equal(2, curve.Peaks.Length);
        Assert.All(curve.Peaks, p => Assert.True(p.Height < 0));
        Assert.Equal(3.45, curve.Peaks[0].Voltage, 0.005);
        Assert.Equal(3.9, curve.Peaks[1].Voltage, 0.005);
    }

    [Fact]
    public void Peaks_are_tracked_from_cycle_to_cycle()
    {
        var curves = new List<DifferentialCurve>();
        for (int cycle = 0; cycle < 5; cycle++)
        {
            double shift = 0.004 * cycle; // polarisation growing
            double[] v = [.. Enumerable.Range(0, 3001).Select(i => 3.2 + (0.0003 * i))];
            curves.Add(DifferentialCapacity.Compute(v, [.. v.Select(x => Capacity(x - shift))]));
        }

        var tracks = DifferentialCapacity.Track(curves, 0.01);
        Assert.Equal(2, tracks.Length);
        Assert.All(tracks, t => Assert.Equal(5, t.Length));
        Assert.Equal(3.45 + 0.016, tracks[0][^1].Peak.Voltage, 0.004);
    }

    [Fact]
    public void Bad_half_cycles_are_refused()
    {
        double[] v = [.. Enumerable.Range(0, 20).Select(i => 3.0 + (0.05 * i))];
        double[] q = [.. Enumerable.Range(0, 20).Select(i => (double)i)];
        q[5] = 1;
        Assert.Contains("never decreases", Assert.Throws<ArgumentException>(() => DifferentialCapacity.Compute(v, q)).Message, StringComparison.Ordinal);
        Assert.Equal("WindowPoints", Assert.Throws<ArgumentOutOfRangeException>(() => DifferentialCapacity.Compute(v, [.. Enumerable.Range(0, 20).Select(i => (double)i)], new DifferentialCapacityOptions { WindowPoints = 4 })).ParamName);
        double[] flat = [.. Enumerable.Repeat(3.0, 20)];
        Assert.Contains("grid steps", Assert.Throws<ArgumentException>(() => DifferentialCapacity.Compute(flat, [.. Enumerable.Range(0, 20).Select(i => (double)i)])).Message, StringComparison.Ordinal);
    }
}

public sealed class DifferentialCapacityFromRecordingTests
{
    [Fact]
    public void A_cycles_charge_from_a_recording_has_the_charge_under_its_curve()
    {
        // The synthetic cell charges 1 A·h while the voltage ramps 3 → 4 V: dQ/dV = 1 A·h/V everywhere.
        var cell = new SyntheticCycling(2, 1.0, 3600, 3600, 60, 5);
        CyclerRecording recording = cell.Build();
        CycleTable table = CycleTable.From(recording, new CycleTableOptions(EfficiencyConvention.ChargeFirst));
        DifferentialCurve curve = DifferentialCapacity.ForCycle(recording, table, 2, charge: true, new DifferentialCapacityOptions { Method = DifferentiationMethod.Histogram, VoltageStep = 0.01 });
        Assert.All(curve.DqDv.Skip(2).SkipLast(2), d => Assert.Equal(1.0, d, 0.02));
        Assert.Throws<ArgumentException>(() => DifferentialCapacity.ForCycle(recording, table, 9, charge: true));
    }
}
