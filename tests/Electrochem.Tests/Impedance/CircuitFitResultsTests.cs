using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.Transport;

namespace Electrochem.Tests.Impedance;

public class CircuitFitResultsTests
{
    [Fact]
    public void Lithium_symmetric_cell_resistances_and_interface_with_covariance()
    {
        // Li‖Li: bulk 5 Ω, SEI 50 Ω (fast arc), charge transfer 200 Ω (slow arc).
        Circuit circuit = Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)");
        ImpedanceSpectrum spectrum = SyntheticSpectra.Generate(circuit, [5, 50, 1e-6, 0.9, 200, 1e-3, 0.8], new TestData(31), relativeNoise: 0.01);
        FitResult<CircuitModel> fit = CircuitModel.Fit(circuit, spectrum);

        SymmetricCellResistances cell = SymmetricCellResistances.FromFit(fit);

        Assert.Equal(fit["R0"], cell.Bulk);
        Assert.Equal(fit["R1"], cell.SolidElectrolyteInterphase);
        Assert.Equal(fit["R2"], cell.ChargeTransfer);
        Assert.Equal(fit.Model["R1"] + fit.Model["R2"], cell.Interface.Value, 1e-12);
        double variance = Math.Pow(fit["R1"].StandardError, 2) + Math.Pow(fit["R2"].StandardError, 2) + (2 * fit.Covariance["R1", "R2"]);
        Assert.Equal(Math.Sqrt(variance), cell.Interface.StandardError, Math.Sqrt(variance) * 1e-12);
        Assert.NotEqual(0, fit.Covariance["R1", "R2"]);
        Assert.InRange(cell.Interface.Value, 250 - (4 * cell.Interface.StandardError), 250 + (4 * cell.Interface.StandardError));
        double t = (cell.Interface.ConfidenceUpper - cell.Interface.Value) / cell.Interface.StandardError;
        Assert.Equal((fit["R1"].ConfidenceUpper - fit["R1"].Value) / fit["R1"].StandardError, t, 1e-9);
    }

    [Fact]
    public void Summing_rejects_unknown_repeated_and_mixed_unit_terms()
    {
        Circuit circuit = Circuit.Parse("R0-p(R1,C1)");
        FitResult<CircuitModel> fit = CircuitModel.Fit(circuit, SyntheticSpectra.Generate(circuit, [5, 50, 1e-6], new TestData(2)));
        Assert.Throws<ArgumentException>(() => fit.SumOfParameters("x", "R0", "R9"));
        Assert.Throws<ArgumentException>(() => fit.SumOfParameters("x", "R0", "R0"));
        Assert.Throws<ArgumentException>(() => fit.SumOfParameters("x", "R0", "C1"));
        Assert.Throws<ArgumentException>(() => fit.SumOfParameters("x"));
        Assert.Throws<ArgumentException>(() => SymmetricCellResistances.FromFit(fit, "R0", "R0", "R1"));
    }

    [Fact]
    public void Blocking_cell_bulk_resistance_gives_the_ionic_conductivity()
    {
        // SS‖SS polymer film: R_b = 120 Ω, then a blocking double layer (CPE).
        Circuit circuit = Circuit.Parse("R0-p(R1,CPE1)-CPE2");
        ImpedanceSpectrum spectrum = SyntheticSpectra.Generate(circuit, [120, 800, 1e-9, 0.9, 1e-6, 0.85], new TestData(8), highHertz: 1e7);
        FitResult<CircuitModel> fit = CircuitModel.Fit(circuit, spectrum);
        var thickness = new Measurement(0.0100, 0.0002);
        var area = new Measurement(Math.PI * 0.7 * 0.7, 0.01);

        Measurement sigma = fit.BulkIonicConductivity("R0", thickness, area);

        Measurement expected = IonicConductivity.FromBulkResistance(thickness, area, new Measurement(fit.Model["R0"], fit["R0"].StandardError));
        Assert.Equal(expected, sigma);
        Assert.Equal(0.0100 / (120 * Math.PI * 0.49), sigma.Value, sigma.Value * 0.05);
    }
}
