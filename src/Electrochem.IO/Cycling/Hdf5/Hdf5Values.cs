using System.Buffers.Binary;
using PureHDF;

namespace Electrochem.IO.Cycling.Hdf5;

/// <summary>
/// Decodes the raw bytes of HDF5 numbers into doubles without reflection: little-endian signed and unsigned integers
/// of 1, 2, 4 and 8 bytes, IEEE floats of 4 and 8 bytes, and 1-byte booleans (bit fields); fixed-length strings as
/// text. What pandas writes on every platform it runs on.
/// </summary>
internal static class Hdf5Values
{
    /// <summary>True when the element type is one <see cref="Number"/> decodes.</summary>
    internal static bool IsNumeric(IH5DataType type) => type.Class switch
    {
        H5DataTypeClass.FixedPoint => type.Size is 1 or 2 or 4 or 8,
        H5DataTypeClass.FloatingPoint => type.Size is 4 or 8,
        H5DataTypeClass.BitField => type.Size == 1,
        _ => false,
    };

    /// <summary>True when the element type is a fixed-length string.</summary>
    internal static bool IsFixedString(IH5DataType type) => type.Class == H5DataTypeClass.String && type.Size > 0;

    /// <summary>The number at the start of <paramref name="bytes"/>.</summary>
    internal static double Number(ReadOnlySpan<byte> bytes, H5DataTypeClass kind, int size, bool signed) => kind switch
    {
        H5DataTypeClass.FloatingPoint => size == 4 ? BinaryPrimitives.ReadSingleLittleEndian(bytes) : BinaryPrimitives.ReadDoubleLittleEndian(bytes),
        H5DataTypeClass.BitField => bytes[0] != 0 ? 1 : 0,
        _ => (size, signed) switch
        {
            (1, true) => (sbyte)bytes[0],
            (1, false) => bytes[0],
            (2, true) => BinaryPrimitives.ReadInt16LittleEndian(bytes),
            (2, false) => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
            (4, true) => BinaryPrimitives.ReadInt32LittleEndian(bytes),
            (4, false) => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            (8, true) => BinaryPrimitives.ReadInt64LittleEndian(bytes),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        },
    };

    /// <summary>Whether an integer type is signed (false for other classes).</summary>
    internal static bool IsSigned(IH5DataType type) => type.Class == H5DataTypeClass.FixedPoint && type.FixedPoint.IsSigned;

    /// <summary>A fixed-length string (NUL-padded or NUL-terminated, UTF-8), or null when empty.</summary>
    internal static string? Text(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        ReadOnlySpan<byte> used = (end < 0 ? bytes : bytes[..end]).TrimEnd((byte)' ');
        return used.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(used);
    }
}
