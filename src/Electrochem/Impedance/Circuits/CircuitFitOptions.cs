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
    /// <summary>The solver settings circuit fits start from: <see cref="NonlinearFitOptions.Default"/> with an initial damping of 0.1.</summary>
    public static NonlinearFitOptions DefaultSolver { get; } = NonlinearFitOptions.Default with { InitialDamping = 0.1 };

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
    /// into the basin where R1 = 0, while λ₀ from 10⁻² to 10² all reach impedance.py's solution. A wholly automatic
    /// start uses <see cref="AutomaticStartDamping"/> instead.
    /// Its <see cref="NonlinearFitOptions.FixedParameters"/> must be empty (use <see cref="FixedParameters"/>) and its
    /// <see cref="NonlinearFitOptions.ConfidenceLevel"/> is replaced by <see cref="ConfidenceLevel"/>.
    /// </summary>
    public NonlinearFitOptions Solver { get; init; } = DefaultSolver;

    /// <summary>
    /// The initial damping λ₀ used instead of <see cref="Solver"/>'s when every free parameter starts from the automatic
    /// guess (<see cref="InitialGuess"/> empty or naming only fixed parameters); default 10⁻³. The automatic guess reads
    /// each arc as a Zarc off the spectrum and lands within a few percent of the optimum on ordinary spectra, so the
    /// first step need not be cautious — Madsen, Nielsen and Tingleff's choice of a small λ₀ for a start believed good —
    /// where a guess typed by hand (often decades off) keeps <see cref="Solver"/>'s λ₀ = 0.1. The random starts of
    /// <see cref="GlobalStarts"/> also keep <see cref="Solver"/>'s. Set it to 0.1 to start every fit as cautiously.
    /// Must be finite and positive.
    /// </summary>
    public double AutomaticStartDamping { get; init; } = 1e-3;

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
