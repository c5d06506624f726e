using System.Buffers.Binary;

namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// A table's page usage map: a row whose first byte says how it maps pages — type 0, a start page and a bitmap in
/// the row itself; type 1, a list of pointers to bitmap pages (type 0x05), each covering 4092 × 8 pages. Every page a
/// map marks is checked to exist, so a damaged map cannot make the reader allocate or read beyond the file.
/// </summary>
internal static class JetUsageMap
{
    private const int BitmapPageHeader = 4;
    private const int PagesPerBitmapPage = (JetFile.PageSize - BitmapPageHeader) * 8;

    /// <summary>The pages the map marks, in ascending order.</summary>
    internal static List<int> Pages(JetFile file, ReadOnlySpan<byte> pointer, string owner)
    {
        (int page, int row) = JetFile.Pointer(pointer);
        string purpose = $"the usage map of {owner}";
        byte[] mapPage = file.Page(page, 0x01, purpose);
        if (!JetDataPage.TryLocate(file, mapPage, 0, page, row, out byte[] data, out int start, out int end))
        {
            throw file.Fail($"{purpose} (row {row} of page {page}) is marked deleted; the file is damaged");
        }

        ReadOnlySpan<byte> map = data.AsSpan(start, end - start);
        var pages = new List<int>();
        switch (map[0])
        {
            case 0:
                if (map.Length < 5)
                {
                    throw file.Fail($"{purpose} (row {row} of page {page}) is {map.Length} bytes long, too short for a start page; the file is damaged");
                }

                Mark(file, BinaryPrimitives.ReadUInt32LittleEndian(map[1..]), map[5..], pages, purpose);
                break;
            case 1:
                for (int i = 0; 1 + (4 * i) + 4 <= map.Length; i++)
                {
                    uint bitmapPage = BinaryPrimitives.ReadUInt32LittleEndian(map[(1 + (4 * i))..]);
                    if (bitmapPage != 0)
                    {
                        byte[] bitmap = file.Page(bitmapPage, 0x05, purpose);
                        Mark(file, (long)i * PagesPerBitmapPage, bitmap.AsSpan(BitmapPageHeader), pages, purpose);
                    }
                }

                break;
            default:
                throw file.Fail($"{purpose} (row {row} of page {page}) is of type {map[0]}; only types 0 (inline bitmap) and 1 (bitmap pages) exist");
        }

        return pages;
    }

    private static void Mark(JetFile file, long first, ReadOnlySpan<byte> bitmap, List<int> pages, string purpose)
    {
        for (int i = 0; i < bitmap.Length; i++)
        {
            byte bits = bitmap[i];
            for (int b = 0; bits != 0 && b < 8; b++, bits >>= 1)
            {
                if ((bits & 1) == 0)
                {
                    continue;
                }

                long page = first + (8L * i) + b;
                if (page >= file.PageCount)
                {
                    throw file.Fail($"{purpose} marks page {page}, but the database has {file.PageCount} pages; the file is cut off or damaged");
                }

                pages.Add((int)page);
            }
        }
    }
}
