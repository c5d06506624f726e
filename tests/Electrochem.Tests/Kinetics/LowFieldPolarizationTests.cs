using Electrochem.Kinetics;
using Electrochem.Transport;

namespace Electrochem.Tests.Kinetics;

public class LowFieldPolarizationTests
{
    private const double T = ButlerVolmerTests.RoomTemperature;

    [Fact]
    public void Charge_transfer_resistance_100_ohm_on_1_5394_cm2_gives_3_338e_4_for_a_cell_and_1_669e_4_for_one_electrode()
    {
        Measurement cell = LowFieldPolarization.ExchangeCurrentDensityFromSymmetricCellResistance(100, 1.5394, 1, T);
        Measurement electrode = LowFieldPolarization.ExchangeCurrentDensityFromElectrodeResistance(100, 1.5394, 1, T);
        Assert.Equal(3.338e-4, cell.Value, 7);
        Assert.Equal(1.669e-4, electrode.Value, 7);
        Assert.Equal(2.0, cell.Value / electrode.Value, 14);

        // Uncertainties propagate in quadrature of relative uncertainties.
        Measurement withU = LowFieldPolarization.ExchangeCurrentDensityFromElectrodeResistance(new Measurement(100, 3), new Measurement(1.5394, 0.0154), 1, T);
        Assert.Equal(Math.Sqrt((0.03 * 0.03) + (0.0154 / 1.5394 * 0.0154 / 1.5394)), withU.RelativeUncertainty, 12);

        // α_a + α_c ≠ 1 scales i₀ inversely.
        Assert.Equal(electrode.Value / 1.2, LowFieldPolarization.ExchangeCurrentDensityFromElectrodeResistance(100, 1.5394, 1, T, 1.2).Value, 15);
        Assert.Equal("cellChargeTransferResistance", Assert.Throws<ArgumentOutOfRangeException>(() => LowFieldPolarization.ExchangeCurrentDensityFromSymmetricCellResistance(0, 1.5394, 1, T)).ParamName);
    }

    [Fact]
    public void Slope_near_zero_gives_i0_for_an_electrode_and_for_a_symmetric_cell_without_a_silent_factor_of_two()
    {
        var electrode = new ButlerVolmer(1.669e-4, 0.5, 0.5, 1, T);
        var cell = new SymmetricCell(1.669e-4, 0.5, 0.5, 1, T);
        double[] v = TestData.Linspace(-0.02, 0.02, 41);
        double[] iElectrode = v.Select(electrode.Evaluate).ToArray();
        double[] iCell = v.Select(cell.Evaluate).ToArray();

        LowFieldPolarizationResult one = LowFieldPolarization.AnalyzeElectrode(v, iElectrode, 1, T);
        LowFieldPolarizationResult both = LowFieldPolarization.AnalyzeSymmetricCell(v, iCell, 1, T);
        Assert.Equal(PolarizationGeometry.SingleElectrode, one.Geometry);
        Assert.Equal(PolarizationGeometry.SymmetricCell, both.Geometry);
        Assert.Equal(21, one.Voltage.Length);          // |η| ≤ 10 mV
        Assert.Equal(41, both.Voltage.Length);         // |η_cell|/2 ≤ 10 mV
        // The line over ±10 mV per electrode overestimates the true slope by ≈ 0.6·(x²/6) ≈ 0.4 %, below the 0.63 % bound.
        Assert.InRange(one.ExchangeCurrentDensity.Value / 1.669e-4, 1.0, 1.0063);
        Assert.InRange(both.ExchangeCurrentDensity.Value / 1.669e-4, 1.0, 1.0063);
        Assert.Equal(one.LinearisationError, both.LinearisationError, 12);
        Assert.Empty(one.Warnings);

        // The cell's resistance is twice the electrode's.
        Assert.Equal(2 * one.AreaSpecificChargeTransferResistance, both.AreaSpecificChargeTransferResistance, 0.01 * both.AreaSpecificChargeTransferResistance);

        // Reading the cell curve as if it were one electrode halves i₀: the reason the entry points are separate.
        LowFieldPolarizationResult wrong = LowFieldPolarization.AnalyzeElectrode(v, iCell, 1, T);
        Assert.Equal(0.5, wrong.ExchangeCurrentDensity.Value / 1.669e-4, 2);
    }

    [Fact]
    public void A_wide_window_is_flagged_as_beyond_the_linear_region()
    {
        var electrode = new ButlerVolmer(1e-3, 0.5, 0.5, 1, T);
        double[] v = TestData.Linspace(-0.05, 0.05, 21);
        LowFieldPolarizationResult result = LowFieldPolarization.AnalyzeElectrode(v, v.Select(electrode.Evaluate).ToArray(), 1, T, LowFieldOptions.Default with { MaximumElectrodeOverpotential = 0.05 });
        KineticsWarning warning = Assert.Single(result.Warnings);
        Assert.Equal(KineticsWarningKind.LinearisationErrorExceeded, warning.Kind);
        Assert.True(result.LinearisationError > 0.1);
        Assert.True(result.ExchangeCurrentDensity.Value > 1.05e-3);
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_argument_named()
    {
        var few = Assert.Throws<ArgumentException>(() => LowFieldPolarization.AnalyzeElectrode([-0.1, 0.005, 0.1], [1.0, 2, 3], 1, T));
        Assert.Equal("overpotential", few.ParamName);
        Assert.Contains("at least 3", few.Message, StringComparison.Ordinal);
        var sign = Assert.Throws<ArgumentException>(() => LowFieldPolarization.AnalyzeSymmetricCell([-0.01, 0, 0.01], [1.0, 0, -1], 1, T));
        Assert.Equal("currentDensity", sign.ParamName);
        Assert.Contains("sign convention", sign.Message, StringComparison.Ordinal);
    }
}
