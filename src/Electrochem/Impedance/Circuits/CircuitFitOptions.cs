using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Impedance;

/// <summary>
/// How <see cref="CircuitModel.Fit"/> fits a circuit to a spectrum. Immutable; change a copy with <c>with</c>:
/// <c>CircuitFitOptions.Default with { Weighting = ImpedanceWeighting.Unit, GlobalStarts = 20 }</c>.
/// Parameters are named as in the circuit (<c>R0</c>, <c>CPE1_1</c>, <c>Wo1_1</c>); every value is in the parameter's unit.
/// </summary>
public sealed record CircuitFitOptions
{
    /// <summary>
    /// The solver settings circuit fits start from: <see cref="NonlinearFitOptions.Default"/> with an initial damping of
    /// 0.1, except for a start within 2 % of the spectrum (<see cref="NonlinearFitOptions.CloseStartResidual"/> = 0.02),
    /// which begins with <see cref="NonlinearFitOptions.CloseStartDamping"/> = 10⁻³ (see <see cref="Solver"/>).
    /// </summary>
    public static NonlinearFitOptions DefaultSolver { get; } = NonlinearFitOptions.Default with { InitialDamping = 0.1, CloseStartResidual = 0.02, CloseStartDamping = 1e-3 };

    /// <summary>Modulus weighting, automatic initial guess, no fixed parameters, default bounds, 95 % intervals, local fit only.</summary>
    public static CircuitFitOptions Default { get; } = new();

    /// <summary>How residuals are weighted (default <see cref="ImpedanceWeighting.Modulus"/>: each point relative to |Z|).</summary>
    public ImpedanceWeighting Weighting { get; init; } = ImpedanceWeighting.Modulus;

    /// <summary>σ′ per point in Ω, in the spectrum's order; required by <see cref="ImpedanceWeighting.StandardDeviation"/> and ignored otherwise.</summary>
    public ImmutableArray<double> RealStandardDeviation { get; init; } = [];

    /// <summary>σ″ per point in Ω, in the spectrum's order; required by <see cref="ImpedanceWeighting.StandardDeviation"/> and ignored otherwise.</summary>
    public ImmutableArray<double> ImaginaryStandardDeviation { get; init; } = [];

    /// <summary>
    /// Starting values by parameter name. Any subset of the free parameters may be given; the others start from
    /// <see cref="CircuitInitialGuess.Estimate"/>. Empty (the default) means a fully automatic start.
    /// Use <see cref="WithInitialGuess"/> to give all values as an array in circuit order (impedance.py's convention).
    /// </summary>
    public ImmutableDictionary<string, double> InitialGuess { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Parameters held constant, by name, with the value each is held at (impedance.py's <c>constants</c>).</summary>
    public ImmutableDictionary<string, double> FixedParameters { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Bounds that replace the element's default bounds, by parameter name.</summary>
    public ImmutableDictionary<string, ParameterBounds> Bounds { get; init; } = ImmutableDictionary<string, ParameterBounds>.Empty;

    /// <summary>
    /// Levenberg–Marquardt settings (iterations, tolerances, damping, <see cref="NonlinearFitOptions.WeightsAreAbsolute"/>);
    /// default <see cref="DefaultSolver"/>, whose initial damping λ₀ = 0.1 (not the engine's 10⁻³) makes the first steps
    /// cautious: circuit guesses are often decades off, and from impedance.py's getting-started guess λ₀ = 10⁻³ jumps
    /// into the basin where R1 = 0, while λ₀ from 10⁻² to 10² all reach impedance.py's solution. But a start that
    /// already reproduces the spectrum within 2 % (weighted relative residual
    /// √(Σ w·|Z − Ẑ|² / Σ w·|Z|²) ≤ <see cref="NonlinearFitOptions.CloseStartResidual"/> = 0.02), typed or automatic,
    /// begins with <see cref="NonlinearFitOptions.CloseStartDamping"/> = 10⁻³: on the batch benchmark's spectra
    /// (0.5 % noise) the automatic start is at 1.1 % (median; 90th percentile 1.6–1.9 %) and the bold first step saves
    /// the fifth evaluation (median 5 → 4), while on the shared real spectra an always-bold first step ended higher in
    /// 15 of 63 fits and every start within 2 % fitted as well bold as cautiously (docs/performance.md, "Real spectra").
    /// Its <see cref="NonlinearFitOptions.FixedParameters"/> must be empty (use <see cref="FixedParameters"/>) and its
    /// <see cref="NonlinearFitOptions.ConfidenceLevel"/> is replaced by <see cref="ConfidenceLevel"/>.
    /// </summary>
    public NonlinearFitOptions Solver { get; init; } = DefaultSolver;

    /// <summary>
    /// When the fit from the automatic start does not converge (any <see cref="Fitting.FitStatus"/> but
    /// <see cref="Fitting.FitStatus.Converged"/>) and at least one free parameter starts automatic, fit again from a
    /// second automatic start that reads each arc at its apex alone (its diameter the rise of Z′ beside it, α = 0.9, its
    /// frequency the apex's) instead of as a Zarc circle, and keep whichever fit ends with the lower χ²; default true.
    /// Real arcs that are not Zarcs (overlapping, skewed, with a diffusion tail) can mislead the circle reading, and the
    /// cruder reading then often reaches the better minimum: on the shared real spectra this turned 7 fits that ended
    /// above the old guess's χ² into fits as good or better. It costs a second fit only where the first did not
    /// converge. The result's <see cref="CircuitModel.InitialValues"/> is the start of the fit kept, and its
    /// <see cref="Fitting.FitResult.StatusReason"/> says when the second start won.
    /// </summary>
    public bool SecondAutomaticStart { get; init; } = true;

    /// <summary>Two-sided confidence level of the reported intervals, in (0, 1); default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// Number of extra random starts of the global option (0, the default, is a local fit only). Each start draws every
    /// free parameter at random — log-uniform over four decades around the ordinary start for parameters without a
    /// finite upper bound, uniform between its bounds otherwise — and runs the same local fit; the fit with the lowest
    /// χ² (the ordinary start included) is returned; a random start must lower χ² by more than one part in 10⁹ to replace
    /// it, so minima equal up to rounding (e.g. two arcs with their labels swapped) keep the ordinary start's labelling.
    /// Deterministic for a given <see cref="Seed"/>. At most <see cref="MaximumGlobalStarts"/>.
    /// </summary>
    public int GlobalStarts { get; init; }

    /// <summary>The most <see cref="GlobalStarts"/> accepted (100,000: hours of fitting; more is a typing mistake, not a search).</summary>
    public const int MaximumGlobalStarts = 100_000;

    /// <summary>Seed of the random starts of the global option.</summary>
    public ulong Seed { get; init; }

    /// <summary>These options with a full initial guess given as an array in circuit order, as impedance.py takes it.</summary>
    /// <param name="circuit">The circuit the guess is for.</param>
    /// <param name="values">One starting value per parameter of <paramref name="circuit"/>, in circuit order (fixed parameters' entries included and ignored).</param>
    /// <returns>A copy whose <see cref="InitialGuess"/> names every parameter.</returns>
    /// <exception cref="ArgumentException">The count is not the circuit's parameter count, or a value is not finite.</exception>
    public CircuitFitOptions WithInitialGuess(Circuit circuit, params ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        if (values.Length != circuit.ParameterCount)
        {
            throw new ArgumentException(
                $"{circuit} has {circuit.ParameterCount} parameters ({string.Join(", ", circuit.Parameters.Select(p => p.Name))}) but the initial guess has {values.Length} values.",
                nameof(values));
        }

        Preconditions.CheckAllFinite(values, nameof(values));
        var guess = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        for (int j = 0; j < values.Length; j++)
        {
            guess[circuit.Parameters[j].Name] = values[j];
        }

        return this with { InitialGuess = guess.ToImmutable() };
    }
}
