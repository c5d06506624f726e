using Electrochem.Plotting.Transport;
using Electrochem.Transport;

namespace Electrochem.Plotting.Tests;

/// <summary>The Bruce–Vincent figure: I against t with I₀, the fit, the steady-state window, I_ss and t₊.</summary>
public sealed class TransferenceFiguresTests
{
    /// <summary>ΔV = 10 mV, R_b 120 → 130 Ω, R_i 300 → 320 Ω, t₊ = 0.4: I₀ = 23.8 µA, I_ss = 15.5 µA.</summary>
    private static readonly IdealPolarizationCell Cell = new(0.010, 120, 130, 300, 320, 0.4);

    [Fact]
    public void The_trace_shows_both_initial_currents_the_window_the_steady_state_and_t_plus()
    {
        (double[] t, double[] i) = Trace(Cell.Relaxation(900));
        BruceVincentResult result = BruceVincent.Analyze(t, i, 0.010, Cell.Resistances);
        Assert.Equal(0.4, result.AbrahamTransferenceNumber.Value, 0.005); // Bruce–Vincent itself gives t₊·R_b,0/R_b,ss = 0.369
        RenderedFigure.Check(
            TransferenceFigures.Chronoamperometry(result, t, i),
            "t − t₀ (min)", "I (µA)", "measured", "exponential fit, τ = ", "I₀ = 23.8", "(Ohm's law, used)", "(extrapolated)", "I_ss = 15.50", "plateau mean", "steady-state window (", "t₊ = 0.36", "Bruce–Vincent");
    }

    [Fact]
    public void Without_bulk_resistances_the_extrapolated_initial_current_is_the_one_used()
    {
        (double[] t, double[] i) = Trace(Cell.Relaxation(900));
        BruceVincentResult result = BruceVincent.Analyze(t, i, 0.010, PolarizationResistances.InterfacialOnly(300, 320), BruceVincentOptions.Default with { InitialCurrentMethod = InitialCurrentMethod.Extrapolated });
        string svg = RenderedFigure.Check(TransferenceFigures.Chronoamperometry(result, t, i), "(extrapolated, used)");
        Assert.DoesNotContain("Ohm's law", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaired_or_non_finite_data_are_refused()
    {
        (double[] t, double[] i) = Trace(Cell.Relaxation(900));
        BruceVincentResult result = BruceVincent.Analyze(t, i, 0.010, Cell.Resistances);
        Assert.Throws<ArgumentException>(() => TransferenceFigures.Chronoamperometry(result, t.AsSpan(1), i));
        i[3] = double.NaN;
        Assert.Throws<ArgumentException>(() => TransferenceFigures.Chronoamperometry(result, t, i));
    }

    /// <summary>The decay over 4 h every 20 s with a 0.1 % deterministic ripple.</summary>
    private static (double[] T, double[] I) Trace(CurrentRelaxation relaxation)
    {
        double[] t = [.. Enumerable.Range(0, 721).Select(k => k * 20.0)];
        return (t, [.. t.Select((x, k) => relaxation.Evaluate(x) * (1 + (0.001 * Math.Sin(k * 1.7))))]);
    }
}
