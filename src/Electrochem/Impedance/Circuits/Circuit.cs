using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Electrochem.Fitting;

namespace Electrochem.Impedance;

/// <summary>
/// An equivalent circuit: a tree of elements in series and parallel with unique element names, its parameters in
/// circuit order (left to right as written, each element's parameters in its type's order — impedance.py's order),
/// and its compiled evaluation kernel. Read from and printed to impedance.py's circuit strings,
/// e.g. <c>R0-p(R1,CPE1)-p(R2-Wo1,C2)</c>. Immutable and thread-safe; equal when the strings are equal.
/// </summary>
/// <example><code>Circuit randles = Circuit.Parse("R0-p(R1,CPE1)-Wo1");
/// // parameters: R0, R1, CPE1_0, CPE1_1, Wo1_0, Wo1_1
/// var built = new Circuit(new SeriesNode(new ElementNode("R0"), new ParallelNode(new ElementNode("R1"), new ElementNode("CPE1")), new ElementNode("Wo1")));
/// bool same = built.Equals(randles);                       // true
/// randles.Compile().Evaluate(omega, theta, real, imaginary);</code></example>
public sealed class Circuit : IEquatable<Circuit>
{
    private readonly string _text;
    private readonly Dictionary<string, int> _parameterIndex;
    private readonly CompiledCircuit _compiled;

    /// <summary>
    /// The deepest nesting of combinations a circuit may have (64): p(p(…)) 64 levels deep. Real circuits nest two or
    /// three levels; the limit keeps every recursive walk of the tree (parsing, compiling, printing) far from the
    /// end of the stack, on any thread.
    /// </summary>
    public const int MaximumNesting = 64;

    /// <summary>A circuit from a tree built in code.</summary>
    /// <param name="root">The whole circuit.</param>
    /// <exception cref="ArgumentException">Two elements have the same name.</exception>
    public Circuit(CircuitNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = root;
        Elements = [.. root.Elements];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (ElementNode element in Elements)
        {
            if (!names.Add(element.Name))
            {
                throw new ArgumentException($"The element name '{element.Name}' appears twice in {root}; element names must be unique.", nameof(root));
            }
        }

        Parameters =
        [
            .. Elements.SelectMany(e => Enumerable.Range(0, e.Element.Parameters.Length).Select(k => new CircuitParameter(e.ParameterName(k), e.Name, e.Element, k))),
        ];
        _parameterIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < Parameters.Length; j++)
        {
            if (!_parameterIndex.TryAdd(Parameters[j].Name, j))
            {
                throw new ArgumentException($"The parameter name '{Parameters[j].Name}' arises twice in {root} (an element named like another's parameter); rename an element.", nameof(root));
            }
        }

        _text = root.ToString();
        ParameterDefinitions = [.. Parameters.Select(q => q.ToParameterDefinition())];
        _compiled = new CompiledCircuit(this);
    }

    /// <summary>The tree of the circuit.</summary>
    public CircuitNode Root { get; }

    /// <summary>The elements, left to right as written.</summary>
    public ImmutableArray<ElementNode> Elements { get; }

    /// <summary>The parameters in circuit order (the order of every parameter vector).</summary>
    public ImmutableArray<CircuitParameter> Parameters { get; }

    /// <summary>Number of parameters P.</summary>
    public int ParameterCount => Parameters.Length;

    /// <summary>The parameters as fit definitions (name, unit, default bounds), in circuit order; made once per circuit.</summary>
    internal ImmutableArray<ParameterDefinition> ParameterDefinitions { get; }

    /// <summary>Reads a circuit string such as <c>R0-p(R1,CPE1)-Wo1</c>.</summary>
    /// <param name="text">
    /// <c>-</c> joins parts in series, <c>p(a,b,…)</c> puts two or more branches in parallel (nesting allowed); an element
    /// is a type symbol (<see cref="CircuitElements"/>) followed by an identifier of digits and underscores ending in a
    /// digit; names must be unique; whitespace between tokens is ignored.
    /// </param>
    /// <returns>The circuit.</returns>
    /// <exception cref="CircuitFormatException">The text is not a circuit; the message gives the position and what was expected.</exception>
    public static Circuit Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CircuitParser.TryParse(text, out CircuitNode? root, out CircuitFormatException? error) ? new Circuit(root) : throw error;
    }

    /// <summary>Reads a circuit string that may use user-defined element types besides the built-in ones.</summary>
    /// <param name="text">A circuit string (see <see cref="Parse(string)"/>), e.g. <c>R0-p(R1,Qx1)</c>.</param>
    /// <param name="customElements">The user-defined element types the string may use, each with a distinct symbol.</param>
    /// <returns>The circuit.</returns>
    /// <exception cref="CircuitFormatException">The text is not a circuit.</exception>
    /// <exception cref="ArgumentException">Two custom elements share a symbol.</exception>
    public static Circuit Parse(string text, IReadOnlyCollection<CustomElement> customElements)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckCustom(customElements);
        return CircuitParser.TryParse(text, customElements, out CircuitNode? root, out CircuitFormatException? error) ? new Circuit(root) : throw error;
    }

    /// <summary>Checks a set of custom element types: none null, symbols distinct.</summary>
    internal static void CheckCustom(IReadOnlyCollection<CustomElement> customElements)
    {
        ArgumentNullException.ThrowIfNull(customElements);
        if (customElements.Any(c => c is null))
        {
            throw new ArgumentException("A custom element is null.", nameof(customElements));
        }

        if (customElements.GroupBy(c => c.Symbol, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Two custom elements have the symbol '{twice.Key}'; symbols must be distinct.", nameof(customElements));
        }
    }

    /// <summary>Reads a circuit string, reporting failure as a value instead of an exception.</summary>
    /// <param name="text">A circuit string (see <see cref="Parse(string)"/>).</param>
    /// <param name="circuit">The circuit, or null.</param>
    /// <param name="error">Null on success, else the error (position and problem).</param>
    /// <returns>Whether the text is a circuit.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Circuit? circuit, [NotNullWhen(false)] out CircuitFormatException? error)
    {
        circuit = null;
        if (text is null)
        {
            error = new CircuitFormatException(string.Empty, 0, "the circuit is null");
            return false;
        }

        if (!CircuitParser.TryParse(text, out CircuitNode? root, out error))
        {
            return false;
        }

        circuit = new Circuit(root);
        return true;
    }

    /// <summary>The compiled kernel (built once with the circuit; shareable between threads).</summary>
    /// <returns>The kernel.</returns>
    public CompiledCircuit Compile() => _compiled;

    /// <summary>The index of a parameter in circuit order.</summary>
    /// <param name="parameterName">E.g. <c>"CPE1_1"</c>.</param>
    /// <returns>Its index.</returns>
    /// <exception cref="ArgumentException">No parameter has this name.</exception>
    public int IndexOf(string parameterName)
    {
        ArgumentNullException.ThrowIfNull(parameterName);
        return _parameterIndex.TryGetValue(parameterName, out int index)
            ? index
            : throw new ArgumentException($"'{parameterName}' is not a parameter of {_text}; its parameters are {string.Join(", ", Parameters.Select(p => p.Name))}.", nameof(parameterName));
    }

    /// <summary>Whether a parameter of this name exists.</summary>
    /// <param name="parameterName">A name such as <c>"R0"</c>.</param>
    /// <returns>True if it does.</returns>
    public bool HasParameter(string parameterName) => parameterName is not null && _parameterIndex.ContainsKey(parameterName);

    /// <summary>Z in Ω at one angular frequency (see <see cref="CompiledCircuit.Impedance"/>).</summary>
    /// <param name="angularFrequency">ω in rad s⁻¹, &gt; 0.</param>
    /// <param name="parameters">P values in circuit order.</param>
    /// <returns>Z(ω; θ).</returns>
    /// <exception cref="ArgumentException">As for <see cref="CompiledCircuit.Evaluate"/>.</exception>
    public Complex Impedance(double angularFrequency, ReadOnlySpan<double> parameters) => _compiled.Impedance(angularFrequency, parameters);

    /// <summary>The circuit string, e.g. <c>R0-p(R1,CPE1)-Wo1</c> (no spaces).</summary>
    /// <returns>The string that <see cref="Parse(string)"/> reads back to an equal circuit.</returns>
    public override string ToString() => _text;

    /// <summary>Equal when the circuit strings are equal.</summary>
    /// <param name="other">Another circuit.</param>
    /// <returns>Whether they are the same circuit.</returns>
    public bool Equals(Circuit? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Circuit);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);
}
