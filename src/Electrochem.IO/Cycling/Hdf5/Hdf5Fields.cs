using System.Buffers.Binary;

namespace Electrochem.IO.Cycling.Hdf5;

/// <summary>
/// The little-endian fields of one HDF5 structure (an object header message, a B-tree node, a heap's header) held in
/// memory, read in order. A field that would run past the structure's end means the structure lies about its size:
/// <see cref="Hdf5StructureCheck.Fail"/> names it.
/// </summary>
internal ref struct Hdf5Fields
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly Hdf5StructureCheck _check;
    private readonly string _what;

    internal Hdf5Fields(ReadOnlySpan<byte> bytes, Hdf5StructureCheck check, string what)
    {
        _bytes = bytes;
        _check = check;
        _what = what;
    }

    /// <summary>The index of the next field, from the structure's start.</summary>
    internal int Position { get; private set; }

    /// <summary>The bytes left after <see cref="Position"/>.</summary>
    internal readonly int Remaining => _bytes.Length - Position;

    internal byte Byte() => Take(1)[0];

    internal ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    internal uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    /// <summary>An unsigned integer of 1 to 8 bytes.</summary>
    internal ulong Sized(int size)
    {
        ReadOnlySpan<byte> field = Take(size);
        ulong value = 0;
        for (int i = size - 1; i >= 0; i--)
        {
            value = (value << 8) | field[i];
        }

        return value;
    }

    internal void Skip(long count)
    {
        if (count < 0 || count > Remaining)
        {
            throw Overrun(count);
        }

        Position += (int)count;
    }

    /// <summary>Skips a NUL-terminated string, then pads it (with its NUL) to a multiple of 8 bytes when <paramref name="pad"/> is set.</summary>
    internal void SkipString(bool pad)
    {
        int end = _bytes[Position..].IndexOf((byte)0);
        if (end < 0)
        {
            throw _check.Fail($"{_what} has a name that is not terminated within its {_bytes.Length} bytes");
        }

        int length = end + 1;
        Skip(pad ? (length + 7) / 8 * 8 : length);
    }

    internal ReadOnlySpan<byte> Take(long count)
    {
        if (count < 0 || count > Remaining)
        {
            throw Overrun(count);
        }

        ReadOnlySpan<byte> field = _bytes.Slice(Position, (int)count);
        Position += (int)count;
        return field;
    }

    private readonly DataFileException Overrun(long count) =>
        _check.Fail($"{_what} claims {count} more bytes at byte {Position}, but holds only {_bytes.Length}");
}
