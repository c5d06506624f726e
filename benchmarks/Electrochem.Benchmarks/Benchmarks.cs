using BenchmarkDotNet.Attributes;
using Electrochem.Fitting;

namespace Electrochem.Benchmarks;

/// <summary>Arrhenius fit: Electrochem vs the naive log-loop + MathNet Fit.Line (baseline) vs MathNet's general LM in σ.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ArrheniusFit
{
    private double[] _t = [];
    private double[] _sigma = [];

    /// <summary>Points; 3 079 = 6·512 + 7 exercises the vector tails and the 512-point blocks.</summary>
    [Params(10, 1_000, 3_079, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => (_t, _sigma) = SyntheticData.Arrhenius(N);

    [Benchmark(Baseline = true, Description = "Naive loops + MathNet Fit.Line")]
    public double Naive() => Competitors.NaiveArrhenius(_t, _sigma).Ea;

    [Benchmark(Description = "Electrochem Arrhenius.Fit")]
    public double Electrochem() => Competitors.ElectrochemArrhenius(_t, _sigma)["ActivationEnergy"].Value;

    [Benchmark(Description = "MathNet LM on σ = A·exp(−Ea/kT)")]
    public double MathNetNonlinear() => Competitors.MathNetArrhenius(_t, _sigma).MinimizingPoint[1];
}

/// <summary>VTF fit: MathNet's LM from a fixed start (baseline) vs Electrochem (profiled start + bounded LM).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class VtfFit
{
    private double[] _t = [];
    private double[] _sigma = [];

    [Params(10, 1_000, 3_079, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => (_t, _sigma) = SyntheticData.Vtf(N);

    [Benchmark(Baseline = true, Description = "MathNet LM, log space, fixed start")]
    public double MathNet() => Competitors.MathNetVtf(_t, _sigma).MinimizingPoint[2];

    [Benchmark(Description = "Electrochem VogelTammannFulcher.Fit")]
    public double Electrochem() => Competitors.ElectrochemVtf(_t, _sigma)["IdealGlassTransitionTemperature"].Value;
}

/// <summary>Engine decision: the same 3-parameter decay with analytic Jacobian, MathNet's LM (baseline) vs ours.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class EngineDecay
{
    private double[] _t = [];
    private double[] _y = [];
    private NonlinearModel? _model;

    [Params(100, 3_079, 10_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_t, _y) = SyntheticData.Decay(N);
        _model = Competitors.DecayModel(_t);
    }

    [Benchmark(Baseline = true, Description = "MathNet LevenbergMarquardtMinimizer")]
    public double MathNet() => Competitors.MathNetDecay(_t, _y).MinimizingPoint[1];

    [Benchmark(Description = "Electrochem NonlinearLeastSquares.Fit")]
    public double Electrochem() => Competitors.ElectrochemDecay(_model!, _y)["tau"].Value;
}
