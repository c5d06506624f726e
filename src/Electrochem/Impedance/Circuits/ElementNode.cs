using System.Text;

namespace Electrochem.Impedance;

/// <summary>
/// One named element of a circuit, e.g. <c>CPE1</c>: an element type (<see cref="CircuitElement"/>) and an identifier of
/// digits and underscores ending in a digit (<c>0</c>, <c>12</c>, <c>_1</c>), as impedance.py names them. Its parameters
/// are named like impedance.py's: the name itself for a one-parameter element (<c>R0</c>), else the name with
/// <c>_0</c>, <c>_1</c>, … appended (<c>CPE1_0</c>, <c>CPE1_1</c>).
/// </summary>
public sealed record ElementNode : CircuitNode
{
    /// <summary>An element from its full name, e.g. <c>"Wo1"</c>: the leading letters are the type, the rest the identifier.</summary>
    /// <param name="name">Type symbol followed by an identifier of digits and underscores that ends in a digit.</param>
    /// <exception cref="ArgumentException">The name does not have that form or its type is unknown.</exception>
    public ElementNode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int letters = 0;
        while (letters < name.Length && char.IsAsciiLetter(name[letters]))
        {
            letters++;
        }

        string symbol = name[..letters];
        if (!CircuitElements.TryFromSymbol(symbol, out CircuitElement? element))
        {
            throw new ArgumentException($"'{name}' does not start with an element type; known types are {CircuitElements.KnownSymbols}.", nameof(name));
        }

        string identifier = name[letters..];
        CheckIdentifier(identifier, name);
        Element = element;
        Identifier = identifier;
    }

    /// <summary>An element from its type and identifier.</summary>
    /// <param name="element">The element type.</param>
    /// <param name="identifier">Digits and underscores, ending in a digit, e.g. <c>"1"</c> or <c>"_2"</c>.</param>
    /// <exception cref="ArgumentException">The identifier does not have that form.</exception>
    public ElementNode(CircuitElement element, string identifier)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(identifier);
        CheckIdentifier(identifier, element.Symbol + identifier);
        Element = element;
        Identifier = identifier;
    }

    /// <summary>The element type.</summary>
    public CircuitElement Element { get; }

    /// <summary>The identifier after the type symbol, e.g. <c>"1"</c> in <c>CPE1</c>.</summary>
    public string Identifier { get; }

    /// <summary>The full name, type symbol + identifier, e.g. <c>"CPE1"</c>.</summary>
    public string Name => Element.Symbol + Identifier;

    /// <inheritdoc/>
    public override IEnumerable<ElementNode> Elements => [this];

    /// <summary>The name of the element's parameter at <paramref name="index"/> (impedance.py's rule).</summary>
    /// <param name="index">0 ≤ index &lt; the element's parameter count.</param>
    /// <returns><c>Name</c> for a one-parameter element, else <c>Name_index</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is out of range.</exception>
    public string ParameterName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Element.Parameters.Length);
        return Element.Parameters.Length == 1 ? Name : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name}_{index}");
    }

    internal override void AppendTo(StringBuilder text) => text.Append(Name);

    /// <summary>Whether an identifier is digits and underscores ending in a digit.</summary>
    internal static bool IsIdentifier(ReadOnlySpan<char> identifier)
    {
        if (identifier.IsEmpty || !char.IsAsciiDigit(identifier[^1]))
        {
            return false;
        }

        foreach (char c in identifier)
        {
            if (!char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckIdentifier(string identifier, string name)
    {
        if (!IsIdentifier(identifier))
        {
            throw new ArgumentException($"'{name}' is not an element name: after the type comes an identifier of digits and underscores ending in a digit, like R0 or CPE_1.", nameof(identifier));
        }
    }
}
