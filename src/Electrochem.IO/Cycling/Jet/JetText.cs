using System.Text;

namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// Jet 4 text: UCS-2 little endian, or — when it starts with 0xFF 0xFE — Jet's "compressed unicode", in which a 0x00
/// byte switches between one byte per character (the high byte 0) and two, starting with one.
/// </summary>
internal static class JetText
{
    /// <summary>Decodes a stored text value.</summary>
    internal static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Decompress(bytes[2..]);
        }

        return Encoding.Unicode.GetString(bytes[..(bytes.Length & ~1)]);
    }

    private static string Decompress(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        bool compressed = true;
        int i = 0;
        while (i < bytes.Length)
        {
            if (bytes[i] == 0)
            {
                compressed = !compressed;
                i++;
            }
            else if (compressed)
            {
                text.Append((char)bytes[i]);
                i++;
            }
            else if (i + 1 < bytes.Length)
            {
                text.Append((char)(bytes[i] | (bytes[i + 1] << 8)));
                i += 2;
            }
            else
            {
                break;
            }
        }

        return text.ToString();
    }
}
