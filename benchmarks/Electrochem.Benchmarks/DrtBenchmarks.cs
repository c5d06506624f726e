using System.Numerics;
using BenchmarkDotNet.Attributes;
using Electrochem.Impedance;
using Electrochem.Impedance.Drt;
using MathNet.Numerics.LinearAlgebra;
using MathVector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace Electrochem.Benchmarks;

/// <summary>
/// The DRT of an 81-point ZARC spectrum (10 mHz–1 MHz, 0.5 % noise) with λ by GCV: Electrochem's
/// <see cref="DistributionOfRelaxationTimes"/> vs a straightforward port of pyDRTtools' approach — every kernel element
/// by its own numerical integral over [−50, 50] (composite Simpson, 2,001 points, as fine as quad needs here), and each
/// GCV score from the explicit 2N×2N influence matrix K = A(AᵀA + λM)⁻¹Aᵀ with Math.NET — over the same λ values, then
/// an unconstrained solve at the chosen λ (the port skips the non-negativity, which only flatters it).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class DrtGcv
{
    private ImpedanceSpectrum _spectrum = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(SyntheticData.Seed);
        double[] f = [.. Enumerable.Range(0, 81).Select(i => Math.Pow(10, 6 - (i / 10.0)))];
        Complex[] z = [.. f.Select(x => (10 + (50 / (1 + Complex.Pow(new Complex(0, 2 * Math.PI * x * 0.1), 0.8)))) * (1 + (0.005 * ((2 * random.NextDouble()) - 1))))];
        _spectrum = ImpedanceSpectrum.FromComplex(f, z);
    }

    [Benchmark(Baseline = true, Description = "Straightforward port (per-element Simpson, explicit influence matrix)")]
    public double Straightforward()
    {
        int n = _spectrum.Count;
        double[] lnTau = [.. Enumerable.Range(0, 101).Select(j => -Math.Log(2 * Math.PI * 1e6) - Math.Log(10) + (j * Math.Log(10) / 10))];
        int m = lnTau.Length;
        double epsilon = 0.5 * 2 * Math.Sqrt(Math.Log(2)) / (Math.Log(10) / 10);
        int p = m + 2;
        var a = Matrix<double>.Build.Dense(2 * n, p);
        for (int i = 0; i < n; i++)
        {
            double omega = 2 * Math.PI * _spectrum.Frequency[i];
            a[i, 0] = 1;
            a[n + i, 1] = omega;
            for (int j = 0; j < m; j++)
            {
                double alpha = omega * Math.Exp(lnTau[j]);
                a[i, j + 2] = Simpson(x => Math.Exp(-(epsilon * x) * (epsilon * x)) / (1 + (alpha * alpha * Math.Exp(2 * x))));
                a[n + i, j + 2] = -Simpson(x => Math.Exp(-(epsilon * x) * (epsilon * x)) * alpha / (Math.Exp(-x) + (alpha * alpha * Math.Exp(x))));
            }
        }

        var penalty = Matrix<double>.Build.Dense(p, p);
        for (int r = 0; r < m; r++)
        {
            for (int c = 0; c < m; c++)
            {
                double d = epsilon * (lnTau[r] - lnTau[c]);
                penalty[r + 2, c + 2] = epsilon * epsilon * epsilon * Math.Sqrt(Math.PI / 2) * (3 - (6 * d * d) + (d * d * d * d)) * Math.Exp(-(d * d) / 2);
            }
        }

        var b = MathVector.Build.Dense(2 * n);
        for (int i = 0; i < n; i++)
        {
            b[i] = _spectrum.Real[i];
            b[n + i] = _spectrum.Imaginary[i];
        }

        Matrix<double> ata = a.TransposeThisAndMultiply(a);
        Matrix<double> identity = Matrix<double>.Build.DenseIdentity(2 * n);
        double bestLambda = 1;
        double bestScore = double.PositiveInfinity;
        for (int k = 0; k <= 90; k++)
        {
            double lambda = Math.Exp(Math.Log(1e-7) + (k * (Math.Log(1e7) / 90)));
            Matrix<double> influence = a * (ata + (lambda * penalty)).Inverse() * a.Transpose();
            Matrix<double> complement = identity - influence;
            double numerator = (complement * b).L2Norm();
            double trace = complement.Trace();
            double score = 2 * n * numerator * numerator / (trace * trace);
            if (score < bestScore)
            {
                bestScore = score;
                bestLambda = lambda;
            }
        }

        MathVector x = (ata + (bestLambda * penalty)).Solve(a.TransposeThisAndMultiply(b));
        return x.Sum();
    }

    [Benchmark(Description = "Electrochem DistributionOfRelaxationTimes.Compute (GCV)")]
    public double Electrochem() => DistributionOfRelaxationTimes.Compute(_spectrum, new DrtOptions()).PolarizationResistance;

    private static double Simpson(Func<double, double> f)
    {
        const int intervals = 2000;
        const double h = 100.0 / intervals;
        double sum = f(-50) + f(50);
        for (int i = 1; i < intervals; i++)
        {
            sum += (i % 2 == 0 ? 2 : 4) * f(-50 + (i * h));
        }

        return sum * h / 3;
    }
}

/// <summary>
/// 1,000 DRTs with λ by GCV (81-point two-ZARC spectra with varied resistances and noise, as a cycling test's impedance
/// archive gives): one after another vs <see cref="Electrochem.Fitting.BatchFit.FitMany"/> on every core.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class DrtBatch
{
    private ImpedanceSpectrum[] _spectra = null!;
    private readonly DrtOptions _options = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(SyntheticData.Seed);
        double[] f = [.. Enumerable.Range(0, 81).Select(i => Math.Pow(10, 6 - (i / 10.0)))];
        _spectra = new ImpedanceSpectrum[1000];
        for (int k = 0; k < _spectra.Length; k++)
        {
            double r1 = 10 + (40 * random.NextDouble());
            double r2 = 20 + (60 * random.NextDouble());
            Complex[] z = [.. f.Select(x => (5 + (r1 / (1 + Complex.Pow(new Complex(0, 2 * Math.PI * x * 1e-4), 0.85))) + (r2 / (1 + Complex.Pow(new Complex(0, 2 * Math.PI * x * 0.1), 0.8)))) * (1 + (0.005 * ((2 * random.NextDouble()) - 1))))];
            _spectra[k] = ImpedanceSpectrum.FromComplex(f, z);
        }
    }

    [Benchmark(Baseline = true, Description = "1,000 DRTs one after another")]
    public double Sequential()
    {
        double sum = 0;
        foreach (ImpedanceSpectrum spectrum in _spectra)
        {
            sum += DistributionOfRelaxationTimes.Compute(spectrum, _options).PolarizationResistance;
        }

        return sum;
    }

    [Benchmark(Description = "1,000 DRTs by BatchFit.FitMany (all cores)")]
    public double Parallel() =>
        Electrochem.Fitting.BatchFit.FitMany(_spectra, (spectrum, token) => DistributionOfRelaxationTimes.Compute(spectrum, _options, token))
            .Sum(outcome => outcome.Result!.PolarizationResistance);
}
