using System.Buffers.Binary;
using System.Text;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>Small EC-Lab binary files built in memory, and the places in a real one where counts can be made to lie.</summary>
internal static class MprBytes
{
    /// <summary>The 52-byte file header.</summary>
    internal static byte[] Magic => [.. Encoding.ASCII.GetBytes("BIO-LOGIC MODULAR FILE\x1a".PadRight(48)), 0, 0, 0, 0];

    /// <summary>
    /// A file with a settings module (technique GCPL) and a data module of <paramref name="points"/> points of the
    /// columns flags (mode), Ns, time/s, Ewe/V, I/mA (19 bytes a point, plus <paramref name="extraWidth"/> bytes of
    /// <paramref name="extraIds"/>), data module <paramref name="version"/> with the older header or version 0 with the
    /// EC-Lab ≥ 11.50 header.
    /// </summary>
    internal static byte[] Build(int points = 5, int version = 2, bool extended = false, int[]? extraIds = null, int extraWidth = 0)
    {
        int[] ids = [1, 131, 4, 6, 8, .. extraIds ?? []];
        int dataAt = extended ? 0x3EF : version == 3 ? 0x196 : 0x195;
        int width = 19 + extraWidth;
        byte[] data = new byte[dataAt + (points * width)];
        BinaryPrimitives.WriteUInt32LittleEndian(data, (uint)points);
        if (extended)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(4), (ushort)ids.Length);
        }
        else
        {
            data[4] = (byte)ids.Length;
        }

        for (int c = 0; c < ids.Length; c++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan((extended ? 6 : 5) + (2 * c)), (ushort)ids[c]);
        }

        for (int p = 0; p < points; p++)
        {
            Span<byte> row = data.AsSpan(dataAt + (p * width), width);
            row[0] = (byte)(p % 2 == 0 ? 1 : 2);                                   // mode
            BinaryPrimitives.WriteUInt16LittleEndian(row[1..], (ushort)(p / 2));   // Ns
            BinaryPrimitives.WriteDoubleLittleEndian(row[3..], p * 10.0);          // time/s
            BinaryPrimitives.WriteSingleLittleEndian(row[11..], 3.5f + (p * 0.01f)); // Ewe/V
            BinaryPrimitives.WriteSingleLittleEndian(row[15..], p % 2 == 0 ? 0.5f : -0.5f); // I/mA
            for (int e = 0; e < extraWidth; e++)
            {
                row[19 + e] = (byte)(p + e);
            }
        }

        byte[] settings = new byte[0x270];
        settings[0] = 4;
        BinaryPrimitives.WriteSingleLittleEndian(settings.AsSpan(0x107), 1.39f);
        BinaryPrimitives.WriteSingleLittleEndian(settings.AsSpan(0x25C), 0.12f);
        settings[0x260] = 2;
        return [.. Magic, .. Module("VMP Set", "VMP settings", settings, 0, extended), .. Module("VMP data", "VMP data", data, extended ? 0 : version, extended)];
    }

    internal static byte[] Module(string shortName, string longName, byte[] data, int version, bool extended)
    {
        var header = new List<byte>();
        header.AddRange(Encoding.ASCII.GetBytes("MODULE"));
        header.AddRange(Encoding.ASCII.GetBytes(shortName.PadRight(10)));
        header.AddRange(Encoding.ASCII.GetBytes(longName.PadRight(25)));
        if (extended)
        {
            header.AddRange([0xFF, 0xFF, 0xFF, 0xFF]);
        }

        header.AddRange(BitConverter.GetBytes((uint)data.Length));
        header.AddRange(BitConverter.GetBytes((uint)version));
        if (extended)
        {
            header.AddRange(BitConverter.GetBytes(11u));
        }

        header.AddRange(Encoding.ASCII.GetBytes("01/10/24"));
        return [.. header, .. data];
    }

    /// <summary>The byte offsets of every module's length field, and of the data module's point and column counts.</summary>
    internal static (List<int> Lengths, int Points, int Columns) Counts(byte[] bytes)
    {
        var lengths = new List<int>();
        int points = -1;
        int columns = -1;
        for (int at = 0x34; (long)at + 6 + 59 <= bytes.Length && bytes.AsSpan(at, 6).SequenceEqual("MODULE"u8);)
        {
            bool extended = bytes.AsSpan(at + 6 + 35, 4).IndexOfAnyExcept((byte)0xFF) < 0;
            int lengthAt = at + 6 + (extended ? 39 : 35);
            int dataAt = at + 6 + (extended ? 59 : 51);
            lengths.Add(lengthAt);
            if (bytes.AsSpan(at + 6, 8).SequenceEqual("VMP data"u8))
            {
                points = dataAt;
                columns = dataAt + 4;
            }

            at = dataAt + (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(lengthAt)), int.MaxValue - dataAt);
        }

        return (lengths, points, columns);
    }

    /// <summary>A copy of a file whose data module keeps only its first <paramref name="keep"/> points (the binary counterpart of a text file's first lines).</summary>
    internal static byte[] FirstPoints(byte[] bytes, int keep)
    {
        (List<int> lengths, int pointsAt, _) = Counts(bytes);
        if (pointsAt < 0)
        {
            return bytes;
        }

        int lengthAt = lengths.Single(l => l < pointsAt && pointsAt - l <= 24);
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(lengthAt));
        uint points = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pointsAt));
        if (points <= keep)
        {
            return bytes;
        }

        bool extended = pointsAt - lengthAt == 20;
        int version = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(lengthAt + 4));
        int dataAt = extended ? 0x3EF : version == 3 ? 0x196 : 0x195;
        int width = (int)((length - dataAt) / points);
        int newLength = dataAt + (keep * width);
        byte[] copy = [.. bytes.AsSpan(0, pointsAt + newLength), .. bytes.AsSpan(pointsAt + (int)length)];
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(lengthAt), (uint)newLength);
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(pointsAt), (uint)keep);
        return copy;
    }
}
