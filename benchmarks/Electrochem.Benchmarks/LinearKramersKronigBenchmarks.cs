using System.Numerics;
using BenchmarkDotNet.Attributes;
using Electrochem.Impedance;
using MathNet.Numerics.LinearAlgebra;

namespace Electrochem.Benchmarks;

/// <summary>
/// The Lin-KK test with automatic M (c = 0.85, real-part fit) on a 60-point spectrum of R0-p(R1,CPE1)-p(R2,CPE2) with
/// 0.3 % noise: Electrochem's <see cref="LinearKramersKronig"/> vs a naive port (complex arithmetic per point, the
/// design built as Complex values, MathNet's generic <c>PseudoInverse()</c> for every M) — what a line-by-line
/// translation of impedance.py does.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LinearKramersKronigTest
{
    private ImpedanceSpectrum _spectrum = null!;

    /// <summary>The synthetic 60-point spectrum, or impedance.py's Circuit3_EIS_1.z (ZPlot, read by the library's reader).</summary>
    [Params("synthetic", "Circuit3_EIS_1.z")]
    public string Spectrum { get; set; } = "synthetic";

    [GlobalSetup]
    public void Setup()
    {
        if (Spectrum != "synthetic")
        {
            _spectrum = global::Electrochem.IO.Impedance.ImpedanceFile.Read(Path.Combine(AppContext.BaseDirectory, Spectrum)).Spectrum;
            return;
        }

        double[] f = Enumerable.Range(0, 60).Select(i => Math.Pow(10, 5 - (7.0 * i / 59))).ToArray();
        var random = new Random(SyntheticData.Seed);
        Circuit circuit = Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)");
        double[] theta = [20, 100, 2e-6, 0.9, 300, 1e-3, 0.8];
        Complex[] z = f.Select(x =>
        {
            Complex value = circuit.Impedance(2 * Math.PI * x, theta);
            return value * (1 + (0.003 * ((2 * random.NextDouble()) - 1)));
        }).ToArray();
        _spectrum = ImpedanceSpectrum.FromComplex(f, z);
    }

    [Benchmark(Baseline = true, Description = "Naive port (Complex, PseudoInverse per M)")]
    public int Naive()
    {
        double[] f = _spectrum.Frequency.ToArray();
        Complex[] z = Enumerable.Range(0, f.Length).Select(i => _spectrum[i]).ToArray();
        double tauMin = 1 / (2 * Math.PI * f.Max());
        double tauMax = 1 / (2 * Math.PI * f.Min());
        double mu = 1;
        int m = 0;
        while (mu > 0.85 && m < 50)
        {
            m++;
            double[] tau = Enumerable.Range(0, m).Select(k => m == 1 ? tauMax : Math.Pow(10, Math.Log10(tauMin) + (k * Math.Log10(tauMax / tauMin) / (m - 1)))).ToArray();
            Matrix<double> a = Matrix<double>.Build.Dense(f.Length, m + 1, (i, j) =>
                j == 0 ? 1 / z[i].Magnitude : (1 / (1 + (Complex.ImaginaryOne * 2 * Math.PI * f[i] * tau[j - 1]))).Real / z[i].Magnitude);
            MathNet.Numerics.LinearAlgebra.Vector<double> b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(f.Length, i => z[i].Real / z[i].Magnitude);
            MathNet.Numerics.LinearAlgebra.Vector<double> x = a.PseudoInverse() * b;
            double negative = x.Skip(1).Where(r => r < 0).Sum(r => -r);
            double positive = x.Skip(1).Where(r => r >= 0).Sum();
            mu = 1 - (negative / positive);
        }

        return m;
    }

    [Benchmark(Description = "Electrochem LinearKramersKronig.Test, μ criterion (the same work)")]
    public int Electrochem() => LinearKramersKronig.Test(_spectrum, LinearKramersKronigOptions.Default with { Selection = KramersKronigSelection.MuCriterion }).ElementCount;

    [Benchmark(Description = "Electrochem LinearKramersKronig.Test, automatic M (default: every M ≤ N/2, with and without C)")]
    public int ElectrochemAutomatic() => LinearKramersKronig.Test(_spectrum).ElementCount;
}
