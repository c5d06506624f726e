namespace Electrochem.IO.Cycling.Hdf5;

/// <summary>
/// A chunked dataset's layout as <see cref="Hdf5StructureCheck"/> reads it: the chunk's dimensions (the last being the
/// element size in bytes), the chunk index (0: a version 1 B-tree; 1 to 5: the index types of layout version 4) and
/// its address, and a single filtered chunk's stored size when the layout gives it.
/// </summary>
internal sealed record Hdf5ChunkLayout(ulong[] Dimensions, int Index, ulong Address, ulong? SingleSize)
{
    /// <summary>The bytes of one chunk once read (saturating).</summary>
    internal ulong Bytes => Dimensions.Aggregate(1UL, (a, b) => b == 0 ? 0 : a <= ulong.MaxValue / b ? a * b : ulong.MaxValue);
}
