using System.Buffers.Binary;
using System.Globalization;

namespace Electrochem.IO.Cycling;

/// <summary>Receives the records of one page of an <c>.ndc</c> file, in file order: <paramref name="count"/> (at least 1) records of <paramref name="recordSize"/> bytes, back to back.</summary>
internal delegate void NdcPageHandler(ReadOnlySpan<byte> records, int count, int recordSize);

/// <summary>
/// Reads the records of one Neware <c>.ndc</c> file (an entry of an <c>.ndax</c> archive) from a stream, 16 pages at
/// a time, so memory holds 64 KiB whatever the file claims, and hands each page's records to the caller at once. The header's file type and version must be a known
/// <see cref="NdcLayout"/>, every page must carry its layout's page type and a record count that fits the page, and the
/// file must end at a page boundary; anything else is a <see cref="DataFileException"/> naming the entry.
/// </summary>
internal static class NdcFile
{
    /// <summary>Pages read from the stream at once (64 KiB).</summary>
    private const int ChunkPages = 16;

    /// <summary>The file type (byte 0) and version (byte 2) of an <c>.ndc</c> header.</summary>
    internal static (int FileType, int Version) Identify(ReadOnlySpan<byte> header) => (header[0], header[2]);

    /// <summary>Reads every record of the file, checking it is of <paramref name="fileType"/>; returns the layout read.</summary>
    /// <param name="stream">The entry's bytes from the start.</param>
    /// <param name="length">The entry's uncompressed size as the archive states it; reading more or fewer bytes is an error.</param>
    /// <param name="source">The archive's name for messages.</param>
    /// <param name="entry">The entry's name for messages.</param>
    /// <param name="fileType">The file type expected (<see cref="NdcLayout.MainData"/>, …).</param>
    /// <param name="onPage">Receives each page's records.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    internal static NdcLayout Read(Stream stream, long length, string source, string entry, int fileType, NdcPageHandler onPage, CancellationToken cancellationToken)
    {
        if (length < NdcLayout.HeaderBytes || length % NdcLayout.PageBytes != 0)
        {
            throw Fail(source, entry, $"is {length} bytes long; an .ndc file is a 4096-byte header and whole 4096-byte pages");
        }

        byte[] buffer = new byte[ChunkPages * NdcLayout.PageBytes];
        ReadPages(stream, buffer.AsSpan(0, NdcLayout.PageBytes), source, entry, 0);
        (int type, int version) = Identify(buffer);
        if (type != fileType)
        {
            throw Fail(source, entry, $"is a {NdcLayout.Describe(type)} file (type {type}), but a {NdcLayout.Describe(fileType)} file (type {fileType}) was expected");
        }

        NdcLayout layout = NdcLayout.Find(type, version)
            ?? throw Fail(source, entry, $"is a {NdcLayout.Describe(type)} file of version {version}, which this reader does not know (it reads version {NdcLayout.Versions}); no values are guessed");
        long pages = (length / NdcLayout.PageBytes) - 1;
        for (long first = 1; first <= pages; first += ChunkPages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int chunk = (int)Math.Min(ChunkPages, pages - first + 1);
            ReadPages(stream, buffer.AsSpan(0, chunk * NdcLayout.PageBytes), source, entry, first);
            for (int i = 0; i < chunk; i++)
            {
                long p = first + i;
                ReadOnlySpan<byte> page = buffer.AsSpan(i * NdcLayout.PageBytes, NdcLayout.PageBytes);
                int pageType = BinaryPrimitives.ReadUInt16LittleEndian(page);
                int count = BinaryPrimitives.ReadUInt16LittleEndian(page[2..]);
                if (pageType == 0 && count == 0)
                {
                    continue; // An unused page.
                }

                if (pageType != layout.PageType)
                {
                    throw Fail(source, entry, $"page {p} has page type {pageType}; a version {version} {NdcLayout.Describe(type)} file's pages have type {layout.PageType}");
                }

                if (count > layout.Capacity)
                {
                    throw Fail(source, entry, $"page {p} claims {count} records, but a page holds at most {layout.Capacity} of {layout.RecordSize} bytes");
                }

                if (count > 0)
                {
                    onPage(page.Slice(NdcLayout.RecordsStart, count * layout.RecordSize), count, layout.RecordSize);
                }
            }
        }

        if (stream.ReadByte() >= 0)
        {
            throw Fail(source, entry, $"holds more than the {length} bytes the archive states; the archive is damaged");
        }

        return layout;
    }

    internal static DataFileException Fail(string source, string entry, string problem) => new(source, 1, $"the entry '{entry}' {problem}");

    /// <summary>Fills <paramref name="pages"/> with the next whole pages, the first of them page <paramref name="number"/> (0 the header).</summary>
    private static void ReadPages(Stream stream, Span<byte> pages, string source, string entry, long number)
    {
        int read;
        try
        {
            read = stream.ReadAtLeast(pages, pages.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw Fail(source, entry, $"cannot be decompressed ({e.Message})");
        }

        if (read < pages.Length)
        {
            throw Fail(source, entry, string.Create(CultureInfo.InvariantCulture, $"ends inside page {number + (read / NdcLayout.PageBytes)} ({read % NdcLayout.PageBytes} of 4096 bytes); the archive states more, so it is cut off or damaged"));
        }
    }
}
