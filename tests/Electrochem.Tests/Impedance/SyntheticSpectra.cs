using Electrochem.Impedance;

namespace Electrochem.Tests.Impedance;

/// <summary>Synthetic spectra: a circuit at log-spaced frequencies with seeded complex Gaussian noise proportional to |Z|.</summary>
internal static class SyntheticSpectra
{
    public static ImpedanceSpectrum Generate(Circuit circuit, double[] parameters, TestData random, double relativeNoise = 0.005, int count = 60, double highHertz = 1e5, double lowHertz = 1e-2)
    {
        var f = new double[count];
        var re = new double[count];
        var im = new double[count];
        for (int i = 0; i < count; i++)
        {
            f[i] = highHertz * Math.Pow(lowHertz / highHertz, i / (count - 1.0));
            System.Numerics.Complex z = circuit.Impedance(2 * Math.PI * f[i], parameters);
            re[i] = z.Real + (relativeNoise * z.Magnitude * random.Normal());
            im[i] = z.Imaginary + (relativeNoise * z.Magnitude * random.Normal());
        }

        return new ImpedanceSpectrum(f, re, im);
    }
}
