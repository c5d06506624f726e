using BenchmarkDotNet.Attributes;
using Electrochem.Benchmarks.Baselines;
using Electrochem.Fitting;
using Electrochem.Impedance;

namespace Electrochem.Benchmarks;

/// <summary>
/// One circuit fit by the engine as it was (Nielsen's damping, <see cref="NielsenLevenbergMarquardt"/>) and as it is
/// (trust region with the secant term, <see cref="NonlinearLeastSquares.FitComplex"/>), on the same model, data,
/// weights and start. <c>--iterations</c> prints both engines' model evaluations and χ² over more cases.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CircuitFitIterations
{
    private FitCase _case = null!;

    /// <summary>The case (see <see cref="FitCase.All"/>).</summary>
    [Params("getting-started", "randles-cpe", "two-cpe-modulus")]
    public string Case { get; set; } = "getting-started";

    [GlobalSetup]
    public void Setup() => _case = FitCase.All().Single(c => c.Name == Case);

    [Benchmark(Baseline = true, Description = "Nielsen damping (before)")]
    public double Before() => _case.Before().ChiSquare;

    [Benchmark(Description = "trust region + secant (now)")]
    public double Now() => _case.Now().Statistics.ChiSquare;
}

/// <summary>A circuit, spectrum, weighting and start, fitted by either engine.</summary>
public sealed class FitCase
{
    private readonly NonlinearModel _model;
    private readonly double[] _stacked;
    private readonly double[] _stackedWeights;
    private readonly double[] _real;
    private readonly double[] _imaginary;
    private readonly double[] _weightsReal;
    private readonly double[] _weightsImaginary;
    private readonly double[] _start;

    public FitCase(string name, Circuit circuit, ImpedanceSpectrum spectrum, ImpedanceWeighting weighting, double[]? start)
    {
        Name = name;
        int n = spectrum.Count;
        _weightsReal = new double[n];
        _weightsImaginary = new double[n];
        ImpedanceWeights.Compute(spectrum, weighting, _weightsReal, _weightsImaginary);
        _real = [.. spectrum.Real];
        _imaginary = [.. spectrum.Imaginary];
        _stacked = [.. _real, .. _imaginary];
        _stackedWeights = [.. _weightsReal, .. _weightsImaginary];
        _model = circuit.Compile().ToNonlinearModel(spectrum);
        // The automatic start is the one CircuitModel.Fit reports having used.
        _start = start ?? [.. CircuitModel.Fit(circuit, spectrum, CircuitFitOptions.Default with { Weighting = weighting }).Model.InitialValues];
    }

    public string Name { get; }

    public (double[] Theta, double ChiSquare, int Iterations) Before(NonlinearFitOptions? options = null) =>
        NielsenLevenbergMarquardt.Fit(_model, _stacked, _stackedWeights, _start, options ?? NielsenLevenbergMarquardt.Options);

    public FitResult Now(NonlinearFitOptions? options = null) =>
        NonlinearLeastSquares.FitComplex(_model, _real, _imaginary, _start, _weightsReal, _weightsImaginary, options ?? CircuitFitOptions.DefaultSolver);

    /// <summary>impedance.py's fits on exampleData.csv (Z″ &lt; 0 points) from its own guesses and from ours.</summary>
    public static IEnumerable<FitCase> All()
    {
        ImpedanceSpectrum data = ExampleData.Read().WithoutInductivePoints();
        Circuit gettingStarted = Circuit.Parse("R0-p(R1,C1)-p(R2-Wo1,C2)");
        Circuit twoCpe = Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)");
        yield return new("getting-started", gettingStarted, data, ImpedanceWeighting.Unit, [.01, .01, 100, .01, .05, 100, 1]);
        yield return new("getting-started-modulus", gettingStarted, data, ImpedanceWeighting.Modulus, [.01, .01, 100, .01, .05, 100, 1]);
        yield return new("getting-started-auto", gettingStarted, data, ImpedanceWeighting.Unit, null);
        yield return new("randles", Circuit.Parse("R0-p(R1,C1)-Wo1"), data, ImpedanceWeighting.Unit, [.01, .005, .1, .01, 200]);
        yield return new("randles-cpe", Circuit.Parse("R0-p(R1,CPE1)-Wo1"), data, ImpedanceWeighting.Unit, [.01, .005, .1, .9, .01, 200]);
        yield return new("two-cpe-unit", twoCpe, data, ImpedanceWeighting.Unit, null);
        yield return new("two-cpe-modulus", twoCpe, data, ImpedanceWeighting.Modulus, null);
    }

    /// <summary>
    /// <c>--iterations</c>: model evaluations and χ² of both engines on every case, then over 1,000 spectra of the batch
    /// benchmark's generator (the median, mean and largest counts, in how many spectra the new χ² is higher by more
    /// than 1e-12 relative, and why the new engine stopped).
    /// </summary>
    public static void PrintComparison()
    {
        Console.WriteLine("| case | before: evaluations | now: evaluations | before: χ² | now: χ² |");
        Console.WriteLine("|---|--:|--:|--:|--:|");
        var caseBefore = new List<int>();
        var caseNow = new List<int>();
        foreach (FitCase c in All())
        {
            var before = c.Before();
            FitResult now = c.Now();
            caseBefore.Add(before.Iterations);
            caseNow.Add(now.Iterations);
            Console.WriteLine($"| {c.Name} | {before.Iterations} | {now.Iterations} | {before.ChiSquare:G12} | {now.Statistics.ChiSquare:G12} |");
        }

        Console.WriteLine($"| **median** | **{Median(caseBefore)}** | **{Median(caseNow)}** ({(double)Median(caseBefore) / Median(caseNow):F2}×) | | |");

        var circuit = Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)");
        var beforeCounts = new List<int>();
        var nowCounts = new List<int>();
        int higher = 0;
        var reasons = new Dictionary<string, int>();
        foreach (ImpedanceSpectrum spectrum in CircuitBatchFitting.Generate(circuit, 1_000))
        {
            var c = new FitCase("batch", circuit, spectrum, ImpedanceWeighting.Modulus, null);
            var before = c.Before();
            FitResult now = c.Now();
            beforeCounts.Add(before.Iterations);
            nowCounts.Add(now.Iterations);
            string reason = now.StatusReason.Split(" (")[0].Split(" =")[0];
            reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            higher += now.Statistics.ChiSquare > before.ChiSquare * (1 + 1e-12) ? 1 : 0;
        }

        Console.WriteLine($"batch, 1,000 spectra: before median {Median(beforeCounts)}, mean {beforeCounts.Average():F1}, max {beforeCounts.Max()}; now median {Median(nowCounts)}, mean {nowCounts.Average():F1}, max {nowCounts.Max()} ({(double)Median(beforeCounts) / Median(nowCounts):F2}×); now χ² higher than before by > 1e-12 relative in {higher}");
        foreach ((string reason, int count) in reasons.OrderByDescending(r => r.Value))
        {
            Console.WriteLine($"  now stopped because {reason}: {count}");
        }
    }

    private static int Median(List<int> counts) => counts.Order().ElementAt(counts.Count / 2);
}
