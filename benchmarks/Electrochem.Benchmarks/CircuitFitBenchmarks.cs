using BenchmarkDotNet.Attributes;
using Electrochem.Fitting;
using Electrochem.Impedance;

namespace Electrochem.Benchmarks;

/// <summary>
/// impedance.py's getting-started fit: R0-p(R1,C1)-p(R2-Wo1,C2) on exampleData.csv (Z″ &lt; 0 points, unweighted) from
/// its README guess [.01, .01, 100, .01, .05, 100, 1]. Baseline: the same Levenberg–Marquardt fit with a
/// forward-difference Jacobian instead of the circuit's analytic one.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CircuitFitting
{
    private static readonly double[] Guess = [.01, .01, 100, .01, .05, 100, 1];
    private readonly Circuit _circuit = Circuit.Parse("R0-p(R1,C1)-p(R2-Wo1,C2)");
    private ImpedanceSpectrum _spectrum = null!;
    private CircuitFitOptions _options = null!;
    private NonlinearModel _finiteDifferenceModel = null!;

    [GlobalSetup]
    public void Setup()
    {
        _spectrum = ExampleData.Read().WithoutInductivePoints();
        _options = (CircuitFitOptions.Default with { Weighting = ImpedanceWeighting.Unit }).WithInitialGuess(_circuit, Guess);
        _finiteDifferenceModel = _circuit.Compile().ToNonlinearModel(_spectrum) with { Jacobian = null };
    }

    [Benchmark(Baseline = true, Description = "LM, finite-difference Jacobian")]
    public double FiniteDifference() =>
        NonlinearLeastSquares.FitComplex(_finiteDifferenceModel, _spectrum.Real, _spectrum.Imaginary, Guess, options: CircuitFitOptions.DefaultSolver).Statistics.ChiSquare;

    [Benchmark(Description = "CircuitModel.Fit, analytic Jacobian")]
    public double Analytic() => CircuitModel.Fit(_circuit, _spectrum, _options).Statistics.ChiSquare;
}
