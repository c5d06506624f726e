using System.Buffers.Binary;
using System.Globalization;

namespace Electrochem.IO.Cycling;

/// <summary>Receives one record of an <c>.ndc</c> file, in file order.</summary>
internal delegate void NdcRecordHandler(ReadOnlySpan<byte> record);

/// <summary>
/// Reads the records of one Neware <c>.ndc</c> file (an entry of an <c>.ndax</c> archive) page by page from a stream,
/// so memory holds one page whatever the file claims. The header's file type and version must be a known
/// <see cref="NdcLayout"/>, every page must carry its layout's page type and a record count that fits the page, and the
/// file must end at a page boundary; anything else is a <see cref="DataFileException"/> naming the entry.
/// </summary>
internal static class NdcFile
{
    /// <summary>The file type (byte 0) and version (byte 2) of an <c>.ndc</c> header.</summary>
    internal static (int FileType, int Version) Identify(ReadOnlySpan<byte> header) => (header[0], header[2]);

    /// <summary>Reads every record of the file, checking it is of <paramref name="fileType"/>; returns the layout read.</summary>
    /// <param name="stream">The entry's bytes from the start.</param>
    /// <param name="length">The entry's uncompressed size as the archive states it; reading more or fewer bytes is an error.</param>
    /// <param name="source">The archive's name for messages.</param>
    /// <param name="entry">The entry's name for messages.</param>
    /// <param name="fileType">The file type expected (<see cref="NdcLayout.MainData"/>, …).</param>
    /// <param name="onRecord">Receives each record.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    internal static NdcLayout Read(Stream stream, long length, string source, string entry, int fileType, NdcRecordHandler onRecord, CancellationToken cancellationToken)
    {
        if (length < NdcLayout.HeaderBytes || length % NdcLayout.PageBytes != 0)
        {
            throw Fail(source, entry, $"is {length} bytes long; an .ndc file is a 4096-byte header and whole 4096-byte pages");
        }

        byte[] page = new byte[NdcLayout.PageBytes];
        ReadPage(stream, page, source, entry, 0);
        (int type, int version) = Identify(page);
        if (type != fileType)
        {
            throw Fail(source, entry, $"is a {NdcLayout.Describe(type)} file (type {type}), but a {NdcLayout.Describe(fileType)} file (type {fileType}) was expected");
        }

        NdcLayout layout = NdcLayout.Find(type, version)
            ?? throw Fail(source, entry, $"is a {NdcLayout.Describe(type)} file of version {version}, which this reader does not know (it reads version {NdcLayout.Versions}); no values are guessed");
        long pages = (length / NdcLayout.PageBytes) - 1;
        for (long p = 1; p <= pages; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadPage(stream, page, source, entry, p);
            int pageType = BinaryPrimitives.ReadUInt16LittleEndian(page);
            int count = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(2));
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

            for (int r = 0; r < count; r++)
            {
                onRecord(page.AsSpan(NdcLayout.RecordsStart + (r * layout.RecordSize), layout.RecordSize));
            }
        }

        if (stream.ReadByte() >= 0)
        {
            throw Fail(source, entry, $"holds more than the {length} bytes the archive states; the archive is damaged");
        }

        return layout;
    }

    internal static DataFileException Fail(string source, string entry, string problem) => new(source, 1, $"the entry '{entry}' {problem}");

    private static void ReadPage(Stream stream, byte[] page, string source, string entry, long number)
    {
        int read;
        try
        {
            read = stream.ReadAtLeast(page, page.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw Fail(source, entry, $"cannot be decompressed ({e.Message})");
        }

        if (read < page.Length)
        {
            throw Fail(source, entry, string.Create(CultureInfo.InvariantCulture, $"ends inside page {number} ({read} of 4096 bytes); the archive states more, so it is cut off or damaged"));
        }
    }
}
