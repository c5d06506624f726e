using System.Collections.Immutable;
using System.Text;

namespace Electrochem.Impedance;

/// <summary>
/// Branches in parallel, written <c>p(a,b,…)</c>: Z = 1/Σ(1/Zₖ), and for θ in branch k ∂Z/∂θ = (Z/Zₖ)²·∂Zₖ/∂θ
/// (the chain rule through the admittances). At least two branches; a branch may be a series or another parallel.
/// </summary>
public sealed record ParallelNode : CircuitNode
{
    /// <summary>Branches in parallel, in the order written.</summary>
    /// <param name="branches">At least two branches.</param>
    /// <exception cref="ArgumentException">Fewer than two branches, a branch is null, or the tree nests deeper than <see cref="Circuit.MaximumNesting"/>.</exception>
    public ParallelNode(params IEnumerable<CircuitNode> branches)
    {
        ArgumentNullException.ThrowIfNull(branches);
        ImmutableArray<CircuitNode> list = [.. branches];
        foreach (CircuitNode branch in list)
        {
            ArgumentNullException.ThrowIfNull(branch, nameof(branches));
        }

        if (list.Length < 2)
        {
            throw new ArgumentException($"A parallel combination needs at least two branches but has {list.Length}.", nameof(branches));
        }

        Branches = list;
        Depth = CheckedDepth(Branches, 1, nameof(branches));
    }

    /// <summary>The branches in the order written.</summary>
    public ImmutableArray<CircuitNode> Branches { get; }

    /// <inheritdoc/>
    public override IEnumerable<ElementNode> Elements => Branches.SelectMany(b => b.Elements);

    /// <summary>Structural equality: the same branches in the same order.</summary>
    /// <param name="other">Another parallel combination.</param>
    /// <returns>Whether both have equal branches in order.</returns>
    public bool Equals(ParallelNode? other) => other is not null && Branches.SequenceEqual(other.Branches);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (CircuitNode branch in Branches)
        {
            hash.Add(branch);
        }

        return hash.ToHashCode();
    }

    internal override void AppendTo(StringBuilder text)
    {
        text.Append("p(");
        for (int i = 0; i < Branches.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            Branches[i].AppendTo(text);
        }

        text.Append(')');
    }
}
