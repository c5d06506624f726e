using System.Text;

namespace Electrochem.Impedance;

/// <summary>
/// A part of an equivalent circuit: an <see cref="ElementNode"/>, a <see cref="SeriesNode"/> or a <see cref="ParallelNode"/>
/// combination. Immutable, with value equality; <see cref="ToString"/> prints the circuit string
/// (<c>R0-p(R1,CPE1)-Wo1</c>) that <see cref="Circuit.Parse"/> reads back to an equal node.
/// </summary>
public abstract record CircuitNode
{
    private protected CircuitNode()
    {
    }

    /// <summary>The elements of this part, left to right as written (the order of their parameters).</summary>
    public abstract IEnumerable<ElementNode> Elements { get; }

    /// <summary>The impedance-py-style circuit string of this part, without spaces.</summary>
    /// <returns>E.g. <c>p(R1,CPE1)</c>.</returns>
    public sealed override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString();
    }

    /// <summary>Appends the circuit string of this part.</summary>
    internal abstract void AppendTo(StringBuilder text);
}
