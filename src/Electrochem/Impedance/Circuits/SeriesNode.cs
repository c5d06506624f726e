using System.Collections.Immutable;
using System.Text;

namespace Electrochem.Impedance;

/// <summary>
/// Parts in series, written <c>a-b-c</c>: Z = Σ Zₖ, ∂Z/∂θ = ∂Zₖ/∂θ for the part that owns θ. At least two parts;
/// nested series are flattened (a-(b-c) is a-b-c), so equal circuits have equal trees.
/// </summary>
public sealed record SeriesNode : CircuitNode
{
    /// <summary>Parts in series, left to right.</summary>
    /// <param name="parts">At least two parts.</param>
    /// <exception cref="ArgumentException">Fewer than two parts, a part is null, or the tree nests deeper than <see cref="Circuit.MaximumNesting"/>.</exception>
    public SeriesNode(params IEnumerable<CircuitNode> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var flat = ImmutableArray.CreateBuilder<CircuitNode>();
        foreach (CircuitNode part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            if (part is SeriesNode inner)
            {
                flat.AddRange(inner.Parts);
            }
            else
            {
                flat.Add(part);
            }
        }

        if (flat.Count < 2)
        {
            throw new ArgumentException($"A series needs at least two parts but has {flat.Count}.", nameof(parts));
        }

        Parts = flat.ToImmutable();
        Depth = CheckedDepth(Parts, 0, nameof(parts));
    }

    /// <summary>The parts, left to right; none is itself a <see cref="SeriesNode"/>.</summary>
    public ImmutableArray<CircuitNode> Parts { get; }

    /// <inheritdoc/>
    public override IEnumerable<ElementNode> Elements => Parts.SelectMany(p => p.Elements);

    /// <summary>Structural equality: the same parts in the same order.</summary>
    /// <param name="other">Another series.</param>
    /// <returns>Whether both have equal parts in order.</returns>
    public bool Equals(SeriesNode? other) => other is not null && Parts.SequenceEqual(other.Parts);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (CircuitNode part in Parts)
        {
            hash.Add(part);
        }

        return hash.ToHashCode();
    }

    internal override void AppendTo(StringBuilder text)
    {
        for (int i = 0; i < Parts.Length; i++)
        {
            if (i > 0)
            {
                text.Append('-');
            }

            Parts[i].AppendTo(text);
        }
    }
}
