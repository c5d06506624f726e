using System.Numerics;
using Electrochem.Impedance;

namespace Electrochem.Tests.Impedance;

public class ImpedanceSpectrumTests
{
    private static readonly ImpedanceSpectrum Spectrum = new([1000.0, 10, 100, 1], [10.0, 40, 25, 60], [0.5, -15, -12, -3]);

    [Fact]
    public void Conversions_follow_their_definitions()
    {
        var omega = new double[4];
        Spectrum.AngularFrequency(omega);
        Assert.Equal(2 * Math.PI * 10, omega[1], 12);

        var modulus = new double[4];
        Spectrum.Modulus(modulus);
        Assert.Equal(Math.Sqrt((40 * 40) + (15 * 15)), modulus[1], 12);

        var phase = new double[4];
        Spectrum.PhaseDegrees(phase);
        Assert.Equal(Math.Atan2(-15, 40) * 180 / Math.PI, phase[1], 12);

        var yr = new double[4];
        var yi = new double[4];
        Spectrum.Admittance(yr, yi);
        Complex y = 1 / new Complex(40, -15);
        Assert.Equal(y.Real, yr[1], 15);
        Assert.Equal(y.Imaginary, yi[1], 15);
        Assert.Equal(new Complex(25, -12), Spectrum[2]);
    }

    [Fact]
    public void Sorting_trimming_and_dropping_inductive_points()
    {
        ImpedanceSpectrum ascending = Spectrum.SortedByFrequency();
        Assert.Equal([1.0, 10, 100, 1000], ascending.Frequency.ToArray());
        Assert.Equal([60.0, 40, 25, 10], ascending.Real.ToArray());
        Assert.Equal([1000.0, 100, 10, 1], Spectrum.SortedByFrequency(descending: true).Frequency.ToArray());

        ImpedanceSpectrum trimmed = Spectrum.TrimFrequency(5, 500);
        Assert.Equal([10.0, 100], trimmed.Frequency.ToArray());

        ImpedanceSpectrum capacitive = Spectrum.WithoutInductivePoints();
        Assert.Equal(3, capacitive.Count);
        Assert.DoesNotContain(1000.0, capacitive.Frequency.ToArray());
        Assert.Equal(4, Spectrum.Count); // the original is untouched
    }

    [Fact]
    public void Invalid_spectra_are_rejected_with_a_clear_message()
    {
        Assert.Equal("real", Assert.Throws<ArgumentException>(() => new ImpedanceSpectrum([1.0, 2], [1.0], [1.0, 2])).ParamName);
        Assert.Contains("Hz", Assert.Throws<ArgumentException>(() => new ImpedanceSpectrum([1.0, 0], [1.0, 2], [1.0, 2])).Message, StringComparison.Ordinal);
        Assert.Contains("Hz", Assert.Throws<ArgumentException>(() => new ImpedanceSpectrum([1.0, -5], [1.0, 2], [1.0, 2])).Message, StringComparison.Ordinal);
        Assert.Equal("imaginary", Assert.Throws<ArgumentException>(() => new ImpedanceSpectrum([1.0, 2], [1.0, 2], [double.NaN, 2])).ParamName);
        Assert.Throws<ArgumentException>(() => new ImpedanceSpectrum([], [], []));
        Assert.Throws<ArgumentException>(() => Spectrum.TrimFrequency(2000, 3000));
        Assert.Throws<ArgumentException>(() => Spectrum.TrimFrequency(10, 1));
        Assert.Throws<ArgumentException>(() => new ImpedanceSpectrum([1.0], [1.0], [1.0]).WithoutInductivePoints());
        Assert.Contains("3 points", Assert.Throws<ArgumentException>(() => new ImpedanceSpectrum([1.0, 2, 3], [1.0, 2, 3], [1.0, 2, 3]).CheckEnoughPointsFor(6)).Message, StringComparison.Ordinal);
        new ImpedanceSpectrum([1.0, 2, 3], [1.0, 2, 3], [1.0, 2, 3]).CheckEnoughPointsFor(5);
        Assert.Throws<DivideByZeroException>(() => new ImpedanceSpectrum([1.0], [0.0], [0.0]).Admittance(new double[1], new double[1]));
    }
}
