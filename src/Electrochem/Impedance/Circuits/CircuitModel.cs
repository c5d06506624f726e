using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Impedance;

/// <summary>
/// A circuit with values for its parameters: what is saved and loaded. Holds every parameter's value in circuit order,
/// which parameters are fixed (impedance.py's "constants"), optionally the initial values a fit started from and the
/// standard errors of a fit, and an optional name. Immutable.
/// Saved as JSON in Electrochem's own schema (<see cref="ToJson"/>, <see cref="FromJson(string)"/>) or in impedance.py's model
/// file format (<see cref="ToImpedancePyJson"/>, <see cref="FromImpedancePyJson(string)"/>); see docs/impedance.md.
/// </summary>
public sealed class CircuitModel
{
    /// <summary>A circuit with parameter values.</summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="values">P finite values in circuit order (units as <see cref="Circuit.Parameters"/>).</param>
    /// <param name="fixedParameters">Names of parameters held constant in a fit; null for none.</param>
    /// <param name="name">A name for the model, or null.</param>
    /// <param name="initialValues">P finite starting values of the fit that gave <paramref name="values"/>, or empty.</param>
    /// <param name="standardErrors">P standard errors (0 for fixed parameters, NaN where unknown), or empty when not fitted.</param>
    /// <exception cref="ArgumentException">A count is not P, a value is not finite, or a fixed name is unknown or repeated.</exception>
    public CircuitModel(
        Circuit circuit,
        ReadOnlySpan<double> values,
        IEnumerable<string>? fixedParameters = null,
        string? name = null,
        ReadOnlySpan<double> initialValues = default,
        ReadOnlySpan<double> standardErrors = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        int p = circuit.ParameterCount;
        Preconditions.CheckSameLength(p, values.Length, "the circuit's parameters", nameof(values));
        Preconditions.CheckAllFinite(values, nameof(values));
        if (!initialValues.IsEmpty)
        {
            Preconditions.CheckSameLength(p, initialValues.Length, "the circuit's parameters", nameof(initialValues));
            Preconditions.CheckAllFinite(initialValues, nameof(initialValues));
        }

        if (!standardErrors.IsEmpty)
        {
            Preconditions.CheckSameLength(p, standardErrors.Length, "the circuit's parameters", nameof(standardErrors));
        }

        var isFixed = new bool[p];
        foreach (string fixedName in fixedParameters ?? [])
        {
            int index = circuit.IndexOf(fixedName);
            if (isFixed[index])
            {
                throw new ArgumentException($"'{fixedName}' is listed twice as fixed.", nameof(fixedParameters));
            }

            isFixed[index] = true;
        }

        Circuit = circuit;
        Values = [.. values];
        FixedParameters = [.. circuit.Parameters.Where((_, j) => isFixed[j]).Select(q => q.Name)];
        Name = name;
        InitialValues = [.. initialValues];
        StandardErrors = [.. standardErrors];
    }

    /// <summary>The circuit.</summary>
    public Circuit Circuit { get; }

    /// <summary>Every parameter's value, in circuit order.</summary>
    public ImmutableArray<double> Values { get; }

    /// <summary>Names of the fixed parameters, in circuit order.</summary>
    public ImmutableArray<string> FixedParameters { get; }

    /// <summary>The model's name, or null.</summary>
    public string? Name { get; }

    /// <summary>Starting values of the fit, in circuit order, or empty.</summary>
    public ImmutableArray<double> InitialValues { get; }

    /// <summary>Standard errors in circuit order (0 for fixed parameters), or empty when the model was not fitted.</summary>
    public ImmutableArray<double> StandardErrors { get; }

    /// <summary>Whether the model carries a fit's standard errors.</summary>
    public bool IsFitted => !StandardErrors.IsEmpty;

    /// <summary>The value of a parameter by name.</summary>
    /// <param name="parameterName">E.g. <c>"CPE1_1"</c>.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="ArgumentException">No parameter has this name.</exception>
    public double this[string parameterName] => Values[Circuit.IndexOf(parameterName)];

    /// <summary>
    /// The model's impedance at frequencies in Hz (impedance.py's <c>predict</c>): ω = 2πf, then the compiled circuit,
    /// vectorised over the frequencies.
    /// </summary>
    /// <param name="frequencyHertz">Frequencies in Hz, each positive and finite.</param>
    /// <returns>The predicted spectrum: f in Hz, Ẑ′ and Ẑ″ in Ω (capacitive Ẑ″ &lt; 0).</returns>
    /// <exception cref="ArgumentException">A frequency is not positive and finite, or there is none.</exception>
    /// <example><code>ImpedanceSpectrum curve = fit.Model.Predict([1e5, 1e4, 1e3, 100, 10, 1, 0.1]);</code></example>
    public ImpedanceSpectrum Predict(ReadOnlySpan<double> frequencyHertz)
    {
        var real = new double[frequencyHertz.Length];
        var imaginary = new double[frequencyHertz.Length];
        Predict(frequencyHertz, real, imaginary);
        return new ImpedanceSpectrum(frequencyHertz, real, imaginary);
    }

    /// <summary>The model's impedance at frequencies in Hz, into caller buffers (no allocation but ω).</summary>
    /// <param name="frequencyHertz">Frequencies in Hz, each positive and finite.</param>
    /// <param name="real">Receives Ẑ′ in Ω, one per frequency.</param>
    /// <param name="imaginary">Receives Ẑ″ in Ω, one per frequency.</param>
    /// <exception cref="ArgumentException">A frequency is not positive and finite, there is none, or a destination is shorter than the frequencies.</exception>
    public void Predict(ReadOnlySpan<double> frequencyHertz, Span<double> real, Span<double> imaginary)
    {
        Preconditions.CheckMinimumCount(frequencyHertz.Length, 1, nameof(frequencyHertz), "a prediction needs at least one frequency");
        Preconditions.CheckAllPositive(frequencyHertz, nameof(frequencyHertz), "Hz");
        if (real.Length < frequencyHertz.Length || imaginary.Length < frequencyHertz.Length)
        {
            throw new ArgumentException($"The destinations hold {Math.Min(real.Length, imaginary.Length)} values but there are {frequencyHertz.Length} frequencies.", nameof(real));
        }

        double[] omega = new double[frequencyHertz.Length];
        System.Numerics.Tensors.TensorPrimitives.Multiply(frequencyHertz, 2 * Math.PI, omega);
        Circuit.Compile().Evaluate(omega, Values.AsSpan(), real[..frequencyHertz.Length], imaginary[..frequencyHertz.Length]);
    }

    /// <summary>Whether a parameter is fixed.</summary>
    /// <param name="parameterName">A parameter name.</param>
    /// <returns>True if it is held constant.</returns>
    public bool IsFixed(string parameterName) => FixedParameters.Contains(parameterName, StringComparer.Ordinal);

    /// <summary>
    /// Fits a circuit to a spectrum by complex nonlinear least squares (Levenberg–Marquardt on the analytic Jacobian of
    /// <see cref="CompiledCircuit.ToNonlinearModel"/>): minimises Σ (w′ᵢ(Z′ᵢ − Ẑ′ᵢ)² + w″ᵢ(Z″ᵢ − Ẑ″ᵢ)²) with the
    /// weights of <see cref="CircuitFitOptions.Weighting"/>. Parameters not given a start in
    /// <see cref="CircuitFitOptions.InitialGuess"/> start from <see cref="CircuitInitialGuess.Estimate"/>; if that fit
    /// does not converge, they are fitted again from <see cref="CircuitInitialGuess.EstimateFromApexes"/> and the lower
    /// χ² is kept (<see cref="CircuitFitOptions.SecondAutomaticStart"/>). A start within
    /// <see cref="NonlinearFitOptions.CloseStartResidual"/> of the spectrum (2 % by default) takes a bold first step. Standard
    /// errors are √diag((JᵀWJ)⁻¹·χ²/(2N − P)) with P the free parameters (relative weights; see docs/impedance.md).
    /// The fitted model (values, fixed names, the start that won, standard errors) is <see cref="FitResult{TModel}.Model"/>;
    /// poorly determined parameters are listed by <see cref="CircuitFitResults.IdentifiabilityWarnings"/>.
    /// </summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="spectrum">The measured spectrum (frequencies in Hz, Z in Ω).</param>
    /// <param name="options">Weighting, guess, fixed parameters, bounds, solver, confidence level, global starts; null for <see cref="CircuitFitOptions.Default"/>.</param>
    /// <param name="cancellationToken">Checked once per solver iteration.</param>
    /// <returns>The fit; a failure to converge is reported in its status, not thrown.</returns>
    /// <exception cref="ArgumentException">
    /// Too few points for the free parameters; an unknown parameter name in the guess, fixed parameters or bounds; a
    /// guess or fixed value that is not finite or lies outside its bounds; bounds with lower ≥ upper; every parameter
    /// fixed; <see cref="ImpedanceWeighting.StandardDeviation"/> without per-point σ; a zero part under
    /// <see cref="ImpedanceWeighting.Proportional"/>; fixed parameters set on the solver options, or solver options out
    /// of range.
    /// </exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example><code>
    /// var fit = CircuitModel.Fit(Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)"), spectrum);
    /// double chargeTransfer = fit.Model["R2"];
    /// </code></example>
    public static FitResult<CircuitModel> Fit(Circuit circuit, ImpedanceSpectrum spectrum, CircuitFitOptions? options = null, CancellationToken cancellationToken = default) =>
        CircuitFitter.Fit(circuit, spectrum, options, cancellationToken);

    /// <summary>Electrochem's JSON schema (see docs/impedance.md): format tag, name, circuit string and one object per parameter.</summary>
    /// <param name="indented">Pretty-print.</param>
    /// <returns>UTF-16 JSON text.</returns>
    public string ToJson(bool indented = true) => CircuitModelJson.Write(this, indented);

    /// <summary>Reads Electrochem's JSON schema.</summary>
    /// <param name="json">JSON text written by <see cref="ToJson"/> or by hand in the same schema.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The JSON is malformed, a member is missing or of the wrong type, the circuit string is invalid, or the parameters do not match the circuit.</exception>
    public static CircuitModel FromJson(string json) => CircuitModelJson.Read(json, []);

    /// <summary>Reads Electrochem's JSON schema of a circuit that uses user-defined element types.</summary>
    /// <param name="json">JSON text written by <see cref="ToJson"/>.</param>
    /// <param name="customElements">The user-defined element types the circuit uses.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The JSON is malformed, the circuit string is invalid, or the parameters do not match the circuit.</exception>
    /// <exception cref="ArgumentException">Two custom elements share a symbol.</exception>
    public static CircuitModel FromJson(string json, IReadOnlyCollection<CustomElement> customElements)
    {
        Circuit.CheckCustom(customElements);
        return CircuitModelJson.Read(json, customElements);
    }

    /// <summary>
    /// impedance.py's model file (<c>BaseCircuit.save</c>): <c>Name</c>, <c>Circuit String</c>, <c>Initial Guess</c>
    /// (free parameters only), <c>Constants</c> (fixed parameters by name), <c>Fit</c>, and when fitted
    /// <c>Parameters</c> and <c>Confidence</c> (free parameters only). Initial values are <see cref="InitialValues"/>
    /// if present, else <see cref="Values"/>.
    /// </summary>
    /// <returns>JSON text that impedance.py's <c>load</c> reads.</returns>
    public string ToImpedancePyJson() => ImpedancePyModelJson.Write(this);

    /// <summary>
    /// Reads impedance.py's model file. A fitted file gives <see cref="Values"/> from <c>Parameters</c>,
    /// <see cref="InitialValues"/> from <c>Initial Guess</c> and <see cref="StandardErrors"/> from <c>Confidence</c>;
    /// an unfitted one gives <see cref="Values"/> from <c>Initial Guess</c>. Constants become fixed parameters.
    /// Note: a La element's L means L^α here (impedance.py evaluates (L·jω)^α; see <see cref="ModifiedInductance"/>).
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The JSON is malformed, a key is missing, the circuit is invalid, or the counts disagree with the circuit.</exception>
    public static CircuitModel FromImpedancePyJson(string json) => ImpedancePyModelJson.Read(json, []);

    /// <summary>Reads impedance.py's model file of a circuit that uses user-defined element types.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="customElements">The user-defined element types the circuit uses.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The JSON is malformed, a key is missing, the circuit is invalid, or the counts disagree with the circuit.</exception>
    /// <exception cref="ArgumentException">Two custom elements share a symbol.</exception>
    public static CircuitModel FromImpedancePyJson(string json, IReadOnlyCollection<CustomElement> customElements)
    {
        Circuit.CheckCustom(customElements);
        return ImpedancePyModelJson.Read(json, customElements);
    }
}
