using Electrochem.Fitting;
using Electrochem.Kinetics;
using Electrochem.Plotting.Kinetics;

namespace Electrochem.Plotting.Tests;

/// <summary>The kinetics figures: the Tafel plot with regions, lines and i₀; whole-curve fits; the low-field line.</summary>
public sealed class KineticsFiguresTests
{
    private const double Kelvin = 298.15;

    [Fact]
    public void The_tafel_plot_shades_both_regions_and_marks_the_exchange_current_at_zero()
    {
        (double[] eta, double[] i) = Electrode(new ButlerVolmer(1e-3, 0.5, 0.5, 1, Kelvin), -0.3, 0.3);
        TafelResult result = TafelAnalysis.AnalyzeElectrode(eta, i, 1, Kelvin);
        Assert.Equal(1e-3, result.CombinedExchangeCurrentDensity.Value, 2e-4);
        RenderedFigure.Check(KineticsFigures.Tafel(result, eta, i, "mA/cm²"), "η (V)", "|i| (mA/cm²)", "Tafel regions, selected automatically", "anodic (30 points): b = 11", " mV/dec, α_a = " + FigureText.Estimate(result.Anodic!.TransferCoefficient, string.Empty), "cathodic (30 points): b = −11", "α_c = 0.500", "i₀ = " + FigureText.Estimate(result.CombinedExchangeCurrentDensity, "mA/cm²") + " at η = 0", "10⁻³");
        Assert.Equal(0.5, result.Anodic.TransferCoefficient.Value, 0.01);
    }

    [Fact]
    public void A_symmetric_cell_tafel_plot_uses_the_cell_voltage()
    {
        var cell = new SymmetricCell(2e-4, 0.5, 0.5, 1, Kelvin);
        double[] v = [.. Enumerable.Range(-60, 121).Select(k => k * 0.01).Where(x => x != 0)];
        double[] i = [.. v.Select(cell.Evaluate)];
        TafelResult result = TafelAnalysis.AnalyzeSymmetricCell(v, i, 1, Kelvin);
        RenderedFigure.Check(KineticsFigures.Tafel(result, v, i, "A/cm²"), "η_cell (V)", "|i| (A/cm²)", "anodic (", "): b = 23", "α = 0.500000");
    }

    [Fact]
    public void A_butler_volmer_fit_is_drawn_over_the_curve_on_linear_and_tafel_axes()
    {
        (double[] eta, double[] i) = Electrode(new ButlerVolmer(1e-3, 0.6, 0.4, 1, Kelvin), -0.15, 0.15);
        FitResult<ButlerVolmer> fit = ButlerVolmer.Fit(eta, i, 1, Kelvin);
        Assert.Equal(0.6, fit[ButlerVolmer.AnodicTransferCoefficientName].Value, 0.02);
        RenderedFigure.Check(KineticsFigures.PolarizationCurve(fit, eta, i, "mA/cm²"), "η (V)", "i (mA/cm²)", "data", "Butler–Volmer fit", "i₀ = (1.000", "α_a = " + FigureText.Estimate(fit[ButlerVolmer.AnodicTransferCoefficientName], string.Empty), "α_c = 0.400");
        RenderedFigure.Check(KineticsFigures.PolarizationCurve(fit, eta, i, "mA/cm²", logarithmic: true), "|i| (mA/cm²)", "Butler–Volmer fit");
    }

    [Fact]
    public void A_symmetric_cell_fit_states_alpha_held()
    {
        var cell = new SymmetricCell(5e-4, 0.5, 0.5, 1, Kelvin);
        double[] v = [.. Enumerable.Range(-40, 81).Select(k => k * 0.005)];
        double[] i = [.. v.Select((x, k) => cell.Evaluate(x) * (1 + (0.01 * Math.Sin(k * 1.3))))];
        FitResult<SymmetricCell> fit = SymmetricCell.Fit(v, i, 1, Kelvin);
        RenderedFigure.Check(KineticsFigures.PolarizationCurve(fit, v, i, "mA/cm²"), "η_cell (V)", "symmetric-cell fit", "i₀ = ", "per electrode", "α = 0.5 (held)");
    }

    [Fact]
    public void The_low_field_line_gives_the_exchange_current_and_the_linearisation_error()
    {
        (double[] eta, double[] i) = Electrode(new ButlerVolmer(1e-3, 0.5, 0.5, 1, Kelvin), -0.01, 0.01);
        LowFieldPolarizationResult result = LowFieldPolarization.AnalyzeElectrode(eta, i, 1, Kelvin);
        RenderedFigure.Check(KineticsFigures.LowField(result, "mA/cm²"), "η (V)", "i (mA/cm²)", "data used", "linear fit", "i₀ = ", "linearisation error");
    }

    [Fact]
    public void Unpaired_data_and_a_missing_unit_are_refused()
    {
        (double[] eta, double[] i) = Electrode(new ButlerVolmer(1e-3, 0.5, 0.5, 1, Kelvin), -0.3, 0.3);
        TafelResult result = TafelAnalysis.AnalyzeElectrode(eta, i, 1, Kelvin);
        Assert.Throws<ArgumentException>(() => KineticsFigures.Tafel(result, eta.AsSpan(1), i, "mA/cm²"));
        Assert.Throws<ArgumentException>(() => KineticsFigures.Tafel(result, eta, i, ""));
        Assert.Throws<ArgumentException>(() => KineticsFigures.Tafel(result, [double.NaN, 0.1], [1.0, 2.0], "mA"));
    }

    /// <summary>i(η) of a model every 5 mV between two overpotentials, η = 0 left out, with 1 % deterministic relative ripple.</summary>
    private static (double[] Eta, double[] I) Electrode(ButlerVolmer model, double from, double to)
    {
        int count = (int)Math.Round((to - from) / 0.005) + 1;
        double[] eta = [.. Enumerable.Range(0, count).Select(k => from + (k * 0.005)).Where(x => Math.Abs(x) > 1e-9)];
        return (eta, [.. eta.Select((x, k) => model.Evaluate(x) * (1 + (0.01 * Math.Sin(k * 2.1))))]);
    }
}
