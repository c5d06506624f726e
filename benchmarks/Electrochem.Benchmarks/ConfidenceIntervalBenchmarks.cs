using BenchmarkDotNet.Attributes;
using Electrochem.Fitting;
using Electrochem.Impedance;

namespace Electrochem.Benchmarks;

/// <summary>
/// The Student-t quantile behind every fit's confidence intervals, through the public path
/// (<see cref="FitResult.ConfidenceInterval"/> of one parameter of a 60-point two-arc circuit fit, ν = 113) beside
/// Math.NET's general inverse (<c>StudentT.InvCDF</c>, root-bracketing on the CDF), which the library used until
/// 2026-12-04, and beside the whole fit the quantile is part of.
/// </summary>
[ShortRunJob]
public class ConfidenceIntervals
{
    private readonly Circuit _circuit = Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)");
    private ImpedanceSpectrum _spectrum = null!;
    private FitResult _fit = null!;

    [GlobalSetup]
    public void Setup()
    {
        _spectrum = CircuitBatchFitting.Generate(_circuit, 1)[0];
        _fit = CircuitModel.Fit(_circuit, _spectrum);
    }

    [Benchmark(Baseline = true, Description = "Math.NET StudentT.InvCDF (before)")]
    public double GeneralInverse() => MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, _fit.Statistics.DegreesOfFreedom, 0.975);

    [Benchmark(Description = "FitResult.ConfidenceInterval (now)")]
    public double Interval() => _fit.ConfidenceInterval("R2", 0.95).Upper;

    [Benchmark(Description = "the whole fit")]
    public double WholeFit() => CircuitModel.Fit(_circuit, _spectrum).Statistics.ChiSquare;
}
