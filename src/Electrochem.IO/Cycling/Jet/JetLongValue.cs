using System.Buffers.Binary;

namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// A memo or OLE value: a 12-byte field in the row (length in the low 30 bits of the first four bytes; bit 31 set
/// when the value follows inline, bit 30 when it is one whole row of an LVAL page, neither when it is a chain of LVAL
/// rows each starting with a pointer to the next). The declared length is checked against the file's size and a
/// chain against loops, so a damaged value is a <see cref="DataFileException"/>, never a huge allocation or an endless walk.
/// </summary>
internal static class JetLongValue
{
    private const int FieldLength = 12;
    private const int MaximumLength = 64 << 20;

    /// <summary>The value's bytes.</summary>
    internal static byte[] Read(JetFile file, ReadOnlySpan<byte> field, string purpose)
    {
        if (field.Length < FieldLength)
        {
            throw file.Fail($"{purpose} is a long value of {field.Length} bytes, shorter than its 12-byte header; the file is damaged");
        }

        uint header = BinaryPrimitives.ReadUInt32LittleEndian(field);
        long length = header & 0x3FFF_FFFF;
        if (length > (long)file.PageCount * JetFile.PageSize)
        {
            throw file.Fail($"{purpose} claims {length} bytes, more than the whole database; the file is damaged");
        }

        if (length > MaximumLength)
        {
            throw file.Fail($"{purpose} claims {length} bytes, more than the {MaximumLength} bytes this reader reads from one long value");
        }

        if ((header & 0x8000_0000) != 0)
        {
            if (FieldLength + length > field.Length)
            {
                throw file.Fail($"{purpose} claims {length} bytes inline, but its field holds {field.Length - FieldLength}; the file is damaged");
            }

            return field.Slice(FieldLength, (int)length).ToArray();
        }

        (int page, int row) = JetFile.Pointer(field[4..]);
        if ((header & 0x4000_0000) != 0)
        {
            ReadOnlySpan<byte> data = Row(file, page, row, purpose);
            if (data.Length < length)
            {
                throw file.Fail($"{purpose} claims {length} bytes on row {row} of page {page}, which holds {data.Length}; the file is damaged");
            }

            return data[..(int)length].ToArray();
        }

        byte[] value = new byte[length];
        int filled = 0;
        var visited = new HashSet<long>();
        while (filled < length)
        {
            if (page == 0 || !visited.Add(((long)page << 8) | (uint)row))
            {
                throw file.Fail($"{purpose} claims {length} bytes, but its chain of LVAL rows {(page == 0 ? "ends" : "loops back")} after {filled}; the file is damaged");
            }

            ReadOnlySpan<byte> data = Row(file, page, row, purpose);
            if (data.Length < 4)
            {
                throw file.Fail($"{purpose}: row {row} of page {page} is {data.Length} bytes long, too short for the next-row pointer; the file is damaged");
            }

            int take = (int)Math.Min(data.Length - 4, length - filled);
            data.Slice(4, take).CopyTo(value.AsSpan(filled));
            filled += take;
            (page, row) = JetFile.Pointer(data);
        }

        return value;
    }

    private static ReadOnlySpan<byte> Row(JetFile file, int page, int row, string purpose)
    {
        byte[] lval = file.Page(page, 0x01, purpose);
        if (!JetDataPage.TryLocate(file, lval, 0, page, row, out byte[] data, out int start, out int end))
        {
            throw file.Fail($"{purpose} points to row {row} of page {page}, which is deleted; the file is damaged");
        }

        return data.AsSpan(start, end - start);
    }
}
