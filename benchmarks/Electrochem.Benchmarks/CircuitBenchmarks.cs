using System.Numerics;
using BenchmarkDotNet.Attributes;
using Electrochem.Impedance;

namespace Electrochem.Benchmarks;

/// <summary>
/// Evaluating R0-p(R1,CPE1)-Wo1 over N angular frequencies (log-spaced, 10 mHz–100 kHz): a naive System.Numerics.Complex
/// scalar loop (Complex.Pow, Complex.Sqrt, Complex.Tanh; the baseline) vs Electrochem's compiled circuit, with and
/// without the analytic Jacobian (6 parameters).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CircuitEvaluation
{
    private static readonly double[] Theta = [0.02, 0.05, 2e-3, 0.85, 0.1, 8];
    private readonly CompiledCircuit _kernel = Circuit.Parse("R0-p(R1,CPE1)-Wo1").Compile();
    private double[] _omega = [];
    private double[] _real = [];
    private double[] _imaginary = [];
    private double[] _jacobianReal = [];
    private double[] _jacobianImaginary = [];

    /// <summary>Points; 3 079 = 12·256 + 7 leaves a tail after the 256-point blocks and the 4-wide vectors.</summary>
    [Params(3_079, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _omega = new double[N];
        for (int i = 0; i < N; i++)
        {
            _omega[i] = 2 * Math.PI * Math.Pow(10, -2 + (7.0 * i / (N - 1)));
        }

        _real = new double[N];
        _imaginary = new double[N];
        _jacobianReal = new double[N * Theta.Length];
        _jacobianImaginary = new double[N * Theta.Length];
    }

    [Benchmark(Baseline = true, Description = "Naive Complex loop")]
    public double Naive()
    {
        double r0 = Theta[0], r1 = Theta[1], q = Theta[2], alpha = Theta[3], z0 = Theta[4], tau = Theta[5];
        for (int i = 0; i < _omega.Length; i++)
        {
            Complex jw = new(0, _omega[i]);
            Complex cpe = 1 / (q * Complex.Pow(jw, alpha));
            Complex u = Complex.Sqrt(jw * tau);
            Complex z = r0 + (1 / ((1 / r1) + (1 / cpe))) + (z0 / (u * Complex.Tanh(u)));
            _real[i] = z.Real;
            _imaginary[i] = z.Imaginary;
        }

        return _real[^1];
    }

    [Benchmark(Description = "Electrochem CompiledCircuit.Evaluate")]
    public double Evaluate()
    {
        _kernel.Evaluate(_omega, Theta, _real, _imaginary);
        return _real[^1];
    }

    [Benchmark(Description = "Electrochem EvaluateWithJacobian (6 params)")]
    public double EvaluateWithJacobian()
    {
        _kernel.EvaluateWithJacobian(_omega, Theta, _real, _imaginary, _jacobianReal, _jacobianImaginary);
        return _jacobianReal[^1];
    }
}
