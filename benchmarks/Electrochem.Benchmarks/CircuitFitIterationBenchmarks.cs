using BenchmarkDotNet.Attributes;
using Electrochem.Benchmarks.Baselines;
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.Shared;

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

/// <summary>
/// A circuit, spectrum, weighting and start, fitted by either engine. Given no start, it fits from the automatic guess:
/// the old engine from the guess as it was (each arc read at its apex, <see cref="CircuitInitialGuess.EstimateFromApexes"/>, identical to the guess before issue #15 §3 on every spectrum tried), the library from its own.
/// </summary>
public sealed class FitCase
{
    private readonly Circuit _circuit;
    private readonly ImpedanceSpectrum _spectrum;
    private readonly CircuitFitOptions _options;
    private readonly NonlinearModel _model;
    private readonly double[] _stacked;
    private readonly double[] _stackedWeights;
    private readonly double[] _startBefore;

    /// <summary>True when the case starts from the automatic guess (so the library may also try its second start).</summary>
    private readonly bool _automatic;

    public FitCase(string name, Circuit circuit, ImpedanceSpectrum spectrum, ImpedanceWeighting weighting, double[]? start)
    {
        Name = name;
        _circuit = circuit;
        _spectrum = spectrum;
        _options = CircuitFitOptions.Default with { Weighting = weighting };
        if (start is not null)
        {
            _options = _options.WithInitialGuess(circuit, start);
        }

        // The old engine takes real and imaginary parts stacked, and their weights likewise.
        int n = spectrum.Count;
        _stackedWeights = new double[2 * n];
        ImpedanceWeights.Compute(spectrum, weighting, _stackedWeights.AsSpan(0, n), _stackedWeights.AsSpan(n, n));
        _stacked = [.. spectrum.Real, .. spectrum.Imaginary];
        _model = circuit.Compile().ToNonlinearModel(spectrum);
        _startBefore = start ?? [.. CircuitInitialGuess.EstimateFromApexes(circuit, spectrum)];
        _automatic = start is null;
    }

    public string Name { get; }

    /// <summary>The old engine from the old start: the code as it was.</summary>
    public (double[] Theta, double ChiSquare, int Iterations) Before(NonlinearFitOptions? options = null) =>
        NielsenLevenbergMarquardt.Fit(_model, _stacked, _stackedWeights, _startBefore, options ?? NielsenLevenbergMarquardt.Options);

    /// <summary>The library as it is: <see cref="CircuitModel.Fit"/> with the case's weighting and start.</summary>
    public FitResult Now() => CircuitModel.Fit(_circuit, _spectrum, _options);

    /// <summary>
    /// The model evaluations <see cref="Now"/> spends: its first fit's, plus its second start's when the first did not
    /// converge (<see cref="CircuitFitOptions.SecondAutomaticStart"/>; the result reports only the kept fit's count).
    /// </summary>
    public int NowEvaluations()
    {
        FitResult first = CircuitModel.Fit(_circuit, _spectrum, _options with { SecondAutomaticStart = false });
        if (!_automatic || first.Status == FitStatus.Converged)
        {
            return first.Iterations;
        }

        double[] second = [.. CircuitInitialGuess.EstimateFromApexes(_circuit, _spectrum)];
        return second.SequenceEqual(CircuitInitialGuess.Estimate(_circuit, _spectrum))
            ? first.Iterations
            : first.Iterations + CircuitModel.Fit(_circuit, _spectrum, _options.WithInitialGuess(_circuit, second)).Iterations;
    }

    /// <summary>
    /// The library from the old start, always with the cautious λ₀ = 0.1 and no second start: the code before the guess
    /// and damping changes of issue #15 §3 (the new engine alone).
    /// </summary>
    public FitResult NowFromOldGuess() =>
        CircuitModel.Fit(_circuit, _spectrum, _options.WithInitialGuess(_circuit, _startBefore) with { Solver = CircuitFitOptions.DefaultSolver with { CloseStartResidual = 0 } });

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
    /// <c>--iterations</c>: model evaluations and χ² on every case — the old engine from the old automatic guess (the
    /// code as it was), the new engine from the old guess, and the new engine from the new guess (the code as it is);
    /// the three are the same start where the case gives one — then the same over 1,000 spectra of the batch
    /// benchmark's generator, and over 1,000 with varied exponents (median, mean and largest counts; in how many spectra
    /// χ² is higher, or lower, than before by more than 1e-12 relative; why the new engine stopped).
    /// </summary>
    public static void PrintComparison()
    {
        Console.WriteLine("| case | before: evaluations | now, old guess | now | before: χ² | now, old guess: χ² | now: χ² |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|");
        var caseCounts = new Counts();
        foreach (FitCase c in All())
        {
            (int before, int oldGuess, int now, double beforeChiSquare, double oldGuessChiSquare, double nowChiSquare) = caseCounts.Add(c);
            Console.WriteLine($"| {c.Name} | {before} | {oldGuess} | {now} | {beforeChiSquare:G12} | {oldGuessChiSquare:G12} | {nowChiSquare:G12} |");
        }

        Console.WriteLine($"| **median** | **{Median(caseCounts.Before)}** | **{Median(caseCounts.OldGuess)}** | **{Median(caseCounts.Now)}** ({(double)Median(caseCounts.Before) / Median(caseCounts.Now):F2}×) | | | |");
        Console.WriteLine($"impedance.py cases: now χ² higher than before by > 1e-12 relative in {caseCounts.Higher}");

        var circuit = Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)");
        PrintBatch("batch, 1,000 spectra", circuit, CircuitBatchFitting.Generate(circuit, 1_000));
        PrintBatch("the same with exponents drawn from [0.8, 1] and [0.7, 0.95] instead of 0.9 and 0.8", circuit, CircuitBatchFitting.Generate(circuit, 1_000, variedExponents: true));
        PrintRealFiles();
    }

    /// <summary>
    /// Every real spectrum (inductive points dropped, modulus weighting, automatic start) with every circuit of
    /// <see cref="RealSpectra.Circuits"/>: 63 fits. Real arcs overlap, are not Zarcs and carry diffusion tails, so this is
    /// where a guess or damping tuned on the synthetic batch can mislead; χ² is compared at 1e-6 relative (fits that end
    /// on a bound or a singular Jacobian agree only to a few digits from different starts).
    /// </summary>
    private static void PrintRealFiles()
    {
        var counts = new Counts(1e-6);
        var worse = new List<string>();
        foreach (string circuitText in RealSpectra.Circuits)
        {
            Circuit circuit = Circuit.Parse(circuitText);
            foreach (string file in RealSpectra.Files)
            {
                ImpedanceSpectrum spectrum = Electrochem.IO.Impedance.ImpedanceFile.Read(Path.Combine(AppContext.BaseDirectory, "eis", file)).Spectrum.WithoutInductivePoints();
                var c = new FitCase(file, circuit, spectrum, ImpedanceWeighting.Modulus, null);
                (_, _, _, double before, double oldGuess, double now) = counts.Add(c);
                if (now > Math.Min(before, oldGuess) * (1 + 1e-6))
                {
                    worse.Add($"  {circuitText} on {file}: now {now:G6}, before {before:G6}, new engine from the old guess {oldGuess:G6}");
                }
            }
        }

        Console.WriteLine("real spectra, 21 files × 3 circuits (modulus weighting, automatic start):");
        Console.WriteLine($"  before (old engine, old guess): {Summary(counts.Before)}");
        Console.WriteLine($"  new engine, old guess, λ₀ 0.1:  {Summary(counts.OldGuess)}; χ² higher than before by > 1e-6 relative in {counts.OldGuessHigher}, lower in {counts.OldGuessLower}");
        Console.WriteLine($"  now (both starts' evaluations): {Summary(counts.Now)}; χ² higher than before in {counts.Higher}, lower in {counts.Lower}; than the new engine from the old guess higher in {counts.HigherThanOldGuess}, lower in {counts.LowerThanOldGuess}");
        foreach (string line in worse)
        {
            Console.WriteLine(line);
        }
    }

    private static void PrintBatch(string title, Circuit circuit, List<ImpedanceSpectrum> spectra)
    {
        var batch = new Counts();
        foreach (ImpedanceSpectrum spectrum in spectra)
        {
            batch.Add(new FitCase("batch", circuit, spectrum, ImpedanceWeighting.Modulus, null));
        }

        Console.WriteLine($"{title}:");
        Console.WriteLine($"  before (old engine, old guess): {Summary(batch.Before)}");
        Console.WriteLine($"  new engine, old guess:          {Summary(batch.OldGuess)} ({(double)Median(batch.Before) / Median(batch.OldGuess):F2}×); χ² higher than before by > 1e-12 relative in {batch.OldGuessHigher}, lower in {batch.OldGuessLower}");
        Console.WriteLine($"  now (new engine, new guess):    {Summary(batch.Now)} ({(double)Median(batch.Before) / Median(batch.Now):F2}×); χ² higher than before by > 1e-12 relative in {batch.Higher}, lower in {batch.Lower}");
        foreach ((string reason, int count) in batch.Reasons.OrderByDescending(r => r.Value))
        {
            Console.WriteLine($"  now stopped because {reason}: {count}");
        }
    }

    private static string Summary(List<int> counts) => $"median {Median(counts)}, mean {counts.Average():F2}, max {counts.Max()}";

    private static int Median(List<int> counts) => counts.Order().ElementAt(counts.Count / 2);

    /// <summary>Evaluation counts of the three fits over a set of cases, the χ² checks and the new engine's stopping reasons.</summary>
    private sealed class Counts(double tolerance = 1e-12)
    {
        public List<int> Before { get; } = [];

        public List<int> OldGuess { get; } = [];

        public List<int> Now { get; } = [];

        public int Higher { get; private set; }

        public int OldGuessHigher { get; private set; }

        public int Lower { get; private set; }

        public int OldGuessLower { get; private set; }

        public int HigherThanOldGuess { get; private set; }

        public int LowerThanOldGuess { get; private set; }

        public Dictionary<string, int> Reasons { get; } = [];

        public (int Before, int OldGuess, int Now, double BeforeChiSquare, double OldGuessChiSquare, double NowChiSquare) Add(FitCase c)
        {
            var before = c.Before();
            FitResult oldGuess = c.NowFromOldGuess();
            FitResult now = c.Now();
            Before.Add(before.Iterations);
            OldGuess.Add(oldGuess.Iterations);
            Now.Add(c.NowEvaluations());
            OldGuessHigher += oldGuess.Statistics.ChiSquare > before.ChiSquare * (1 + tolerance) ? 1 : 0;
            Higher += now.Statistics.ChiSquare > before.ChiSquare * (1 + tolerance) ? 1 : 0;
            OldGuessLower += oldGuess.Statistics.ChiSquare < before.ChiSquare * (1 - tolerance) ? 1 : 0;
            Lower += now.Statistics.ChiSquare < before.ChiSquare * (1 - tolerance) ? 1 : 0;
            HigherThanOldGuess += now.Statistics.ChiSquare > oldGuess.Statistics.ChiSquare * (1 + tolerance) ? 1 : 0;
            LowerThanOldGuess += now.Statistics.ChiSquare < oldGuess.Statistics.ChiSquare * (1 - tolerance) ? 1 : 0;
            string reason = now.StatusReason.Split(" (")[0].Split(" =")[0];
            Reasons[reason] = Reasons.GetValueOrDefault(reason) + 1;
            return (before.Iterations, oldGuess.Iterations, now.Iterations, before.ChiSquare, oldGuess.Statistics.ChiSquare, now.Statistics.ChiSquare);
        }
    }
}
