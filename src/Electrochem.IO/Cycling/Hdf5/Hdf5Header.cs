namespace Electrochem.IO.Cycling.Hdf5;

/// <summary>
/// What <see cref="Hdf5StructureCheck"/> keeps from one object header while walking it: the group structure it leads
/// to (symbol tables as B-tree and local heap addresses, hard links by name), its dimensions and storage (chunks,
/// filters, and for variable-length data the stored elements whose global heap references are checked).
/// </summary>
internal sealed class Hdf5Header
{
    internal List<(ulong Tree, ulong Heap)> SymbolTables { get; } = [];

    internal List<(string Name, ulong Address)> Links { get; } = [];

    internal (int Class, uint Size)? Type { get; set; }

    /// <summary>The elements stored in the header (a compact layout).</summary>
    internal ReadOnlyMemory<byte>? Data { get; set; }

    /// <summary>The object's dataspace dimensions.</summary>
    internal ulong[]? Dimensions { get; set; }

    /// <summary>A chunked layout.</summary>
    internal Hdf5ChunkLayout? Chunk { get; set; }

    /// <summary>Whether the object has a filter pipeline (its chunks are stored compressed).</summary>
    internal bool Filtered { get; set; }

    /// <summary>The address and length of contiguous storage.</summary>
    internal (ulong Address, ulong Length)? Contiguous { get; set; }

}
