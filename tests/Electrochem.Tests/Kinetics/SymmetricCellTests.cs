using Electrochem.Fitting;
using Electrochem.Kinetics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Kinetics;

public class SymmetricCellTests
{
    private const double T = ButlerVolmerTests.RoomTemperature;

    [Fact]
    public void Closed_form_at_50_mV_is_1_0118876_mA_per_cm2()
    {
        var cell = new SymmetricCell(1.0, 0.5, 0.5, 1, T);
        Assert.Equal(1.0118876, cell.Evaluate(0.05), 7);
        Assert.Equal(-1.0118876, cell.Evaluate(-0.05), 7);
        double f = cell.Electrode.ReciprocalThermalVoltage;
        Assert.Equal(2 * Math.Sinh(f * 0.05 / 4), cell.Evaluate(0.05), 14);

        // Each electrode carries half the cell voltage: the cell at 0.1 V equals one electrode at 0.05 V.
        Assert.Equal(cell.Electrode.Evaluate(0.05), cell.Evaluate(0.1), 14);
        Assert.Equal(0.05, cell.CellVoltage(1.0118876), 6);
        Assert.Equal(2 * cell.Electrode.AreaSpecificChargeTransferResistance, cell.AreaSpecificCellChargeTransferResistance, 15);
    }

    [Fact]
    public void General_alpha_is_solved_and_agrees_with_the_closed_form_in_the_symmetric_limit()
    {
        var closed = new SymmetricCell(2e-4, 0.5, 0.5, 1, T);
        var nearly = new SymmetricCell(2e-4, 0.5, 0.5 + 1e-9, 1, T);
        foreach (double v in new[] { -0.4, -0.05, 0.001, 0.02, 0.3 })
        {
            Assert.Equal(closed.Evaluate(v), nearly.Evaluate(v), 1e-8 * Math.Abs(closed.Evaluate(v)));
        }

        // Asymmetric α: the odd symmetry i(−V) = −i(V) holds, and the large-V Tafel slope is ln10·RT/F·(1/α_a + 1/α_c).
        var asymmetric = new SymmetricCell(1e-3, 0.3, 0.7, 1, T);
        Assert.Equal(-asymmetric.Evaluate(0.2), asymmetric.Evaluate(-0.2), 15);
        double f = asymmetric.Electrode.ReciprocalThermalVoltage;
        double slope = (Math.Log10(asymmetric.Evaluate(2.2)) - Math.Log10(asymmetric.Evaluate(2.0))) / 0.2;
        Assert.Equal(f / Math.Log(10) / ((1 / 0.3) + (1 / 0.7)), slope, 6);
        var span = new double[3];
        asymmetric.Evaluate([-0.1, 0.0, 0.25], span);
        Assert.Equal(asymmetric.Evaluate(0.25), span[2], 15);
        Assert.Equal(0.0, span[1]);
    }

    [Property(MaxTest = 150)]
    public Property Cell_voltage_inverts_evaluate(int seed)
    {
        var random = new TestData((ulong)seed);
        var cell = new SymmetricCell(Math.Pow(10, random.Uniform(-6, 0)), random.Uniform(0.2, 0.9), random.Uniform(0.2, 0.9), 1, random.Uniform(260, 360));
        double v = random.Uniform(-1.5, 1.5);
        double back = cell.CellVoltage(cell.Evaluate(v));
        return (Math.Abs(back - v) <= 1e-10 * (1 + Math.Abs(v))).Label($"{cell}: V = {v}, back {back}");
    }

    [Fact]
    public void Fit_holds_alpha_at_one_half_by_default_and_can_fit_it()
    {
        var truth = new SymmetricCell(7.4e-5, 0.5, 0.5, 1, T);
        double[] v = TestData.Linspace(-0.3, 0.3, 61);
        var random = new TestData(21);
        double[] i = v.Select(x => truth.Evaluate(x) * (1 + (0.01 * random.Normal()))).ToArray();
        double[] u = v.Select(x => (0.01 * Math.Abs(truth.Evaluate(x))) + 1e-12).ToArray();
        FitResult<SymmetricCell> fit = SymmetricCell.Fit(v, i, 1, T, u);
        Assert.True(fit.Converged, fit.StatusReason);
        Assert.True(fit[SymmetricCell.TransferCoefficientName].IsFixed);
        Assert.Equal(0.5, fit.Model.AnodicTransferCoefficient);
        ParameterEstimate ln = fit[SymmetricCell.LnExchangeCurrentDensityName];
        Assert.InRange(Math.Log(7.4e-5), ln.ConfidenceLower, ln.ConfidenceUpper);

        FitResult<SymmetricCell> free = SymmetricCell.Fit(v, i, 1, T, u, SymmetricCellFitOptions.Default with { FitTransferCoefficient = true, TransferCoefficient = 0.3 });
        Assert.True(free.Converged, free.StatusReason);
        ParameterEstimate alpha = free[SymmetricCell.TransferCoefficientName];
        Assert.InRange(0.5, alpha.ConfidenceLower, alpha.ConfidenceUpper);
    }

    [Fact]
    public void Fit_rejects_bad_input()
    {
        Assert.Equal("cellVoltage", Assert.Throws<ArgumentException>(() => SymmetricCell.Fit([0.0, 0, 0], [1.0, 2, 3], 1, T)).ParamName);
        Assert.Equal("currentDensity", Assert.Throws<ArgumentException>(() => SymmetricCell.Fit([0.1, 0.2, 0.3], [1.0, 2], 1, T)).ParamName);
    }
}
