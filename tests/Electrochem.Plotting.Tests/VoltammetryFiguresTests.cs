using Electrochem.Plotting.Voltammetry;
using Electrochem.Voltammetry;

namespace Electrochem.Plotting.Tests;

/// <summary>The voltammetry figures: a linear sweep with its onsets; cyclic voltammograms with their peaks.</summary>
public sealed class VoltammetryFiguresTests
{
    [Fact]
    public void A_linear_sweep_marks_the_onset_of_every_criterion()
    {
        // 1 mV/s from 3.0 to 5.1 V on 1 cm²: 0.2 µA + 0.01 µA/V background and an oxidation current 1 nA·exp((E − 4.5 V)/50 mV),
        // which reaches 10 µA/cm² at E = 4.5 + 0.05·ln(10⁴) = 4.96 V.
        double[] e = [.. Enumerable.Range(0, 2101).Select(k => 3.0 + (k * 0.001))];
        double[] i = [.. e.Select(x => 2e-7 + (1e-8 * (x - 3)) + (1e-9 * Math.Exp((x - 4.5) / 0.05)))];
        double[] t = [.. e.Select(x => (x - 3.0) / 0.001)];
        StabilityWindow window = StabilityWindow.Analyse(e, i, t, new StabilityWindowOptions { AreaSquareMetres = 1e-4 });
        Assert.Equal(4.96, window.Threshold.PotentialVolts!.Value, 0.01);
        RenderedFigure.Check(VoltammetryFigures.LinearSweep(window, e, i), "E (V)", "j (µA/cm²)", "anodic sweep", "baseline (first 30 % of the sweep)", "|j| ≥ 10 µA/cm²: 4.9", "tangent", "onset of oxidation, 1.00 mV/s");
    }

    [Fact]
    public void Without_an_area_the_sweep_is_drawn_as_a_current()
    {
        double[] e = [.. Enumerable.Range(0, 2101).Select(k => 3.0 - (k * 0.001))];
        double[] i = [.. e.Select(x => -2e-7 - (1e-9 * Math.Exp((1.5 - x) / 0.05)))];
        StabilityWindow window = StabilityWindow.Analyse(e, i, default, new StabilityWindowOptions { CurrentThreshold = 1e-5, DerivativeThreshold = 1e-4 });
        RenderedFigure.Check(VoltammetryFigures.LinearSweep(window, e, i), "I (µA)", "cathodic sweep", "|I| ≥ ");
    }

    [Fact]
    public void Cyclic_voltammograms_show_their_peaks_above_the_baselines()
    {
        var series = new[] { 0.001, 0.002, 0.005 }.Select(v => (Label: string.Empty, Data: Voltammogram(v))).ToArray();
        CyclicVoltammogram one = CyclicVoltammogram.Analyse(series[0].Data.E, series[0].Data.I, series[0].Data.T);
        Assert.Equal(3.62, one.Anodic!.PotentialVolts, 0.01);
        RenderedFigure.Check(VoltammetryFigures.CyclicVoltammetry(one, series[0].Data.E, series[0].Data.I), "E (V)", "I (µA)", "1.00 mV/s, ΔE_p = 6", "i_pa = ", "|i_pc/i_pa| = ");
        RenderedFigure.Check(
            VoltammetryFigures.CyclicVoltammetry([.. series.Select(s => ($"{s.Data.Rate * 1000:0} mV/s", s.Data.E, s.Data.I, CyclicVoltammogram.Analyse(s.Data.E, s.Data.I, s.Data.T)))]),
            "1 mV/s, ΔE_p", "2 mV/s", "5 mV/s");
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        (double[] e, double[] i, double[] t, _) = Voltammogram(0.001);
        CyclicVoltammogram cv = CyclicVoltammogram.Analyse(e, i, t);
        Assert.Throws<ArgumentException>(() => VoltammetryFigures.CyclicVoltammetry(cv, e.AsSpan(1), i));
        Assert.Throws<ArgumentException>(() => VoltammetryFigures.CyclicVoltammetry([]));
    }

    /// <summary>
    /// Two cycles 3.0 → 4.2 → 3.0 V at a scan rate: a capacitive ±0.5 µA·(v/mV s⁻¹) and Gaussian peaks at 3.62 V (anodic)
    /// and 3.56 V (cathodic, 90 % of the anodic height) of 10 µA·√(v/mV s⁻¹), 30 mV wide.
    /// </summary>
    private static (double[] E, double[] I, double[] T, double Rate) Voltammogram(double rate)
    {
        const double step = 0.002;
        var e = new List<double>();
        var i = new List<double>();
        var t = new List<double>();
        double height = 1e-5 * Math.Sqrt(rate / 0.001);
        double capacitive = 5e-7 * (rate / 0.001);
        for (int cycle = 0; cycle < 2; cycle++)
        {
            for (int k = 0; k < 1200; k++)
            {
                bool forward = k < 600;
                double x = forward ? 3.0 + (k * step) : 4.2 - ((k - 600) * step);
                e.Add(x);
                i.Add(forward
                    ? capacitive + (height * Math.Exp(-Math.Pow((x - 3.62) / 0.03, 2)))
                    : -capacitive - (0.9 * height * Math.Exp(-Math.Pow((x - 3.56) / 0.03, 2))));
                t.Add(((cycle * 1200) + k) * step / rate);
            }
        }

        return ([.. e], [.. i], [.. t], rate);
    }
}
