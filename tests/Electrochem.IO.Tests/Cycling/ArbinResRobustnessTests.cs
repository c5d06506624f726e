using System.Buffers.Binary;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using Electrochem.IO.Cycling.Jet;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// The Arbin .res reader on damaged databases: a header that is Jet 3, unknown, encrypted or password-protected;
/// counts, offsets and page pointers that lie (rows, columns, usage maps, definition chains, overflow pointers and
/// long-value chains that loop); truncation and bit flips anywhere. Each must give a recording or a
/// <see cref="DataFileError"/> on line 1 naming the problem — never another exception, a huge allocation or an endless loop.
/// </summary>
public sealed class ArbinResRobustnessTests : IDisposable
{
    internal static readonly Lazy<(string Name, byte[] Bytes)[]> Samples = new(() => [(ArbinResTests.HalfCell + ".res", File.ReadAllBytes(CyclingFiles.Cellpy(ArbinResTests.HalfCell + ".res")))]);

    private static readonly Lazy<Layout> Structure = new(() => Layout.Of(Samples.Value[0].Bytes));

    private readonly CyclerFileRobustnessTests _checks = new();

    public void Dispose() => _checks.Dispose();

    [Fact]
    public void A_Jet_3_database_is_refused_with_the_reason() =>
        Refused(With(b => b[0x14] = 0), "Jet 3 (Access 97)");

    [Fact]
    public void An_unknown_engine_version_is_refused() =>
        Refused(With(b => b[0x14] = 9), "engine version byte 0x09");

    [Fact]
    public void An_encrypted_database_is_refused() =>
        Refused(WithMaskedHeader(h => h[0x3E - 0x18] = 1), "is encrypted");

    [Fact]
    public void A_password_protected_database_is_refused() =>
        Refused(WithMaskedHeader(h => h[0x42 - 0x18] ^= (byte)'a'), "database password");

    [Fact]
    public void A_database_cut_inside_a_page_is_refused() =>
        Refused(Samples.Value[0].Bytes[..(100 * JetFile.PageSize + 123)], "not a whole number of 4096-byte pages");

    [Fact]
    public void A_database_cut_at_a_page_boundary_is_refused() =>
        Refused(Samples.Value[0].Bytes[..(Structure.Value.NormalDataPages[^1] * JetFile.PageSize)], "the file is cut off");

    [Fact]
    public void A_data_page_claiming_too_many_rows_is_refused() =>
        Refused(With(b => Write16(b, (Structure.Value.NormalDataPages[3] * JetFile.PageSize) + 0x0C, 0xFFFF)), "claims 65535 rows");

    [Fact]
    public void A_row_offset_outside_its_page_is_refused() =>
        Refused(With(b => Write16(b, (Structure.Value.NormalDataPages[3] * JetFile.PageSize) + 0x0E, 3)), "outside the page's row area");

    [Fact]
    public void A_usage_map_beyond_the_file_is_refused() =>
        Refused(With(b => b[(Structure.Value.NormalDefinition * JetFile.PageSize) + 58] = 0x7F), "the usage map of table 'Channel_Normal_Table' points to page");

    [Fact]
    public void A_table_definition_chain_that_loops_is_refused() =>
        Refused(With(b => Write32(b, (Structure.Value.NormalDefinition * JetFile.PageSize) + 4, (uint)Structure.Value.NormalDefinition)), "loops");

    [Fact]
    public void A_column_count_that_lies_is_refused() =>
        Refused(With(b => Write16(b, (Structure.Value.NormalDefinition * JetFile.PageSize) + 45, 0xFFFF)), "ends before its 65535 column definitions");

    [Fact]
    public void An_overflow_pointer_to_itself_is_refused()
    {
        byte[] damaged = With(b =>
        {
            int page = Structure.Value.NormalDataPages[2];
            int at = page * JetFile.PageSize;
            int start = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at + 0x0E)) & 0x1FFF;
            Write16(b, at + 0x0E, start | 0x4000);
            Write32(b, at + start, (uint)(page << 8));     // row 0 of this page: itself
        });
        Refused(damaged, "overflow pointers");
    }

    [Fact]
    public void A_long_value_chain_that_loops_is_refused()
    {
        byte[] bytes = With(b =>
        {
            int page = Structure.Value.NormalDataPages[2];
            int at = page * JetFile.PageSize;
            int start = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at + 0x0E)) & 0x1FFF;
            Write32(b, at + start, (uint)(page << 8));     // the row's "next" pointer names the row itself
        });
        using var stream = new MemoryStream(bytes);
        JetFile file = JetFile.Open(stream, "loop.res");
        byte[] field = new byte[12];
        Write32(field, 0, 1_000_000);                      // 1 MB in a chain of LVAL rows (no inline, no single-row flag)
        Write32(field, 4, (uint)(Structure.Value.NormalDataPages[2] << 8));
        DataFileException e = Assert.Throws<DataFileException>(() => JetLongValue.Read(file, field, "a memo"));
        Assert.Contains("loops back", e.Problem, StringComparison.Ordinal);
        Write32(field, 0, 0x3FFF_FFFF);
        Assert.Contains("more than the whole database", Assert.Throws<DataFileException>(() => JetLongValue.Read(file, field, "a memo")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_metadata_table_is_named_in_a_warning_and_the_data_are_read()
    {
        byte[] damaged = With(b => Write16(b, (Structure.Value.Global * JetFile.PageSize) + 45, 0xFFFF));
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(new MemoryStream(damaged), "damaged.res");
        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(10_261, result.Value.RowCount);
        Assert.Null(result.Value.Metadata.ActiveMassGrams);
        Assert.Contains(result.Value.Warnings, w => w.StartsWith("the database's table 'Global_Table' could not be read (the definition of table 'Global_Table'", StringComparison.Ordinal));
    }

    /// <summary>
    /// A row whose null mask says an optional value (Internal_Resistance) is empty, among complete rows on its page:
    /// that value reads as empty (NaN) in that row only, and every other value of every row is as in the undamaged file.
    /// </summary>
    [Fact]
    public void A_null_value_in_one_row_is_empty_there_and_nowhere_else()
    {
        byte[] original = Samples.Value[0].Bytes;
        using var stream = new MemoryStream(original);
        JetFile file = JetFile.Open(stream, "sample.res");
        JetTable table = JetTable.Read(file, ArbinResReader.NormalTable, Structure.Value.NormalDefinition);
        JetColumn resistance = table.Columns.Single(c => c.Name == "Internal_Resistance");
        JetColumn point = table.Columns.Single(c => c.Name == "Data_Point");
        int at = Structure.Value.NormalDataPages[2] * JetFile.PageSize;
        int rows = BinaryPrimitives.ReadUInt16LittleEndian(original.AsSpan(at + 0x0C));
        int row = rows / 2;
        int start = BinaryPrimitives.ReadUInt16LittleEndian(original.AsSpan(at + 0x0E + (2 * row))) & 0x1FFF;
        int end = BinaryPrimitives.ReadUInt16LittleEndian(original.AsSpan(at + 0x0E + (2 * (row - 1)))) & 0x1FFF;
        int columns = BinaryPrimitives.ReadUInt16LittleEndian(original.AsSpan(at + start));
        double dataPoint = BinaryPrimitives.ReadInt32LittleEndian(original.AsSpan(at + start + 2 + point.FixedOffset));
        int maskByte = at + end - ((columns + 7) / 8) + (resistance.Number >> 3);
        Assert.NotEqual(0, original[maskByte] & (1 << (resistance.Number & 7)));
        byte[] damaged = With(b => b[maskByte] &= (byte)~(1 << (resistance.Number & 7)));

        CyclerRecording before = CyclerFile.TryRead(new MemoryStream(original), "sample.res").Value;
        CyclerRecording after = CyclerFile.TryRead(new MemoryStream(damaged), "damaged.res").Value;
        int index = before.Columns.Single(c => c.Quantity == RecordingQuantity.DataPoint).Values.IndexOf(dataPoint);
        Assert.True(index >= 0);
        Assert.Equal(before.Columns.Length, after.Columns.Length);
        for (int c = 0; c < before.Columns.Length; c++)
        {
            double[] expected = before.Columns[c].Values.ToArray();
            if (before.Columns[c].Name == "Internal_Resistance")
            {
                Assert.False(double.IsNaN(expected[index]));
                expected[index] = double.NaN;
            }

            Assert.Equal(expected, after.Columns[c].Values.ToArray());
        }
    }

    [Fact]
    public void A_file_that_is_not_a_database_but_says_so_is_refused() =>
        Refused([.. Samples.Value[0].Bytes.Take(19), .. new byte[JetFile.PageSize * 3]], "page");

    [Property(MaxTest = 150)]
    public Property Damaged_databases_read_or_fail_with_the_file(int seed)
    {
        var random = new Random(seed);
        (string name, byte[] bytes) = Samples.Value[0];
        for (int m = 0, count = 1 + random.Next(3); m < count; m++)
        {
            bytes = Mutate(bytes, random);
        }

        _checks.AssertHandled(name, bytes);
        return true.ToProperty();
    }

    /// <summary>One damage to a database: truncation, bit flips anywhere or in its structure, and counts, offsets and page pointers that lie.</summary>
    internal static byte[] Mutate(byte[] bytes, Random random)
    {
        Layout layout = Structure.Value;
        int pages = bytes.Length / JetFile.PageSize;
        if (pages < 4)
        {
            return bytes.Length == 0 ? bytes : bytes[..random.Next(bytes.Length)];
        }

        byte[] copy = (byte[])bytes.Clone();
        int Structural() => random.Next(6) switch
        {
            0 => 0,
            1 => layout.Catalog,
            2 => layout.NormalDefinition,
            3 => layout.UsageMap,
            _ => layout.NormalDataPages[random.Next(layout.NormalDataPages.Length)],
        };
        int page = Math.Min(Structural(), pages - 1) * JetFile.PageSize;
        switch (random.Next(9))
        {
            case 0: // truncate anywhere
                return bytes[..random.Next(bytes.Length)];
            case 1: // truncate at a page boundary
                return bytes[..(random.Next(1, pages) * JetFile.PageSize)];
            case 2: // flip bits anywhere
                for (int i = 0; i < 1 + random.Next(8); i++)
                {
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            case 3: // flip bits in the header, catalog, table definition, usage map or a data page's directory
                for (int i = 0; i < 1 + random.Next(4); i++)
                {
                    copy[page + random.Next(random.Next(2) == 0 ? 128 : JetFile.PageSize)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            case 4: // a row count that lies
                Write16(copy, page + 0x0C, random.Next(3) == 0 ? 0xFFFF : random.Next(0, 600));
                return copy;
            case 5: // a row offset (with or without the deleted and overflow flags) that lies
                Write16(copy, page + 0x0E + (2 * random.Next(40)), random.Next(0x10000));
                return copy;
            case 6: // a table-definition field that lies: rows, variable columns, columns, indexes, usage map, next page
                int[] fields = [4, 16, 43, 45, 47, 51, 55, 56, 57];
                int field = fields[random.Next(fields.Length)];
                Write32(copy, (Math.Min(layout.NormalDefinition, pages - 1) * JetFile.PageSize) + field, random.Next(3) switch { 0 => uint.MaxValue, 1 => (uint)random.Next(pages + 10), _ => (uint)random.Next() });
                return copy;
            case 7: // a page pointer that names itself, page 0, or a page past the end
                uint target = random.Next(3) switch { 0 => (uint)(page / JetFile.PageSize), 1 => 0u, _ => (uint)(pages + random.Next(1000)) };
                Write32(copy, page + random.Next(JetFile.PageSize - 4), (target << 8) | (uint)random.Next(4));
                return copy;
            default: // the engine version byte
                copy[0x14] = (byte)random.Next(8);
                return copy;
        }
    }

    private static void Refused(byte[] bytes, string reason)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(new MemoryStream(bytes), "damaged.res");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(result.IsSuccess);
        Assert.Equal("damaged.res", result.Error!.FilePath);
        Assert.Equal(1, result.Error.LineNumber);
        Assert.Contains(reason, result.Error.Problem, StringComparison.Ordinal);
        Assert.True(allocated < (64L << 20) + (20L * bytes.Length), $"{allocated} bytes allocated for a {bytes.Length}-byte database");
    }

    private static byte[] With(Action<byte[]> damage)
    {
        byte[] copy = (byte[])Samples.Value[0].Bytes.Clone();
        damage(copy);
        return copy;
    }

    /// <summary>Changes the RC4-masked part of page 0 (from 0x18, 128 bytes) as it reads unmasked.</summary>
    private static byte[] WithMaskedHeader(Action<byte[]> damage) => With(b =>
    {
        byte[] header = b[0x18..(0x18 + 128)];
        Rc4.Apply([0xC7, 0xDA, 0x39, 0x6B], header);
        damage(header);
        Rc4.Apply([0xC7, 0xDA, 0x39, 0x6B], header);
        header.CopyTo(b, 0x18);
    });

    private static void Write16(byte[] b, int at, int value) => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), (ushort)value);

    private static void Write32(byte[] b, int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at), value);

    /// <summary>Where the structures of the sample are: the catalog, the Channel_Normal_Table's definition, usage map and data pages.</summary>
    private sealed record Layout(int Catalog, int NormalDefinition, int UsageMap, int[] NormalDataPages, int Global)
    {
        internal static Layout Of(byte[] bytes)
        {
            using var stream = new MemoryStream(bytes);
            JetFile file = JetFile.Open(stream, "sample.res");
            IReadOnlyDictionary<string, int> tables = JetCatalog.Tables(file, CancellationToken.None);
            int definition = tables[ArbinResReader.NormalTable];
            JetTable table = JetTable.Read(file, ArbinResReader.NormalTable, definition);
            int usageMap = (int)(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((definition * JetFile.PageSize) + 55)) >> 8);
            return new Layout(2, definition, usageMap, [.. table.DataPages], tables[ArbinResMetadata.GlobalTable]);
        }
    }
}
