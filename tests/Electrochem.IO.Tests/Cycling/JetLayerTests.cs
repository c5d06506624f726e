using System.Buffers.Binary;
using System.Text;
using Electrochem.IO.Cycling.Jet;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// The parts of the Jet 4 reader Arbin's files do not exercise, on pages built by hand after mdbtools' format notes:
/// compressed unicode, memo values inline, on one LVAL row and on a chain of LVAL rows, and usage maps of both types.
/// </summary>
public sealed class JetLayerTests
{
    [Fact]
    public void Text_is_UCS_2_or_compressed_unicode()
    {
        Assert.Equal("Voltage", JetText.Decode(Encoding.Unicode.GetBytes("Voltage")));
        // 0xFF 0xFE starts compressed text: one byte per character; a 0x00 switches to two bytes and back.
        byte[] compressed = [0xFF, 0xFE, (byte)'a', (byte)'b', 0x00, 0x3A, 0x04, 0x00, (byte)'c'];
        Assert.Equal("ab\u043Ac", JetText.Decode(compressed));
        Assert.Equal("a", JetText.Decode([0xFF, 0xFE, (byte)'a', 0x00, 0x41]));   // a cut-off wide character is dropped
        Assert.Equal(string.Empty, JetText.Decode([]));
    }

    [Fact]
    public void A_memo_inline_follows_its_header()
    {
        JetFile file = Database(out _);
        byte[] text = Encoding.Unicode.GetBytes("inline memo");
        byte[] field = [.. Header(text.Length, 0x8000_0000, 0, 0), .. text];
        Assert.Equal("inline memo", JetText.Decode(JetLongValue.Read(file, field, "a memo")));
        Assert.Contains("inline", Assert.Throws<DataFileException>(() => JetLongValue.Read(file, field.AsSpan(0, field.Length - 2), "a memo")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_memo_on_one_LVAL_row_and_on_a_chain_of_rows()
    {
        byte[] first = Encoding.Unicode.GetBytes("a memo longer than one page's row, ");
        byte[] second = Encoding.Unicode.GetBytes("continued on another page");
        JetFile file = Database(out _,
            Lval([.. Pointer(4, 0), .. first], Encoding.Unicode.GetBytes("one row")),   // page 3: row 0 starts a chain, row 1 a single-row memo
            Lval([.. Pointer(0, 0), .. second]));                                       // page 4: the chain's end
        byte[] single = Header(14, 0x4000_0000, 3, 1);
        Assert.Equal("one row", JetText.Decode(JetLongValue.Read(file, single, "a memo")));
        byte[] chained = Header(first.Length + second.Length, 0, 3, 0);
        Assert.Equal("a memo longer than one page's row, continued on another page", JetText.Decode(JetLongValue.Read(file, chained, "a memo")));
        byte[] tooLong = Header(first.Length + second.Length + 10, 0, 3, 0);
        Assert.Contains("ends after", Assert.Throws<DataFileException>(() => JetLongValue.Read(file, tooLong, "a memo")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_maps_inline_and_on_bitmap_pages()
    {
        byte[] bitmap = new byte[JetFile.PageSize];
        bitmap[0] = 0x05;
        bitmap[1] = 0x01;
        bitmap[4] = 0b0010_1000;                                                 // pages 3 and 5
        JetFile file = Database(out _,
            Lval([0x00, .. BitConverter.GetBytes(2u), 0b0000_0101], [0x01, .. BitConverter.GetBytes(4u)], [0x00, .. BitConverter.GetBytes(2u), 0b1000_0000]),
            bitmap,
            Lval([0x02]));
        Assert.Equal([2, 4], JetUsageMap.Pages(file, Pointer(3, 0), "table 't'"));   // type 0: start page 2, bits 0 and 2
        Assert.Equal([3, 5], JetUsageMap.Pages(file, Pointer(3, 1), "table 't'"));   // type 1: bitmap page 4
        Assert.Contains("marks page 9, but the database has 6 pages", Assert.Throws<DataFileException>(() => JetUsageMap.Pages(file, Pointer(3, 2), "table 't'")).Problem, StringComparison.Ordinal);
        Assert.Contains("is of type 2", Assert.Throws<DataFileException>(() => JetUsageMap.Pages(file, Pointer(5, 0), "table 't'")).Problem, StringComparison.Ordinal);
    }

    /// <summary>A database of the real half-cell's header page, two empty pages, then the given pages (from page 3).</summary>
    private static JetFile Database(out byte[] bytes, params byte[][] pages)
    {
        byte[] header = File.ReadAllBytes(CyclingFiles.Cellpy(ArbinResTests.HalfCell + ".res"))[..JetFile.PageSize];
        bytes = [.. header, .. new byte[2 * JetFile.PageSize], .. pages.SelectMany(p => p)];
        return JetFile.Open(new MemoryStream(bytes), "built.res");
    }

    /// <summary>An LVAL page: rows stored from the end of the page, row 0 last.</summary>
    private static byte[] Lval(params byte[][] rows)
    {
        byte[] page = new byte[JetFile.PageSize];
        page[0] = 0x01;
        page[1] = 0x01;
        "LVAL"u8.CopyTo(page.AsSpan(4));
        BinaryPrimitives.WriteUInt16LittleEndian(page.AsSpan(0x0C), (ushort)rows.Length);
        int end = JetFile.PageSize;
        for (int r = 0; r < rows.Length; r++)
        {
            int start = end - rows[r].Length;
            rows[r].CopyTo(page, start);
            BinaryPrimitives.WriteUInt16LittleEndian(page.AsSpan(0x0E + (2 * r)), (ushort)start);
            end = start;
        }

        return page;
    }

    private static byte[] Pointer(int page, int row) => BitConverter.GetBytes((uint)((page << 8) | row));

    private static byte[] Header(int length, uint flags, int page, int row) => [.. BitConverter.GetBytes((uint)length | flags), .. Pointer(page, row), 0, 0, 0, 0];
}
