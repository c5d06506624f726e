using Electrochem.Cycling;
using Electrochem.Fitting;
using Electrochem.Plotting.Cycling;

namespace Electrochem.Plotting.Tests;

/// <summary>The cycling figures: capacity and CE against cycle with a fade law, end of life and knee; retention; rate capability; dQ/dV.</summary>
public sealed class CyclingFiguresTests
{
    /// <summary>
    /// 300 cycles of a two-regime fade, Q = 150 − 0.02·N − 0.0005·max(0, N − 200)² mA·h/g (10 mg of active material),
    /// charge-first with CE 99.8 % ± 0.05 %: 80 % of the first cycle is reached near cycle 409, beyond the data.
    /// </summary>
    private static readonly Lazy<CycleTable> Table = new(() => CycleTable.From(Fading(300).Build(), new CycleTableOptions(EfficiencyConvention.ChargeFirst) { ActiveMassGrams = 0.01 }));

    [Fact]
    public void Capacity_and_efficiency_share_the_cycle_axis_with_the_fade_law_end_of_life_and_knee()
    {
        CycleTable table = Table.Value;
        double[] n = [.. table.Cycles.Select(c => (double)c.Cycle)];
        double[] q = [.. table.Cycles.Select(c => c.SpecificDischargeCapacity!.Value)];
        Assert.Equal(150 - 0.02, q[0], 0.01);
        FitResult<CapacityFade> fade = CapacityFade.Fit(FadeModelKind.TwoRegime, n, q);
        Assert.Equal(200, fade["Nk"].Value, 5);
        EndOfLife eol = EndOfLife.FromFit(fade, q[0], "the first cycle");
        Assert.True(eol.IsExtrapolation);
        FitResult<BaconWatts> knee = BaconWatts.Fit(n, q);
        RenderedFigure.Check(
            CyclingFigures.Capacity(table, fade, eol, knee),
            "cycle number", "discharge capacity (mA·h/g)", "coulombic efficiency (%)", "two-regime fade law (dashed: extrapolated)", "end of life at 120.0 mA·h/g: cycle 40", "extrapolated", "two-regime knee N_k: cycle 20", "Bacon–Watts knee: cycle ");
    }

    [Fact]
    public void Without_a_mass_the_capacity_is_drawn_in_milliampere_hours()
    {
        CycleTable table = CycleTable.From(Fading(40).Build(), new CycleTableOptions(EfficiencyConvention.ChargeFirst));
        RenderedFigure.Check(CyclingFigures.Capacity(table), "discharge capacity (mA·h)", "coulombic efficiency");
        double[] n = [.. table.Cycles.Select(c => (double)c.Cycle)];
        double[] q = [.. table.Cycles.Select(c => c.SpecificDischargeCapacity ?? c.DischargeCapacity * 1000)];
        RenderedFigure.Check(CyclingFigures.Capacity(n, q, [], "mA·h", CapacityFade.Fit(FadeModelKind.Linear, n, q)), "capacity (mA·h)", "linear fade law");
    }

    [Fact]
    public void Retention_names_its_reference_and_the_final_value()
    {
        CycleTable table = Table.Value;
        int[] cycles = [.. table.Cycles.Select(c => c.Cycle)];
        double[] q = [.. table.Cycles.Select(c => c.SpecificDischargeCapacity!.Value)];
        CapacityRetention retention = CapacityRetention.Compute(cycles, q, RetentionReference.First);
        RenderedFigure.Check(CyclingFigures.Retention(retention), "capacity retention (%)", "cycle number", "against the first cycle", "% at cycle 300");
    }

    [Fact]
    public void Rate_capability_draws_tians_law_over_the_rates()
    {
        var law = new RateCapability(160, 0.05, 0.6);
        double[] rates = [.. new[] { 0.1, 0.2, 0.5, 1, 2, 5, 10, 20 }.SelectMany(r => Enumerable.Repeat(r, 3))];
        double[] q = [.. rates.Select((r, k) => law.Evaluate(r) * (1 + (0.004 * Math.Sin(k * 2.3))))];
        FitResult<RateCapability> fit = RateCapability.Fit(rates, q);
        Assert.Equal(0.6, fit.Model.Exponent, 0.05);
        RenderedFigure.Check(CyclingFigures.RateCapability(rates, q, "mA·h/g", fit), "C-rate (h⁻¹)", "capacity (mA·h/g)", "Tian et al.'s law", "Q_M = 159.", "τ = ", " s, n = 0.6", "0.1", "0.5", "10");
    }

    [Fact]
    public void Differential_capacity_marks_its_peaks()
    {
        double[] v = [.. Enumerable.Range(0, 1801).Select(k => 3.4 + (k * 0.0005))];
        DifferentialCurve first = DifferentialCapacity.Compute(v, Capacity(v, 3.70, 4.00, 1.0));
        DifferentialCurve later = DifferentialCapacity.Compute(v, Capacity(v, 3.72, 4.02, 0.9));
        Assert.Equal(2, first.Peaks.Length);
        RenderedFigure.Check(CyclingFigures.DifferentialCapacity(first), "V (V)", "dQ/dV (mA·h/V)", "3.70", "4.00", "Savitzky");
        RenderedFigure.Check(CyclingFigures.DifferentialCapacity([("cycle 1", first), ("cycle 100", later)]), "cycle 1", "cycle 100");
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CyclingFigures.Capacity([1.0, 2], [1.0], [], "mA·h"));
        Assert.Throws<ArgumentException>(() => CyclingFigures.Capacity([1.0, 2], [1.0, 2], [99.0], "mA·h"));
        Assert.Throws<ArgumentException>(() => CyclingFigures.Capacity([1.0, 2], [1.0, 2], [], ""));
        Assert.Throws<ArgumentException>(() => CyclingFigures.RateCapability([0.0, 1], [1.0, 2], "mA·h"));
        Assert.Throws<ArgumentException>(() => CyclingFigures.DifferentialCapacity([]));
    }

    /// <summary>The two-regime fade, 4 samples per step: 100 µA, charge Q/0.998 (± 0.05 %), discharge Q.</summary>
    private static Cell Fading(int cycles) => new(cycles, n => 1.5 * (1 - (0.02 * n / 150) - (0.0005 * Math.Pow(Math.Max(0, n - 200), 2) / 150)));

    /// <summary>Two logistic steps of 1.5 mA·h each (× scale) at the given voltages: peaks of dQ/dV there.</summary>
    private static double[] Capacity(double[] v, double first, double second, double scale) =>
        [.. v.Select(x => scale * 1.5e-3 * ((1 / (1 + Math.Exp(-(x - first) / 0.01))) + (1 / (1 + Math.Exp(-(x - second) / 0.015)))))];

    /// <summary>Generated galvanostatic cycling, charge first, with a given discharge capacity per cycle (mA·h).</summary>
    private sealed record Cell(int Cycles, Func<int, double> DischargeMilliampereHours)
    {
        internal CyclerRecording Build()
        {
            const double current = 1e-4;
            var t = new List<double>();
            var i = new List<double>();
            var v = new List<double>();
            var step = new List<double>();
            var cycle = new List<double>();
            var qc = new List<double>();
            var qd = new List<double>();
            double now = 0;
            int stepNumber = 0;
            for (int n = 1; n <= Cycles; n++)
            {
                double discharge = DischargeMilliampereHours(n) * 3.6 / current;
                double charge = discharge / (0.998 + (0.0005 * Math.Sin(n * 1.9)));
                foreach ((double amperes, double seconds) in new[] { (current, charge), (0.0, 600.0), (-current, discharge), (0.0, 600.0) })
                {
                    stepNumber++;
                    for (int k = 0; k <= 4; k++)
                    {
                        double since = seconds * k / 4;
                        t.Add(now + since);
                        i.Add(amperes);
                        v.Add(amperes > 0 ? 3.5 + (0.7 * k / 4) : amperes < 0 ? 4.1 - (0.7 * k / 4) : 3.8);
                        step.Add(stepNumber);
                        cycle.Add(n);
                        qc.Add(amperes > 0 ? amperes * since / 3600 : amperes < 0 ? qc[^1] : qc.Count == 0 ? 0 : qc[^1]);
                        qd.Add(amperes < 0 ? -amperes * since / 3600 : amperes > 0 ? 0 : qd.Count == 0 ? 0 : qd[^1]);
                    }

                    now += seconds;
                }
            }

            RecordingColumn Column(RecordingQuantity quantity, List<double> values) =>
                new(RecordingQuantities.CanonicalName(quantity), quantity, RecordingQuantities.Unit(quantity), values.ToArray(), ColumnOrigin.AsWritten(quantity.ToString(), null));
            return CyclerRecording.Create("generated", "generated", RecordingMetadata.Empty,
            [
                Column(RecordingQuantity.TestTime, t), Column(RecordingQuantity.Current, i), Column(RecordingQuantity.Voltage, v),
                Column(RecordingQuantity.ChargeCapacity, qc), Column(RecordingQuantity.DischargeCapacity, qd),
                Column(RecordingQuantity.StepIndex, step), Column(RecordingQuantity.CycleIndex, cycle),
            ]);
        }
    }
}
