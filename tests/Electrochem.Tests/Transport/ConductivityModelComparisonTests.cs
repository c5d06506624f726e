using Electrochem.Transport;

namespace Electrochem.Tests.Transport;

public class ConductivityModelComparisonTests
{
    [Fact]
    public void Curved_polymer_data_prefer_VTF()
    {
        double[] t = ArrheniusTests.Celsius(20, 90, 5);
        double[] sigma = VogelTammannFulcherTests.Vtf(t, 2.0, 1100, 190, 0.01, new TestData(3));
        ConductivityModelComparison comparison = ConductivityModelComparison.Compare(t, sigma);

        Assert.Equal("VTF", comparison.PreferredModel);
        Assert.True(comparison.DeltaAicc < -10, $"ΔAICc = {comparison.DeltaAicc}");
        Assert.True(comparison.VtfAkaikeWeight > 0.99);
        Assert.Equal(1.0, comparison.VtfAkaikeWeight + comparison.ArrheniusAkaikeWeight, 12);
    }

    [Fact]
    public void Straight_Arrhenius_data_prefer_Arrhenius()
    {
        double[] t = ArrheniusTests.Celsius(30, 70, 5);
        double[] sigma = ArrheniusTests.Conductivities(t, 0.24, 3.6e-4, 301.15, 0.02, new TestData(9));
        ConductivityModelComparison comparison = ConductivityModelComparison.Compare(t, sigma);

        Assert.Equal("Arrhenius", comparison.PreferredModel);
        Assert.True(comparison.DeltaAicc > 0);
        Assert.Equal(comparison.Vtf.Statistics.Aicc - comparison.Arrhenius.Statistics.Aicc, comparison.DeltaAicc, 12);
    }

    [Fact]
    public void The_confidence_level_reaches_both_fits_and_leaves_AICc_alone()
    {
        double[] t = ArrheniusTests.Celsius(20, 90, 5);
        double[] sigma = VogelTammannFulcherTests.Vtf(t, 2.0, 1100, 190, 0.01, new TestData(3));
        ConductivityModelComparison at95 = ConductivityModelComparison.Compare(t, sigma);
        ConductivityModelComparison at90 = ConductivityModelComparison.Compare(t, sigma, confidenceLevel: 0.90);
        Assert.Equal(0.90, at90.Arrhenius.ConfidenceLevel);
        Assert.Equal(0.90, at90.Vtf.ConfidenceLevel);
        Assert.Equal(at95.DeltaAicc, at90.DeltaAicc, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConductivityModelComparison.Compare(t, sigma, confidenceLevel: 0));
    }

    [Fact]
    public void Fewer_than_six_points_cannot_be_compared()
    {
        double[] t = ArrheniusTests.Celsius(30, 70, 10);
        var error = Assert.Throws<ArgumentException>(() => ConductivityModelComparison.Compare(t, ArrheniusTests.Conductivities(t, 0.2, 1e-4, 300, 0.01, new TestData(1))));
        Assert.Contains("at least 6", error.Message, StringComparison.Ordinal);
    }
}
