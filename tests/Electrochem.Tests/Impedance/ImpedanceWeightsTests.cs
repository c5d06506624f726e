using Electrochem.Impedance;

namespace Electrochem.Tests.Impedance;

public class ImpedanceWeightsTests
{
    private static readonly ImpedanceSpectrum Spectrum = new([100.0, 10], [3.0, 40], [-4.0, -30]);

    [Fact]
    public void Each_scheme_gives_its_documented_weights()
    {
        var wr = new double[2];
        var wi = new double[2];
        ImpedanceWeights.Compute(Spectrum, ImpedanceWeighting.Unit, wr, wi);
        Assert.Equal([1.0, 1.0], wr);
        ImpedanceWeights.Compute(Spectrum, ImpedanceWeighting.Modulus, wr, wi);
        Assert.Equal(1 / 25.0, wr[0], 15);
        Assert.Equal(1 / 2500.0, wi[1], 15);
        ImpedanceWeights.Compute(Spectrum, ImpedanceWeighting.Proportional, wr, wi);
        Assert.Equal(1 / 9.0, wr[0], 15);
        Assert.Equal(1 / 900.0, wi[1], 15);
        ImpedanceWeights.Compute(Spectrum, ImpedanceWeighting.StandardDeviation, wr, wi, [0.5, 2], [0.25, 1]);
        Assert.Equal([4.0, 0.25], wr);
        Assert.Equal([16.0, 1.0], wi);
    }

    [Fact]
    public void Impossible_weights_are_refused_with_a_reason()
    {
        var wr = new double[2];
        var wi = new double[2];
        var crossing = new ImpedanceSpectrum([100.0, 10], [3.0, 40], [0.0, -30]);
        Assert.Contains("Modulus", Assert.Throws<ArgumentException>(() => ImpedanceWeights.Compute(crossing, ImpedanceWeighting.Proportional, wr, wi)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ImpedanceWeights.Compute(Spectrum, ImpedanceWeighting.StandardDeviation, wr, wi));
        Assert.Throws<ArgumentException>(() => ImpedanceWeights.Compute(Spectrum, ImpedanceWeighting.StandardDeviation, wr, wi, [1.0, 0], [1.0, 1]));
        Assert.Throws<ArgumentException>(() => ImpedanceWeights.Compute(Spectrum, ImpedanceWeighting.Unit, new double[1], wi));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImpedanceWeights.Compute(Spectrum, (ImpedanceWeighting)8, wr, wi));
    }
}
