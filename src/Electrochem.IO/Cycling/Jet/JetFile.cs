using System.Buffers.Binary;

namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// A Jet 4 / ACE database opened read-only: its checked header and its 4 KiB pages, read on demand from a seekable
/// stream. Every page number is checked against the file's length before it is read, so nothing a page claims can
/// make the reader look outside the file; problems are <see cref="DataFileException"/>s on line 1 naming the page.
/// Not thread-safe.
/// </summary>
internal sealed class JetFile
{
    /// <summary>The page size of Jet 4 and ACE databases.</summary>
    internal const int PageSize = 4096;

    private const int CacheLimit = 64;
    private readonly Stream _stream;
    private readonly long _origin;
    private readonly Dictionary<int, byte[]> _cache = [];

    private JetFile(Stream stream, long origin, string source, int pageCount, JetHeader header)
    {
        _stream = stream;
        _origin = origin;
        Source = source;
        PageCount = pageCount;
        Header = header;
    }

    /// <summary>The file's name for messages.</summary>
    internal string Source { get; }

    /// <summary>The number of whole pages in the file.</summary>
    internal int PageCount { get; }

    /// <summary>What page 0 says.</summary>
    internal JetHeader Header { get; }

    /// <summary>Opens a database from a seekable stream positioned at its first byte (the stream stays the caller's).</summary>
    internal static JetFile Open(Stream stream, string source)
    {
        long origin = stream.Position;
        long length = stream.Length - origin;
        byte[] first = new byte[PageSize];
        int read = stream.ReadAtLeast(first, PageSize, throwOnEndOfStream: false);
        if (read < PageSize)
        {
            throw new DataFileException(source, 1, $"the database is {read} bytes long, shorter than its first 4096-byte page; the file is cut off");
        }

        JetHeader header = JetHeader.Parse(first, source);
        if (length % PageSize != 0)
        {
            throw new DataFileException(source, 1, $"the database is {length} bytes long, not a whole number of 4096-byte pages; the file is cut off or damaged (its last page is incomplete)");
        }

        if (length / PageSize > int.MaxValue)
        {
            throw new DataFileException(source, 1, $"the database is {length} bytes long, more pages than a Jet database can have");
        }

        var file = new JetFile(stream, origin, source, (int)(length / PageSize), header);
        file._cache[0] = first;
        return file;
    }

    /// <summary>A problem with the file as a whole, on line 1 (a binary file has no lines).</summary>
    internal DataFileException Fail(string problem) => new(Source, 1, problem);

    /// <summary>A page's bytes (4096); the array may be shared with later calls for the same page, so never write to it.</summary>
    internal byte[] Page(long number, string purpose)
    {
        if (number <= 0 || number >= PageCount)
        {
            throw Fail($"{purpose} points to page {number}, but the database has pages 1 to {PageCount - 1}; the file is damaged");
        }

        int page = (int)number;
        if (_cache.TryGetValue(page, out byte[]? cached))
        {
            return cached;
        }

        if (_cache.Count >= CacheLimit)
        {
            byte[] zero = _cache[0];
            _cache.Clear();
            _cache[0] = zero;
        }

        byte[] buffer = new byte[PageSize];
        _stream.Position = _origin + ((long)page * PageSize);
        if (_stream.ReadAtLeast(buffer, PageSize, throwOnEndOfStream: false) < PageSize)
        {
            throw Fail($"page {page} could not be read whole; the file changed or is cut off");
        }

        _cache[page] = buffer;
        return buffer;
    }

    /// <summary>
    /// Reads <paramref name="count"/> consecutive pages from <paramref name="first"/> into the start of
    /// <paramref name="into"/>, past the cache (for a table's data pages, read once in runs).
    /// </summary>
    internal void Read(int first, int count, byte[] into, string purpose)
    {
        int last = first + count - 1;
        if (first <= 0 || last >= PageCount)
        {
            throw Fail($"{purpose} points to page {(first <= 0 ? first : last)}, but the database has pages 1 to {PageCount - 1}; the file is damaged");
        }

        int length = count * PageSize;
        _stream.Position = _origin + ((long)first * PageSize);
        if (_stream.ReadAtLeast(into.AsSpan(0, length), length, throwOnEndOfStream: false) < length)
        {
            throw Fail($"pages {first} to {last} could not be read whole; the file changed or is cut off");
        }
    }

    /// <summary>A page that must be of a given type (first byte): 0x01 data, 0x02 table definition, 0x05 usage bitmap.</summary>
    internal byte[] Page(long number, byte type, string purpose)
    {
        byte[] page = Page(number, purpose);
        if (page[0] != type)
        {
            throw Fail($"{purpose} points to page {number}, which is a page of type 0x{page[0]:X2}, not 0x{type:X2} ({TypeName(type)}); the file is damaged");
        }

        return page;
    }

    /// <summary>A page/row pointer as Jet stores it: the row number in the low byte, the page in the upper three.</summary>
    internal static (int Page, int Row) Pointer(ReadOnlySpan<byte> bytes) =>
        ((int)(BinaryPrimitives.ReadUInt32LittleEndian(bytes) >> 8), bytes[0]);

    private static string TypeName(byte type) => type switch
    {
        0x01 => "a data page",
        0x02 => "a table definition",
        0x05 => "a page usage bitmap",
        _ => "a page",
    };
}
