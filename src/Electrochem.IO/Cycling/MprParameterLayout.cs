using System.Collections.Immutable;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Where one technique's parameters are in an EC-Lab settings module of one layout version: the fields of a sequence,
/// and for techniques of several sequences (GCPL) the bytes from one sequence's values to the next.
/// </summary>
/// <param name="TechniqueId">The technique's ID (the settings module's first byte).</param>
/// <param name="Version">The layout version (the first byte of the parameter block).</param>
/// <param name="SequenceStride">The bytes of one sequence's values; 0 for a technique of one sequence.</param>
/// <param name="Fields">The parameters in the order the <c>.mpt</c> header prints them.</param>
internal sealed record MprParameterLayout(int TechniqueId, int Version, int SequenceStride, ImmutableArray<MprParameterField> Fields)
{
    /// <summary>True for a technique of sequences (the export prints an <c>Ns</c> row and one value column per sequence).</summary>
    internal bool Sequenced => SequenceStride > 0;

    /// <summary>The bytes one sequence's fields reach.</summary>
    internal int Extent => Fields.Max(f => f.Offset + f.Width);
}
