using System.Diagnostics;
using BenchmarkDotNet.Running;
using Electrochem.Benchmarks;
using Electrochem.Fitting;
using Electrochem.Impedance;

if (args.Length > 0 && args[0] == "--check")
{
    Checks.Run();
    return 0;
}

if (args.Length > 0 && args[0] == "--first-fit")
{
    // Cold start, for whole-process comparisons (run it in fresh processes, e.g. with hyperfine, published with and
    // without ReadyToRun): the time of this process's first circuit fit, after reading the file, in milliseconds.
    ImpedanceSpectrum spectrum = ExampleData.Read().WithoutInductivePoints();
    Circuit circuit = Circuit.Parse("R0-p(R1,C1)-p(R2-Wo1,C2)");
    CircuitFitOptions options = (CircuitFitOptions.Default with { Weighting = ImpedanceWeighting.Unit }).WithInitialGuess(circuit, .01, .01, 100, .01, .05, 100, 1);
    long start = Stopwatch.GetTimestamp();
    FitResult<CircuitModel> fit = CircuitModel.Fit(circuit, spectrum, options);
    double milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    long second = Stopwatch.GetTimestamp();
    CircuitModel.Fit(circuit, spectrum, options);
    Console.WriteLine(FormattableString.Invariant($"first fit {milliseconds:F1} ms, second {Stopwatch.GetElapsedTime(second).TotalMilliseconds:F2} ms, R0 = {fit.Model["R0"]:G4}, {fit.Iterations} evaluations"));
    return 0;
}

if (args.Length > 0 && args[0] == "--iterations")
{
    FitCase.PrintComparison();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Checks).Assembly).Run(args);
return 0;

namespace Electrochem.Benchmarks
{
    /// <summary>
    /// <c>--check</c>: runs every competitor once per size and prints its estimates, exit reason, iterations and
    /// wall time, so the benchmark tables can be read knowing that all methods reached the same answer.
    /// </summary>
    public static class Checks
    {
        public static void Run()
        {
            foreach (int n in new[] { 10, 1_000, 3_079, 1_000_000 })
            {
                (double[] t, double[] sigma) = SyntheticData.Arrhenius(n);
                Time($"Arrhenius N={n} naive", () =>
                {
                    (double lnA, double ea) = Competitors.NaiveArrhenius(t, sigma);
                    return $"lnA={F(lnA)} Ea={F(ea)} eV (no uncertainty)";
                });
                Time($"Arrhenius N={n} Electrochem", () =>
                {
                    var fit = Competitors.ElectrochemArrhenius(t, sigma);
                    return $"lnA={F(fit["LnPreExponentialFactor"].Value)} Ea={F(fit["ActivationEnergy"].Value)} ± {F(fit["ActivationEnergy"].StandardError)} eV {fit.Status}";
                });
                Time($"Arrhenius N={n} MathNet LM", () =>
                {
                    var r = Competitors.MathNetArrhenius(t, sigma);
                    return $"A={F(r.MinimizingPoint[0])} Ea={F(r.MinimizingPoint[1])} ± {F(r.StandardErrors[1])} eV {r.ReasonForExit} it={r.Iterations} ok={Competitors.Succeeded(r)}";
                });
            }

            foreach (int n in new[] { 10, 1_000, 3_079, 1_000_000 })
            {
                (double[] t, double[] sigma) = SyntheticData.Vtf(n);
                Time($"VTF N={n} MathNet LM", () =>
                {
                    var r = Competitors.MathNetVtf(t, sigma);
                    return $"lnA={F(r.MinimizingPoint[0])} B={F(r.MinimizingPoint[1])} T0={F(r.MinimizingPoint[2])} {r.ReasonForExit} it={r.Iterations} ok={Competitors.Succeeded(r)}";
                });
                Time($"VTF N={n} Electrochem", () =>
                {
                    var fit = Competitors.ElectrochemVtf(t, sigma);
                    return $"lnA={F(fit["LnPreExponentialFactor"].Value)} B={F(fit["PseudoActivationTemperature"].Value)} T0={F(fit["IdealGlassTransitionTemperature"].Value)} {fit.Status} it={fit.Iterations}";
                });
            }

            foreach (int n in new[] { 100, 3_079, 10_000 })
            {
                (double[] t, double[] y) = SyntheticData.Decay(n);
                var model = Competitors.DecayModel(t);
                Time($"Decay N={n} MathNet LM", () =>
                {
                    var r = Competitors.MathNetDecay(t, y);
                    return $"a={F(r.MinimizingPoint[0])} tau={F(r.MinimizingPoint[1])} c={F(r.MinimizingPoint[2])} {r.ReasonForExit} it={r.Iterations} ok={Competitors.Succeeded(r)}";
                });
                Time($"Decay N={n} Electrochem", () =>
                {
                    var fit = Competitors.ElectrochemDecay(model, y);
                    return $"a={F(fit["a"].Value)} tau={F(fit["tau"].Value)} c={F(fit["c"].Value)} {fit.Status} it={fit.Iterations}";
                });
            }
        }

        private static void Time(string label, Func<string> action)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            string text = action();
            watch.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine(FormattableString.Invariant($"{label,-32} {watch.Elapsed.TotalMilliseconds,10:F1} ms {allocated / 1024.0,12:F1} KiB  {text}"));
        }

        private static string F(double value) => SyntheticData.Format(value);
    }
}
