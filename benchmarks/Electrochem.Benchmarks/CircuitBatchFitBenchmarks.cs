using BenchmarkDotNet.Attributes;
using Electrochem.Impedance;

namespace Electrochem.Benchmarks;

/// <summary>
/// Batch-fitting synthetic 60-point spectra (100 kHz–10 mHz, 0.5 % noise) of R0-p(R1,CPE1)-p(R2,CPE2) with automatic
/// guesses, as a cycling study would: CircuitBatchFit.FitMany on all cores vs the baseline, the same fits one after
/// another on one thread; and CircuitBatchFit.FitEach, which hands each result over to be summarised instead of keeping
/// them all, on one thread and on all cores.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CircuitBatchFitting
{
    private readonly Circuit _circuit = Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)");
    private List<ImpedanceSpectrum> _spectra = [];

    [Params(10_000)]
    public int Spectra { get; set; }

    [GlobalSetup]
    public void Setup() => _spectra = Generate(_circuit, Spectra);

    /// <summary>
    /// Synthetic 60-point spectra of <paramref name="circuit"/> (seeded): θ scattered ×e^±0.3 around 5 Ω, 50 Ω, 1e-6,
    /// 0.9, 200 Ω, 1e-3, 0.8, with 0.5 % Gaussian noise on Z′ and Z″ relative to |Z|. With
    /// <paramref name="variedExponents"/>, the exponents are drawn uniformly from [0.8, 1] and [0.7, 0.95] instead of
    /// being 0.9 and 0.8 (the first is then not the automatic guess's former fixed 0.9).
    /// </summary>
    public static List<ImpedanceSpectrum> Generate(Circuit circuit, int count, bool variedExponents = false)
    {
        var random = new Random(20);
        var spectra = new List<ImpedanceSpectrum>(count);
        for (int k = 0; k < count; k++)
        {
            double[] theta = [5 * Scatter(random), 50 * Scatter(random), 1e-6 * Scatter(random), 0.9, 200 * Scatter(random), 1e-3 * Scatter(random), 0.8];
            if (variedExponents)
            {
                theta[3] = 0.8 + (0.2 * random.NextDouble());
                theta[6] = 0.7 + (0.25 * random.NextDouble());
            }

            spectra.Add(Synthesize(circuit, theta, random));
        }

        return spectra;
    }

    [Benchmark(Baseline = true, Description = "CircuitModel.Fit, one thread")]
    public int Sequential()
    {
        int converged = 0;
        foreach (ImpedanceSpectrum spectrum in _spectra)
        {
            converged += CircuitModel.Fit(_circuit, spectrum).Converged ? 1 : 0;
        }

        return converged;
    }

    /// <summary>The same batch call on one thread: it keeps every result as the parallel call does, so the two differ only in threads.</summary>
    [Benchmark(Description = "CircuitBatchFit.FitMany, one thread")]
    public int OneThread() => CircuitBatchFit.FitMany(_circuit, _spectra, maxDegreeOfParallelism: 1).Count(o => o.Succeeded && o.Result!.Converged);

    [Benchmark(Description = "CircuitBatchFit.FitMany, all cores")]
    public int Parallel() => CircuitBatchFit.FitMany(_circuit, _spectra).Count(o => o.Succeeded && o.Result!.Converged);

    /// <summary>The streaming call on one thread, each outcome summarised as a row (R2 and χ²) as it comes: the baseline for its threads.</summary>
    [Benchmark(Description = "CircuitBatchFit.FitEach (rows), one thread")]
    public int EachOneThread() => FitEachIntoRows(1);

    [Benchmark(Description = "CircuitBatchFit.FitEach (rows), all cores")]
    public int EachParallel() => FitEachIntoRows(-1);

    private int FitEachIntoRows(int threads)
    {
        var resistance = new double[_spectra.Count];
        var chiSquare = new double[_spectra.Count];
        int converged = 0;
        CircuitBatchFit.FitEach(_circuit, _spectra, o =>
        {
            if (o.Result is { } fit)
            {
                resistance[o.Index] = fit["R2"].Value;
                chiSquare[o.Index] = fit.Statistics.ChiSquare;
                converged += fit.Converged ? 1 : 0;
            }
        }, maxDegreeOfParallelism: threads);
        return converged;
    }

    private static double Scatter(Random random) => Math.Exp((random.NextDouble() - 0.5) * 0.6);

    private static ImpedanceSpectrum Synthesize(Circuit circuit, double[] theta, Random random)
    {
        const int n = 60;
        var f = new double[n];
        var re = new double[n];
        var im = new double[n];
        for (int i = 0; i < n; i++)
        {
            f[i] = 1e5 * Math.Pow(1e-7, i / (n - 1.0));
            System.Numerics.Complex z = circuit.Impedance(2 * Math.PI * f[i], theta);
            re[i] = z.Real + (0.005 * z.Magnitude * Gaussian(random));
            im[i] = z.Imaginary + (0.005 * z.Magnitude * Gaussian(random));
        }

        return new ImpedanceSpectrum(f, re, im);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
