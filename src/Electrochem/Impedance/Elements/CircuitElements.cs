using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Electrochem.Impedance;

/// <summary>
/// The element types a circuit string may use, by symbol (case-sensitive, as in impedance.py):
/// R, C, L, CPE, W, Ws, Wo, G, Gs, K, Zarc, La, TLMQ, T.
/// </summary>
public static class CircuitElements
{
    /// <summary>Every element type, in the order of the documentation table.</summary>
    public static ImmutableArray<CircuitElement> All { get; } =
    [
        Resistor.Instance,
        Capacitor.Instance,
        Inductor.Instance,
        ConstantPhaseElement.Instance,
        SemiInfiniteWarburg.Instance,
        FiniteLengthWarburg.Instance,
        FiniteSpaceWarburg.Instance,
        Gerischer.Instance,
        FiniteLengthGerischer.Instance,
        VoigtElement.Instance,
        Zarc.Instance,
        ModifiedInductance.Instance,
        TransmissionLineQ.Instance,
        PorousElectrode.Instance,
    ];

    /// <summary>Lookup by symbol; declared after <see cref="All"/> so it is initialised after it.</summary>
    private static readonly FrozenDictionary<string, CircuitElement> BySymbol = All.ToFrozenDictionary(e => e.Symbol, StringComparer.Ordinal);

    /// <summary>The element type with this symbol.</summary>
    /// <param name="symbol">A symbol such as <c>"CPE"</c> (case-sensitive).</param>
    /// <returns>The element type.</returns>
    /// <exception cref="ArgumentException">No element type has this symbol.</exception>
    public static CircuitElement FromSymbol(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return TryFromSymbol(symbol, out CircuitElement? element)
            ? element
            : throw new ArgumentException($"'{symbol}' is not an element type; known types are {KnownSymbols}.", nameof(symbol));
    }

    /// <summary>The element type with this symbol, if there is one.</summary>
    /// <param name="symbol">A symbol such as <c>"CPE"</c> (case-sensitive).</param>
    /// <param name="element">The element type, or null.</param>
    /// <returns>Whether the symbol is known.</returns>
    public static bool TryFromSymbol(string symbol, [NotNullWhen(true)] out CircuitElement? element) => BySymbol.TryGetValue(symbol, out element);

    /// <summary>The known symbols as a comma-separated list, for messages.</summary>
    internal static string KnownSymbols => string.Join(", ", All.Select(e => e.Symbol));
}
