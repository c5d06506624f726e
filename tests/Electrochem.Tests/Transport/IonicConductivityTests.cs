using Electrochem.Transport;

namespace Electrochem.Tests.Transport;

public class IonicConductivityTests
{
    [Fact]
    public void Conductivity_of_a_100_micron_film_on_a_14_mm_disc()
    {
        // L = 0.0100 cm, A = π·(0.7 cm)², R_b = 10.0 Ω → σ = 6.4961e-4 S/cm (issue's analytic case).
        double sigma = IonicConductivity.FromBulkResistance(0.0100, Math.PI * 0.7 * 0.7, 10.0);
        Assert.Equal(6.4961e-4, sigma, 8);
        Assert.Equal(0.0006496120126199811, sigma, 15);
    }

    [Fact]
    public void Relative_uncertainties_add_in_quadrature()
    {
        // 3 %, 4 % and 12 % → 13 %.
        Measurement sigma = IonicConductivity.FromBulkResistance(new Measurement(0.01, 0.0003), new Measurement(2.0, 0.08), new Measurement(50, 6));
        Assert.Equal(0.01 / (50 * 2.0), sigma.Value, 15);
        Assert.Equal(0.13, sigma.RelativeUncertainty, 12);
        (double lower, double upper) = sigma.ExpandedInterval();
        Assert.Equal(sigma.Value * (1 - 0.26), lower, 15);
        Assert.Equal(sigma.Value * (1 + 0.26), upper, 15);
    }

    [Fact]
    public void Exact_inputs_give_zero_uncertainty()
    {
        Measurement sigma = IonicConductivity.FromBulkResistance(0.01, 1.0, new Measurement(100, 0));
        Assert.Equal(0, sigma.StandardUncertainty);
    }

    [Theory]
    [InlineData(0.0, 1.0, 10.0, "thickness")]
    [InlineData(-0.01, 1.0, 10.0, "thickness")]
    [InlineData(0.01, 0.0, 10.0, "area")]
    [InlineData(0.01, 1.0, 0.0, "bulkResistance")]
    [InlineData(0.01, 1.0, double.NaN, "bulkResistance")]
    [InlineData(double.PositiveInfinity, 1.0, 10.0, "thickness")]
    public void Non_positive_or_non_finite_inputs_are_rejected(double thickness, double area, double resistance, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => IonicConductivity.FromBulkResistance(thickness, area, resistance));
        Assert.Equal(name, error.ParamName);
        Assert.Contains("greater than zero", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => IonicConductivity.FromBulkResistance(new Measurement(thickness, 0), new Measurement(area, 0), new Measurement(resistance, 0)));
    }

    [Fact]
    public void A_negative_uncertainty_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => IonicConductivity.FromBulkResistance(new Measurement(0.01, -1e-4), 1.0, 10.0));
        Assert.Contains("uncertainty of thickness", error.Message, StringComparison.Ordinal);
    }
}
