using System.Buffers.Binary;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// The columns of a block of <paramref name="rows"/> × <paramref name="count"/> numbers, stored row by row
    /// (<paramref name="rowMajor"/>) or column by column. Little-endian doubles, what pandas writes for floats, are
    /// copied without decoding each value.
    /// </summary>
    internal static double[][] Columns(byte[] bytes, H5DataTypeClass kind, int size, bool signed, int rows, int count, bool rowMajor)
    {
        double[][] columns = new double[count][];
        for (int c = 0; c < count; c++)
        {
            columns[c] = new double[rows];
        }

        if (kind == H5DataTypeClass.FloatingPoint && size == 8 && BitConverter.IsLittleEndian)
        {
            ReadOnlySpan<double> all = MemoryMarshal.Cast<byte, double>(bytes.AsSpan(0, rows * count * 8));
            for (int c = 0; c < count && !rowMajor; c++)
            {
                all.Slice(c * rows, rows).CopyTo(columns[c]);
            }

            for (int r = 0; r < rows && rowMajor; r++)
            {
                ReadOnlySpan<double> row = all.Slice(r * count, count);
                for (int c = 0; c < row.Length; c++)
                {
                    columns[c][r] = row[c];
                }
            }

            return columns;
        }

        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < count; c++)
            {
                long element = rowMajor ? ((long)r * count) + c : ((long)c * rows) + r;
                columns[c][r] = Number(bytes.AsSpan((int)(element * size), size), kind, size, signed);
            }
        }

        return columns;
    }

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
