using System.Buffers.Binary;

namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// The row directory of a Jet 4 data page (also of LVAL pages): the row count at 0x0C, then one 2-byte offset per
/// row whose low 13 bits locate the row (rows are stored from the end of the page backwards, each ending where the
/// previous one starts) and whose top bits flag a deleted row (0x8000) or a pointer to the row's data elsewhere
/// (0x4000). Every offset is checked to lie in the page's row area.
/// </summary>
internal static class JetDataPage
{
    /// <summary>The offset of the table-definition page number (or <c>LVAL</c>) in a data page.</summary>
    internal const int OwnerOffset = 4;

    private const int RowCountOffset = 0x0C;
    private const int FirstRowOffset = 0x0E;
    private const int DeletedFlag = 0x8000;
    private const int LookupFlag = 0x4000;
    private const int OffsetMask = 0x1FFF;
    private const int MaximumHops = 8;

    /// <summary>The number of rows the page's directory holds, checked to fit the page.</summary>
    internal static int RowCount(JetFile file, ReadOnlySpan<byte> page, long pageNumber)
    {
        int count = BinaryPrimitives.ReadUInt16LittleEndian(page[RowCountOffset..]);
        if (FirstRowOffset + (2 * count) > JetFile.PageSize)
        {
            throw file.Fail($"data page {pageNumber} claims {count} rows, more than its row directory can hold; the file is damaged");
        }

        return count;
    }

    /// <summary>The page number that owns a data page (its table definition), or <c>LVAL</c> as a number.</summary>
    internal static uint Owner(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt32LittleEndian(page[OwnerOffset..]);

    /// <summary>The number of rows the directory does not mark deleted (each is one row of the table, or a pointer to one), checked as <see cref="RowCount"/>.</summary>
    internal static int LiveRows(JetFile file, ReadOnlySpan<byte> page, long pageNumber)
    {
        int count = RowCount(file, page, pageNumber);
        int live = 0;
        for (int row = 0; row < count; row++)
        {
            live += (Entry(page, row) & DeletedFlag) == 0 ? 1 : 0;
        }

        return live;
    }

    /// <summary>
    /// Where a row's data are: on this page, or — when the row is a pointer (0x4000) — on the page and row it points to,
    /// followed for at most 8 hops. False when the row is deleted. The page is the 4096 bytes of
    /// <paramref name="bytes"/> from <paramref name="offset"/> (pages are read several at a time); the data are
    /// <paramref name="start"/> to <paramref name="end"/> of <paramref name="data"/>, counted from its first byte.
    /// </summary>
    internal static bool TryLocate(JetFile file, byte[] bytes, int offset, long pageNumber, int row, out byte[] data, out int start, out int end)
    {
        data = bytes;
        int origin = offset;
        long number = pageNumber;
        for (int hop = 0; hop <= MaximumHops; hop++)
        {
            ReadOnlySpan<byte> page = data.AsSpan(origin, JetFile.PageSize);
            int count = RowCount(file, page, number);
            if (row >= count)
            {
                throw file.Fail($"a row pointer names row {row} of page {number}, which has {count} rows; the file is damaged");
            }

            int entry = Entry(page, row);
            if (hop == 0 && (entry & DeletedFlag) != 0)
            {
                (start, end) = (0, 0);
                return false;
            }

            (start, end) = Bounds(file, page, number, row, count);
            (start, end) = (origin + start, origin + end);
            if ((entry & LookupFlag) == 0)
            {
                return true;
            }

            if (end - start < 4)
            {
                throw file.Fail($"row {row} of page {number} is flagged as a pointer to its data elsewhere but holds {end - start} bytes, fewer than a 4-byte pointer; the file is damaged");
            }

            (int nextPage, int nextRow) = JetFile.Pointer(data.AsSpan(start, 4));
            (data, origin) = (file.Page(nextPage, 0x01, $"row {row} of page {number} (an overflow pointer)"), 0);
            (number, row) = (nextPage, nextRow);
        }

        throw file.Fail($"row {row} of page {pageNumber} is a chain of more than {MaximumHops} overflow pointers (or a loop); the file is damaged");
    }

    /// <summary>The byte range of a row on its page, checked to lie in the row area and to be non-empty.</summary>
    internal static (int Start, int End) Bounds(JetFile file, ReadOnlySpan<byte> page, long pageNumber, int row, int count)
    {
        int start = Entry(page, row) & OffsetMask;
        int end = row == 0 ? JetFile.PageSize : Entry(page, row - 1) & OffsetMask;
        int rowArea = FirstRowOffset + (2 * count);
        if (start < rowArea || end > JetFile.PageSize || start >= end)
        {
            throw file.Fail($"row {row} of page {pageNumber} spans bytes {start} to {end}, outside the page's row area ({rowArea} to {JetFile.PageSize}); the file is damaged");
        }

        return (start, end);
    }

    private static int Entry(ReadOnlySpan<byte> page, int row) => BinaryPrimitives.ReadUInt16LittleEndian(page[(FirstRowOffset + (2 * row))..]);
}
