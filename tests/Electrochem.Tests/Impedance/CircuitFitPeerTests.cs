using Electrochem.Fitting;
using Electrochem.Impedance;

namespace Electrochem.Tests.Impedance;

/// <summary>
/// The fits impedance.py's own tests run on exampleData.csv (Z″ &lt; 0 points, as its <c>ignoreBelowX</c> keeps), with
/// the values they assert: impedance/tests/test_fitting.py (<c>test_circuit_fit</c>) and test_circuits.py
/// (<c>test_Randles</c>). impedance.py fits unweighted unless given σ = |Z|, which is our Modulus weighting.
/// </summary>
public class CircuitFitPeerTests
{
    private static readonly Circuit GettingStarted = Circuit.Parse("R0-p(R1,C1)-p(R2-Wo1,C2)");
    private static readonly double[] GettingStartedGuess = [.01, .01, 100, .01, .05, 100, 1];

    // test_fitting.py, results_local (unweighted) and results_local_weighted (sigma = |Z|), asserted there to rtol 1e-2.
    private static readonly double[] PeerLocal = [1.65e-2, 8.68e-3, 3.32, 5.39e-3, 6.31e-2, 2.33e2, 2.20e-1];
    private static readonly double[] PeerLocalModulus = [1.64e-2, 9.06e-3, 3.06, 5.29e-3, 1.45e-1, 1.32e3, 2.02e-1];

    // test_fitting.py, results_global (basinhopping), asserted there to rtol 1e-1.
    private static readonly double[] PeerGlobal = [1.65e-2, 5.34e-3, 0.22, 9.15e-3, 1.31e-1, 1.10e3, 2.78];

    [Theory]
    [InlineData(ImpedanceWeighting.Unit)]
    [InlineData(ImpedanceWeighting.Modulus)]
    public void Getting_started_circuit_fits_at_least_as_well_as_impedance_py_with_the_same_resistances(ImpedanceWeighting weighting)
    {
        double[] peer = weighting == ImpedanceWeighting.Unit ? PeerLocal : PeerLocalModulus;
        FitResult<CircuitModel> fit = FitGettingStarted(weighting);

        Assert.True(fit.Converged, fit.StatusReason);
        Assert.True(fit.Statistics.ChiSquare <= WeightedSsr(GettingStarted, peer, weighting), $"χ² {fit.Statistics.ChiSquare} vs peer {WeightedSsr(GettingStarted, peer, weighting)}");
        foreach (string resistance in new[] { "R0", "R1", "R2" })
        {
            double expected = peer[GettingStarted.IndexOf(resistance)];
            Assert.True(Math.Abs(fit.Model[resistance] - expected) <= 0.02 * expected, $"{resistance} = {fit.Model[resistance]} vs impedance.py {expected}");
        }
    }

    [Fact]
    public void Getting_started_fit_needs_few_model_evaluations_and_the_automatic_start_finds_the_global_basin()
    {
        // Gauss–Newton alone crawls along the Warburg valley (ρ ≈ 1.9, λ → 0): 104 evaluations with Nielsen's damping.
        // The trust region with the secant term takes 29 to the same χ² (benchmarks: --iterations).
        FitResult<CircuitModel> fit = FitGettingStarted(ImpedanceWeighting.Unit);
        Assert.InRange(fit.Iterations, 1, 40);
        Assert.Equal(WeightedSsr(GettingStarted, [.. fit.Model.Values], ImpedanceWeighting.Unit), fit.Statistics.ChiSquare, 1e-15);

        // From the automatic start the fit now reaches the basin impedance.py finds only by basin hopping.
        FitResult<CircuitModel> automatic = CircuitModel.Fit(GettingStarted, ExampleData.Capacitive, CircuitFitOptions.Default with { Weighting = ImpedanceWeighting.Unit });
        Assert.True(automatic.Statistics.ChiSquare <= WeightedSsr(GettingStarted, PeerGlobal, ImpedanceWeighting.Unit) * 1.0001, $"χ² {automatic.Statistics.ChiSquare}");
    }

    [Fact]
    public void Getting_started_Warburg_is_flagged_as_poorly_determined_under_modulus_weighting()
    {
        // Weighted by |Z| (impedance.py's sigma = |Z|, giving Wo1 = 0.145 Ω, 1.32e3 s), the low-frequency end carries
        // little weight and only a combination of Wo1's Z₀ and τ is fixed (ρ ≈ 0.99998, relative SEs above 100 %).
        FitResult<CircuitModel> fit = FitGettingStarted(ImpedanceWeighting.Modulus);

        var flagged = fit.IdentifiabilityWarnings().Select(w => w.Parameter).ToList();
        Assert.Equal(["Wo1_0", "Wo1_1"], flagged);
        Assert.Equal("Wo1_1", fit.IdentifiabilityWarnings()[0].CorrelatedWith);

        // Unweighted, the large-|Z| Warburg tail dominates and pins Wo1 down (relative SE ≈ 3 % and 7 %).
        Assert.Empty(FitGettingStarted(ImpedanceWeighting.Unit).IdentifiabilityWarnings());
    }

    [Fact]
    public void Getting_started_global_option_reaches_impedance_py_s_basin_or_better()
    {
        CircuitFitOptions options = (CircuitFitOptions.Default with { Weighting = ImpedanceWeighting.Unit, GlobalStarts = 30, Seed = 1 })
            .WithInitialGuess(GettingStarted, GettingStartedGuess);
        FitResult<CircuitModel> global = CircuitModel.Fit(GettingStarted, ExampleData.Capacitive, options);
        FitResult<CircuitModel> local = FitGettingStarted(ImpedanceWeighting.Unit);

        Assert.True(global.Statistics.ChiSquare <= local.Statistics.ChiSquare);
        Assert.True(global.Statistics.ChiSquare <= WeightedSsr(GettingStarted, PeerGlobal, ImpedanceWeighting.Unit) * 1.0001, $"χ² {global.Statistics.ChiSquare} vs peer {WeightedSsr(GettingStarted, PeerGlobal, ImpedanceWeighting.Unit)}");
    }

    [Fact]
    public void Global_starts_fitted_in_parallel_give_the_one_thread_answer()
    {
        // The starts run side by side; the winner is chosen by scanning them in order, so the result is that of one
        // thread: the same every time, and the fit from the winning start (its InitialValues) reproduces it exactly.
        CircuitFitOptions options = (CircuitFitOptions.Default with { Weighting = ImpedanceWeighting.Unit, GlobalStarts = 40, Seed = 7 })
            .WithInitialGuess(GettingStarted, GettingStartedGuess);
        FitResult<CircuitModel> first = CircuitModel.Fit(GettingStarted, ExampleData.Capacitive, options);
        FitResult<CircuitModel> second = CircuitModel.Fit(GettingStarted, ExampleData.Capacitive, options);
        FitResult<CircuitModel> fromWinner = CircuitModel.Fit(GettingStarted, ExampleData.Capacitive,
            (CircuitFitOptions.Default with { Weighting = ImpedanceWeighting.Unit }).WithInitialGuess(GettingStarted, [.. first.Model.InitialValues]));

        Assert.Equal(first.Model.Values, second.Model.Values);
        Assert.Equal(first.Model.InitialValues, second.Model.InitialValues);
        Assert.Equal(first.Model.Values, fromWinner.Model.Values);
        Assert.Equal(first.Statistics.ChiSquare, fromWinner.Statistics.ChiSquare);
    }

    [Fact]
    public void Randles_fit_matches_impedance_py_test_Randles()
    {
        // test_circuits.py: Randles(initial_guess=[.01, .005, .1, .01, 200]) is R0-p(R1,C1)-Wo1, fitted unweighted to Z″ < 0.
        Circuit randles = Circuit.Parse("R0-p(R1,C1)-Wo1");
        double[] peer = [1.86146620e-02, 1.15477171e-02, 1.33331949e+00, 6.31473571e-02, 2.22407275e+02];
        CircuitFitOptions options = (CircuitFitOptions.Default with { Weighting = ImpedanceWeighting.Unit }).WithInitialGuess(randles, .01, .005, .1, .01, 200);

        FitResult<CircuitModel> fit = CircuitModel.Fit(randles, ExampleData.Capacitive, options);

        Assert.True(fit.Converged, fit.StatusReason);
        Assert.True(fit.Statistics.ChiSquare <= WeightedSsr(randles, peer, ImpedanceWeighting.Unit));
        for (int j = 0; j < peer.Length; j++)
        {
            Assert.True(Math.Abs(fit.Model.Values[j] - peer[j]) <= 1e-3 * peer[j], $"{randles.Parameters[j].Name} = {fit.Model.Values[j]} vs impedance.py {peer[j]}");
        }

        // impedance.py asserts predict(10 Hz) ≈ 0.02495749 − 0.00614842j (np.isclose: rtol 1e-5, atol 1e-8).
        System.Numerics.Complex z = randles.Impedance(2 * Math.PI * 10, fit.Model.Values.AsSpan());
        Assert.Equal(0.02495749, z.Real, 1e-7);
        Assert.Equal(-0.00614842, z.Imaginary, 1e-7);
    }

    internal static FitResult<CircuitModel> FitGettingStarted(ImpedanceWeighting weighting) =>
        CircuitModel.Fit(
            GettingStarted,
            ExampleData.Capacitive,
            (CircuitFitOptions.Default with { Weighting = weighting }).WithInitialGuess(GettingStarted, GettingStartedGuess));

    /// <summary>Σ w(Z − Ẑ)² at given parameters on the capacitive exampleData points: the peer's objective value.</summary>
    internal static double WeightedSsr(Circuit circuit, double[] parameters, ImpedanceWeighting weighting)
    {
        ImpedanceSpectrum spectrum = ExampleData.Capacitive;
        int n = spectrum.Count;
        var omega = new double[n];
        var re = new double[n];
        var im = new double[n];
        var wr = new double[n];
        var wi = new double[n];
        spectrum.AngularFrequency(omega);
        circuit.Compile().Evaluate(omega, parameters, re, im);
        ImpedanceWeights.Compute(spectrum, weighting, wr, wi);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += (wr[i] * Math.Pow(spectrum.Real[i] - re[i], 2)) + (wi[i] * Math.Pow(spectrum.Imaginary[i] - im[i], 2));
        }

        return sum;
    }
}
