using Electrochem.Fitting;
using Electrochem.Kinetics;

namespace Electrochem.Tests.Kinetics;

/// <summary>The reference study (Su et al. 2024): i₀ = 0.074 mA/cm² (Base-PTA) and 0.25 mA/cm² (ISPN-PTA) from Li‖Li Tafel plots.</summary>
public class ReferenceStudyKineticsTests
{
    private const double T = 301.15; // 28 °C

    [Theory]
    [InlineData(0.074, 31UL)]
    [InlineData(0.25, 32UL)]
    public void Symmetric_cell_sweeps_give_the_reported_exchange_current_density_back(double i0MilliampsPerSquareCentimetre, ulong seed)
    {
        // A slow sweep of a Li‖Li cell to ±0.6 V (ohmic drop removed), 2 mV steps, 2 % multiplicative noise; mA/cm² throughout.
        var cell = new SymmetricCell(i0MilliampsPerSquareCentimetre, 0.5, 0.5, 1, T);
        double[] v = TestData.Linspace(-0.6, 0.6, 601);
        var random = new TestData(seed);
        double[] i = v.Select(x => cell.Evaluate(x) * (1 + (0.02 * random.Normal()))).ToArray();

        TafelResult tafel = TafelAnalysis.AnalyzeSymmetricCell(v, i, 1, T);
        ParameterEstimate combined = tafel.CombinedExchangeCurrentDensity;
        Assert.InRange(i0MilliampsPerSquareCentimetre, combined.ConfidenceLower, combined.ConfidenceUpper);
        Assert.InRange(0.5, tafel.Anodic!.TransferCoefficient.ConfidenceLower, tafel.Anodic.TransferCoefficient.ConfidenceUpper);
        Assert.DoesNotContain(tafel.Warnings, w => w.Kind == KineticsWarningKind.BranchesDisagree);

        // The whole curve with the sinh model, and its low-field limit, agree. The uncertainties are the noise model's
        // (2 % of the true current): weights from the observed, noisy currents would favour low points and bias i₀ low.
        FitResult<SymmetricCell> fit = SymmetricCell.Fit(v, i, 1, T, v.Select(x => (0.02 * Math.Abs(cell.Evaluate(x))) + 1e-6).ToArray());
        ParameterEstimate ln = fit[SymmetricCell.LnExchangeCurrentDensityName];
        Assert.InRange(Math.Log(i0MilliampsPerSquareCentimetre), ln.ConfidenceLower, ln.ConfidenceUpper);
        LowFieldPolarizationResult lowField = LowFieldPolarization.AnalyzeSymmetricCell(v, i, 1, T);
        Assert.InRange(i0MilliampsPerSquareCentimetre, lowField.ExchangeCurrentDensity.ConfidenceLower, lowField.ExchangeCurrentDensity.ConfidenceUpper);
    }

    [Theory]
    [InlineData(0.074, 41UL)]
    [InlineData(0.25, 42UL)]
    public void Single_electrode_curves_fitted_with_Butler_Volmer_give_the_values_back(double i0MilliampsPerSquareCentimetre, ulong seed)
    {
        var electrode = new ButlerVolmer(i0MilliampsPerSquareCentimetre, 0.45, 0.55, 1, T);
        double[] eta = TestData.Linspace(-0.3, 0.3, 151);
        var random = new TestData(seed);
        double[] i = eta.Select(x => electrode.Evaluate(x) * (1 + (0.02 * random.Normal()))).ToArray();
        FitResult<ButlerVolmer> fit = ButlerVolmer.Fit(eta, i, 1, T, eta.Select(x => (0.02 * Math.Abs(electrode.Evaluate(x))) + 1e-6).ToArray());
        Assert.True(fit.Converged, fit.StatusReason);
        ParameterEstimate i0 = fit.ExchangeCurrentDensity();
        Assert.InRange(i0MilliampsPerSquareCentimetre, i0.ConfidenceLower, i0.ConfidenceUpper);
        Assert.True(i0.ConfidenceUpper - i0.Value != i0.Value - i0.ConfidenceLower); // exact image of the log interval: asymmetric
        // The Tafel estimate of the same noisy curve lies within 3 standard errors (a 99.7 % event; its 95 % coverage is
        // tested over many curves in TafelAnalysisTests).
        TafelResult tafel = TafelAnalysis.AnalyzeElectrode(eta, i, 1, T);
        ParameterEstimate tafelI0 = tafel.CombinedExchangeCurrentDensity;
        Assert.InRange(Math.Log(tafelI0.Value / i0MilliampsPerSquareCentimetre) / (tafelI0.StandardError / tafelI0.Value), -3, 3);
    }
}
