using System.Globalization;
using Electrochem.Constants;

namespace Electrochem.Benchmarks;

/// <summary>
/// Fixed, seeded data for every benchmark, so each run (and each competitor within a run) fits exactly the same
/// numbers. Noise is Gaussian from a Box–Muller transform of <see cref="Random"/> with a fixed seed.
/// </summary>
public static class SyntheticData
{
    public const int Seed = 20260101;

    /// <summary>True Arrhenius parameters: σ = A·exp(−Ea/(k_B·T)), A in S/cm, Ea in eV.</summary>
    public const double ArrheniusA = 1.0e3;
    public const double ArrheniusEa = 0.30;

    /// <summary>True VTF parameters: σ = A·T^(−1/2)·exp(−B/(T − T0)).</summary>
    public const double VtfA = 50.0;
    public const double VtfB = 1000.0;
    public const double VtfT0 = 180.0;

    /// <summary>True decay parameters: y = a·exp(−t/τ) + c.</summary>
    public const double DecayA = 5.0;
    public const double DecayTau = 2.0;
    public const double DecayC = 0.5;

    public const double KB = PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin;

    /// <summary>N temperatures uniform in [250, 400] K with 2 % log-normal scatter on σ.</summary>
    public static (double[] T, double[] Sigma) Arrhenius(int n)
    {
        var random = new Random(Seed);
        var t = new double[n];
        var sigma = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = 250 + (150 * random.NextDouble());
            sigma[i] = ArrheniusA * Math.Exp(-ArrheniusEa / (KB * t[i])) * Math.Exp(0.02 * Gaussian(random));
        }

        return (t, sigma);
    }

    /// <summary>N temperatures uniform in [250, 400] K (T0 = 180 K) with 2 % log-normal scatter on σ.</summary>
    public static (double[] T, double[] Sigma) Vtf(int n)
    {
        var random = new Random(Seed + 1);
        var t = new double[n];
        var sigma = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = 250 + (150 * random.NextDouble());
            sigma[i] = VtfA / Math.Sqrt(t[i]) * Math.Exp(-VtfB / (t[i] - VtfT0)) * Math.Exp(0.02 * Gaussian(random));
        }

        return (t, sigma);
    }

    /// <summary>N times evenly spaced over [0, 10] with additive Gaussian noise of SD 0.05.</summary>
    public static (double[] T, double[] Y) Decay(int n)
    {
        var random = new Random(Seed + 2);
        var t = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = 10.0 * i / (n - 1);
            y[i] = (DecayA * Math.Exp(-t[i] / DecayTau)) + DecayC + (0.05 * Gaussian(random));
        }

        return (t, y);
    }

    public static string Format(double value) => value.ToString("G10", CultureInfo.InvariantCulture);

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
