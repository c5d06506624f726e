using System.Numerics;
using Electrochem.Impedance;

namespace Electrochem.Tests.Impedance.Drt;

/// <summary>Synthetic spectra for the DRT tests: ZARCs on pyDRTtools' tutorial frequencies (81 points, 1 MHz to 10 mHz).</summary>
internal static class DrtTestSpectra
{
    /// <summary>R_∞ + Σ R/(1 + (jωτ₀)^φ) at 10 points per decade from 1 MHz to 10 mHz.</summary>
    internal static ImpedanceSpectrum Zarcs(double seriesResistance, params (double R, double Tau0, double Phi)[] zarcs)
    {
        double[] f = [.. Enumerable.Range(0, 81).Select(i => Math.Pow(10, 6 - (i / 10.0)))];
        Complex[] z = [.. f.Select(fi => seriesResistance + zarcs.Aggregate(Complex.Zero, (sum, e) => sum + (e.R / (1 + Complex.Pow(new Complex(0, 2 * Math.PI * fi * e.Tau0), e.Phi)))))];
        return ImpedanceSpectrum.FromComplex(f, z);
    }

    /// <summary>The spectrum with independent normal noise of standard deviation σ on Z′ and Z″.</summary>
    internal static ImpedanceSpectrum WithNoise(ImpedanceSpectrum clean, double sigma, int seed)
    {
        var random = new Random(seed);
        double[] re = [.. clean.Real.ToArray().Select(v => v + (sigma * Normal(random)))];
        double[] im = [.. clean.Imaginary.ToArray().Select(v => v + (sigma * Normal(random)))];
        return new ImpedanceSpectrum(clean.Frequency, re, im);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    internal static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
