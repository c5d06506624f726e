using System.Collections.Immutable;
using System.Text;

namespace Electrochem.IO.Cycling;

/// <summary>
/// A cycler file being read: its name for messages, how to open it from the start, its text encoding (a byte-order
/// mark, else UTF-8 when the first 256 KiB are valid UTF-8, else Windows-1252 — what EC-Lab and most Windows cycler
/// software write), and its first lines for format detection and header parsing.
/// </summary>
internal sealed class CyclerSource
{
    private const int PreviewBytes = 256 * 1024;
    private const int PreviewLines = 400;

    private readonly Func<Stream> _open;

    private CyclerSource(string name, Func<Stream> open, Encoding encoding, ImmutableArray<string> firstLines, bool wholeFileInPreview, bool looksBinary, long? length, string? filePath, byte[] magic, bool isHdf5)
    {
        IsHdf5 = isHdf5;
        Magic = magic;
        FilePath = filePath;
        Length = length;
        LooksBinary = looksBinary;
        Name = name;
        _open = open;
        Encoding = encoding;
        FirstLines = firstLines;
        WholeFileInPreview = wholeFileInPreview;
    }

    internal string Name { get; }

    /// <summary>The file's path when it was opened by path (its data may then be read again in parts, in parallel); null for a caller's stream.</summary>
    internal string? FilePath { get; }

    internal Encoding Encoding { get; }

    /// <summary>Up to 400 lines from the start of the file (fewer when the first 256 KiB hold fewer), without line breaks.</summary>
    internal ImmutableArray<string> FirstLines { get; }

    /// <summary>True when <see cref="FirstLines"/> is the whole file.</summary>
    internal bool WholeFileInPreview { get; }

    /// <summary>The size in bytes, when the stream knows it.</summary>
    internal long? Length { get; }

    /// <summary>True when the first bytes hold NUL characters: a binary file (.mpr, .res, .ndax, .h5), not a text export.</summary>
    internal bool LooksBinary { get; }

    /// <summary>The first 32 bytes of the file (fewer when it is shorter): the magic numbers of binary formats.</summary>
    internal ReadOnlyMemory<byte> Magic { get; }

    /// <summary>True when the file starts as an EC-Lab binary file (<c>BIO-LOGIC MODULAR FILE</c>, a <c>.mpr</c>).</summary>
    internal bool IsBioLogicBinary => MprParser.IsMpr(Magic.Span);

    /// <summary>True when the HDF5 signature (<c>\x89HDF\r\n\x1a\n</c>) is at offset 0, or at 512, 1024, 2048… (after a user block) within the first 256 KiB.</summary>
    internal bool IsHdf5 { get; }

    /// <summary>The HDF5 format signature.</summary>
    internal static ReadOnlySpan<byte> Hdf5Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', (byte)'\r', (byte)'\n', 0x1A, (byte)'\n'];

    /// <summary>True when <paramref name="bytes"/> hold the HDF5 signature at 0 or at a power of two from 512 on.</summary>
    internal static bool HasHdf5Signature(ReadOnlySpan<byte> bytes)
    {
        for (int at = 0; at + 8 <= bytes.Length; at = at == 0 ? 512 : at * 2)
        {
            if (bytes.Slice(at, 8).SequenceEqual(Hdf5Signature))
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="name">The name for messages.</param>
    /// <param name="open">Opens the bytes from the start.</param>
    /// <param name="filePath">The file's path when opened by path.</param>
    /// <param name="knownLength">The size in bytes when <paramref name="open"/> gives a stream that does not know it (a caller's stream, wrapped).</param>
    internal static CyclerSource Create(string name, Func<Stream> open, string? filePath = null, long? knownLength = null)
    {
        byte[] buffer = new byte[PreviewBytes];
        int length;
        long? size;
        using (Stream stream = open())
        {
            size = knownLength ?? (stream.CanSeek ? stream.Length - stream.Position : null);
            length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }

        bool complete = length < buffer.Length;
        Encoding? utf16 = buffer.AsSpan(0, Math.Min(length, 2)) is [0xFF, 0xFE] or [0xFE, 0xFF] ? Encoding.Unicode : null;
        bool binary = utf16 is null && buffer.AsSpan(0, Math.Min(length, 8192)).Contains((byte)0);
        Encoding encoding = DetectEncoding(buffer.AsSpan(0, length), out int bom);
        string text = encoding.GetString(buffer, bom, length - bom);
        var lines = ImmutableArray.CreateBuilder<string>();
        int start = 0;
        while (start < text.Length && lines.Count < PreviewLines)
        {
            int end = text.AsSpan(start).IndexOfAny('\r', '\n');
            if (end < 0)
            {
                if (complete)
                {
                    lines.Add(text[start..]);
                }

                break;
            }

            lines.Add(text.Substring(start, end));
            start += end + 1;
            if (text[start - 1] == '\r' && start < text.Length && text[start] == '\n')
            {
                start++;
            }
        }

        return new CyclerSource(name, open, encoding, lines.ToImmutable(), complete && lines.Count < PreviewLines, binary, size, filePath, buffer[..Math.Min(length, 32)], HasHdf5Signature(buffer.AsSpan(0, length)));
    }

    /// <summary>
    /// The number of data rows after a header on <paramref name="headerLine"/>, estimated from the file's size and the
    /// average length of the data lines in the preview (0 when it cannot be estimated). Used only to size the first
    /// block of each column; a wrong estimate costs a copy, never a value.
    /// </summary>
    internal int EstimateRows(int headerLine)
    {
        if (Length is not { } bytes || headerLine < 1 || headerLine >= FirstLines.Length)
        {
            return 0;
        }

        long before = 0;
        for (int i = 0; i < headerLine; i++)
        {
            before += FirstLines[i].Length + 1;
        }

        long sample = 0;
        int count = 0;
        for (int i = headerLine; i < FirstLines.Length; i++, count++)
        {
            sample += FirstLines[i].Length + 1;
        }

        if (WholeFileInPreview)
        {
            return count;
        }

        double rows = (bytes - before) / ((double)sample / count);
        return (int)Math.Clamp((rows * 1.02) + 64, 0, Math.Min(bytes / 2, 1 << 28));
    }

    /// <summary>Opens the bytes from the start, for a binary format; seekable when the file or the caller's stream is.</summary>
    internal Stream OpenBinary() => _open();

    /// <summary>
    /// Opens the bytes from the start as a seekable stream, for the binary formats that jump between pages: the file
    /// itself, or an in-memory copy of a caller's stream that cannot seek (as long as that stream really is).
    /// </summary>
    internal Stream OpenSeekable()
    {
        Stream opened = _open();
        if (opened.CanSeek)
        {
            return opened;
        }

        using (opened)
        {
            var copy = new MemoryStream();
            opened.CopyTo(copy);
            copy.Position = 0;
            return copy;
        }
    }

    /// <summary>Opens the text from the start, guarded against absurdly long lines.</summary>
    internal BoundedLineReader OpenText(int maximumLineLength) =>
        new(new StreamReader(_open(), Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16), maximumLineLength);

    /// <summary>Opens the text and skips the lines before <paramref name="line"/> (1-based), so the reader is at that line.</summary>
    internal BoundedLineReader OpenTextAtLine(int line, int maximumLineLength)
    {
        BoundedLineReader reader = OpenText(maximumLineLength);
        for (int i = 1; i < line; i++)
        {
            if (reader.ReadLine() is null)
            {
                break;
            }
        }

        return reader;
    }

    private static Encoding DetectEncoding(ReadOnlySpan<byte> bytes, out int bomLength)
    {
        bomLength = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bomLength = 3;
            return new UTF8Encoding(false);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            bomLength = 2;
            return Encoding.Unicode;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            bomLength = 2;
            return Encoding.BigEndianUnicode;
        }

        // A multi-byte sequence cut at the end of the preview is not an error: drop up to 3 trailing bytes. (Checked
        // without decoding: a strict decoder throws on every binary file and every Latin-1 export.)
        for (int cut = 0; cut <= Math.Min(3, bytes.Length); cut++)
        {
            if (System.Text.Unicode.Utf8.IsValid(bytes[..^cut]))
            {
                return new UTF8Encoding(false);
            }

            if (bytes.Length < PreviewBytes)
            {
                break; // The whole file is here: nothing was cut.
            }
        }

        return CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
    }
}
