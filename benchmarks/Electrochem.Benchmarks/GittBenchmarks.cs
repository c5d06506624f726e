using BenchmarkDotNet.Attributes;
using Electrochem.Cycling;
using Electrochem.Diffusion;
using MathNet.Numerics.LinearAlgebra;

namespace Electrochem.Benchmarks;

/// <summary>
/// A 1,000,000-sample GITT recording (100 charge pulses of 600 s and 4,400 s rests of a 10 µm film, sampled every
/// 0.5 s) segmented and analysed: <c>GittAnalysis.Analyse</c> (pulses, E₀/E(0⁺)/E(τ)/E_s, drift and scatter, √t fit
/// with errors, D in both forms with uncertainty, expected bias, bias-corrected D, concerns) vs the script a
/// researcher writes (the baseline: rows tagged with LINQ, runs gathered into lists, per pulse E₀, E_s and the first
/// and last pulse voltage, Math.NET's Fit.Line for the √t slope, and D by Weppner–Huggins — no uncertainties, no checks).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 10)]
public class GittAnalysing
{
    private const double Length = 1e-5;
    private CyclerRecording _recording = null!;
    private double[] _time = [];
    private double[] _current = [];
    private double[] _voltage = [];

    [GlobalSetup]
    public void Setup()
    {
        var film = new InsertionElectrode(DiffusionGeometry.Planar, Length, 1e-4, 50_000, 0.9, Diffusivity.Constant(1e-14), OpenCircuitCurve.Linear(4.0, -1.0), ChargingDirection.Extraction) { SeriesResistanceOhms = 20 };
        double amperes = 0.005 * film.AmpereHoursPerUnitStoichiometry * 3600 / 600;
        _recording = TitrationSimulator.Simulate(film, TitrationProgram.Gitt(amperes, 600, 4400, 100), new DiffusionSolverOptions { MaximumTimeStepSeconds = 0.5 }).Recording;
        _time = _recording.TestTime.Values.ToArray();
        _current = _recording.Current.Values.ToArray();
        _voltage = _recording.Voltage.Values.ToArray();
    }

    [Benchmark(Baseline = true, Description = "script: LINQ runs + Fit.Line per pulse")]
    public double Script()
    {
        double threshold = 0.05 * _current.Max(Math.Abs);
        var rows = Enumerable.Range(0, _time.Length).Select(i => (Row: i, State: _current[i] > threshold ? 1 : _current[i] < -threshold ? -1 : 0)).ToList();
        var runs = new List<(int State, List<int> Rows)>();
        foreach (var r in rows)
        {
            if (runs.Count == 0 || runs[^1].State != r.State)
            {
                runs.Add((r.State, new List<int>()));
            }

            runs[^1].Rows.Add(r.Row);
        }

        double sum = 0;
        for (int k = 1; k + 1 < runs.Count; k++)
        {
            if (runs[k].State == 0)
            {
                continue;
            }

            List<int> pulse = runs[k].Rows;
            double e0 = _voltage[runs[k - 1].Rows[^1]], es = _voltage[runs[k + 1].Rows[^1]];
            double start = _time[pulse[0]] - (_time[pulse[1]] - _time[pulse[0]]);
            double tau = _time[runs[k + 1].Rows[0]] - start;
            double[] x = [.. pulse.Select(i => Math.Sqrt(_time[i] - start))];
            double[] y = [.. pulse.Select(i => _voltage[i])];
            (double intercept, double _) = MathNet.Numerics.Fit.Line(x, y);
            double et = _voltage[pulse[^1]] - intercept;
            sum += 4 / (Math.PI * tau) * Length * Length * Math.Pow((es - e0) / et, 2);
        }

        return sum;
    }

    [Benchmark(Description = "GittAnalysis.Analyse (with D, uncertainties, bias, concerns)")]
    public double Library()
    {
        GittTitration t = GittAnalysis.Analyse(_recording, new GittOptions { DiffusionLengthMetres = Length });
        double sum = 0;
        foreach (GittPulse p in t.Pulses)
        {
            sum += p.DiffusionCoefficient?.Value ?? 0;
        }

        return sum;
    }
}

/// <summary>
/// A 100-pulse titration simulated (10 µm film, D = 10⁻¹⁴ m²/s, 100 cells, 1 s steps; pulses of 600 s and 3,600 s rests:
/// 420,000 steps, a sample every 10 s): <c>TitrationSimulator.Simulate</c> (Crank–Nicolson, Rannacher start, refined
/// grid, one Thomas solve per step) vs the script a researcher writes (the baseline: backward Euler on a uniform grid
/// with Math.NET's dense LU, factored once per time step length, a new vector per step). The constant-D case; with a
/// D(x) function the library evaluates D at every face each step.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TitrationSimulating
{
    private const double Length = 1e-5, D = 1e-14, Cells = 100;
    private readonly InsertionElectrode _film = new(DiffusionGeometry.Planar, Length, 1e-4, 50_000, 0.9, Diffusivity.Constant(D), OpenCircuitCurve.Linear(4.0, -1.0), ChargingDirection.Extraction) { SeriesResistanceOhms = 20 };
    private readonly InsertionElectrode _varying = new(DiffusionGeometry.Planar, Length, 1e-4, 50_000, 0.9, Diffusivity.FromFunction(x => 1e-14 * Math.Exp(2 * (0.9 - x))), OpenCircuitCurve.Linear(4.0, -1.0), ChargingDirection.Extraction) { SeriesResistanceOhms = 20 };
    private CurrentStep[] _program = [];

    [GlobalSetup]
    public void Setup() => _program = TitrationProgram.Gitt(0.005 * _film.AmpereHoursPerUnitStoichiometry * 3600 / 600, 600, 3600, 100);

    [Benchmark(Baseline = true, Description = "script: backward Euler, dense LU (Math.NET)")]
    public double Script()
    {
        int n = (int)Cells;
        double h = Length / n, dt = 1;
        double flux = -_program[0].Amperes / (96485.33212 * _film.SurfaceAreaSquareMetres * _film.MaximumConcentration);
        Matrix<double> a = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            double west = i > 0 ? D * dt / (h * h) : 0, east = i < n - 1 ? D * dt / (h * h) : 0;
            a[i, i] = 1 + west + east;
            if (i > 0)
            {
                a[i, i - 1] = -west;
            }

            if (i < n - 1)
            {
                a[i, i + 1] = -east;
            }
        }

        var lu = a.LU();
        Vector<double> x = Vector<double>.Build.Dense(n, 0.9);
        double last = 0;
        foreach (CurrentStep step in _program)
        {
            for (int s = 0; s < (int)step.Seconds; s++)
            {
                Vector<double> rhs = x.Clone();
                rhs[n - 1] += step.Amperes == 0 ? 0 : flux * dt / h;
                x = lu.Solve(rhs);
                last = 4.0 - x[n - 1] + (step.Amperes * 20);
            }
        }

        return last;
    }

    [Benchmark(Description = "TitrationSimulator.Simulate, constant D")]
    public double Library() => TitrationSimulator.Simulate(_film, _program, new DiffusionSolverOptions { SampleIntervalSeconds = 10 }).Recording.Voltage.Values[^1];

    [Benchmark(Description = "TitrationSimulator.Simulate, D(x) function")]
    public double LibraryVarying() => TitrationSimulator.Simulate(_varying, _program, new DiffusionSolverOptions { SampleIntervalSeconds = 10 }).Recording.Voltage.Values[^1];
}
