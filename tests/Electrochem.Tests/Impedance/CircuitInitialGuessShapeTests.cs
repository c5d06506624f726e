using System.Collections.Immutable;
using System.Numerics;
using Electrochem.Impedance;
using FsCheck.Xunit;

namespace Electrochem.Tests.Impedance;

public class CircuitInitialGuessShapeTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.65)]
    [InlineData(0.8)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    public void The_apex_height_of_a_noise_free_Zarc_gives_its_exponent_exactly(double alpha)
    {
        const double resistance = 120;
        // At ωτ = 1 the Zarc R/(1 + (jωτ)^α) is at its apex.
        Complex apex = resistance / (1 + Complex.Pow(Complex.ImaginaryOne, alpha));

        Assert.Equal(alpha, Arc.ExponentFromApex(-apex.Imaginary, resistance), 1e-12);
    }

    [Theory]
    [InlineData(0.6, 1.0)]
    [InlineData(0.8, 0.2)]
    [InlineData(1.0, 3.0)]
    public void A_circle_through_noise_free_Zarc_points_gives_its_intercepts_and_exponent(double alpha, double decadesAboveApex)
    {
        // Points from decadesAboveApex above the apex to one decade below it: for small values the arc is cut off at high frequency.
        const double offset = 7, resistance = 50, tau = 1e-4;
        var re = new double[12];
        var height = new double[12];
        for (int i = 0; i < re.Length; i++)
        {
            double omega = Math.Pow(10, decadesAboveApex - ((decadesAboveApex + 1) * i / (re.Length - 1.0))) / tau;
            Complex z = offset + (resistance / (1 + Complex.Pow(Complex.ImaginaryOne * omega * tau, alpha)));
            re[i] = z.Real;
            height[i] = -z.Imaginary;
        }

        Assert.True(ArcCircle.TryFit(re, height, out ArcCircle circle));
        Assert.Equal(offset, circle.Left, 1e-8);
        Assert.Equal(offset + resistance, circle.Right, 1e-8);
        Assert.Equal(alpha, circle.Exponent, 1e-10);
    }

    [Fact]
    public void Collinear_points_give_no_circle()
    {
        Assert.False(ArcCircle.TryFit([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], out _));
        Assert.False(ArcCircle.TryFit([1, 2, 3], [1, 2, 1], out _));
    }

    [Fact]
    public void A_noise_free_single_arc_gives_the_true_parameters()
    {
        // R0-p(R1,CPE1) is R0 plus a Zarc: the circle and the per-point time constants are exact, so only rounding remains.
        Circuit circuit = Circuit.Parse("R0-p(R1,CPE1)");
        double[] truth = [10, 100, 1e-5, 0.85];
        ImpedanceSpectrum spectrum = SyntheticSpectra.Generate(circuit, truth, new TestData(1), relativeNoise: 0);

        ImmutableArray<double> guess = CircuitInitialGuess.Estimate(circuit, spectrum);

        for (int j = 0; j < truth.Length; j++)
        {
            Assert.True(Math.Abs(guess[j] - truth[j]) <= 1e-6 * truth[j], $"{circuit.Parameters[j].Name}: guess {guess[j]}, truth {truth[j]}");
        }
    }

    [Fact]
    public void A_noise_free_two_arc_spectrum_gives_parameters_close_to_the_truth()
    {
        // The batch benchmark's central spectrum: the first arc is cut off at 100 kHz, and each arc's points near half
        // its height also carry a little of the other arc (their apexes are four decades apart), so the guess is not
        // exact: resistances within 2 %, exponents within 0.02, Q (which carries the exponent error over the decades
        // between the apex and the data) within 10 %.
        Circuit circuit = Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)");
        double[] truth = [5, 50, 1e-6, 0.9, 200, 1e-3, 0.8];
        ImpedanceSpectrum spectrum = SyntheticSpectra.Generate(circuit, truth, new TestData(1), relativeNoise: 0);

        ImmutableArray<double> guess = CircuitInitialGuess.Estimate(circuit, spectrum);

        foreach (int j in new[] { 0, 1, 4 })
        {
            Assert.True(Math.Abs(guess[j] - truth[j]) <= 0.02 * truth[j], $"{circuit.Parameters[j].Name}: guess {guess[j]}, truth {truth[j]}");
        }

        foreach (int j in new[] { 3, 6 })
        {
            Assert.True(Math.Abs(guess[j] - truth[j]) <= 0.02, $"{circuit.Parameters[j].Name}: guess {guess[j]}, truth {truth[j]}");
        }

        foreach (int j in new[] { 2, 5 })
        {
            Assert.True(Math.Abs(guess[j] - truth[j]) <= 0.1 * truth[j], $"{circuit.Parameters[j].Name}: guess {guess[j]}, truth {truth[j]}");
        }
    }

    [Property(MaxTest = 50)]
    public bool Guesses_for_noisy_two_arc_spectra_are_finite_inside_their_bounds_with_exponents_in_range(int seed)
    {
        var random = new TestData((ulong)seed);
        Circuit circuit = Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)");
        double[] truth =
        [
            Math.Exp(random.Uniform(-1, 4)), Math.Exp(random.Uniform(1, 6)), Math.Exp(random.Uniform(-16, -10)), random.Uniform(0.6, 1),
            Math.Exp(random.Uniform(1, 7)), Math.Exp(random.Uniform(-9, -4)), random.Uniform(0.6, 1),
        ];
        ImpedanceSpectrum spectrum = SyntheticSpectra.Generate(circuit, truth, random, relativeNoise: random.Uniform(0, 0.03));

        ImmutableArray<double> guess = CircuitInitialGuess.Estimate(circuit, spectrum);

        return guess.Select((value, j) => double.IsFinite(value) && value >= circuit.Parameters[j].LowerBound && value <= circuit.Parameters[j].UpperBound).All(ok => ok)
            && guess[3] >= 0.5 && guess[3] <= 1 && guess[6] >= 0.5 && guess[6] <= 1
            && guess[1] > 0 && guess[4] > 0;
    }
}
