using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// A Jet 4 table: its definition (TDEF pages chained by their next-page pointers: column count, variable-column count,
/// index count, usage-map pointer, 25-byte column blocks, UCS-2 names) and its rows, found through the usage map.
/// Every count and offset is checked against the definition's bytes, so a damaged definition is a
/// <see cref="DataFileException"/>, never an out-of-range read.
/// </summary>
internal sealed class JetTable
{
    private const byte DefinitionPageType = 0x02;
    private const int MaximumDefinitionPages = 64;
    private const int ClaimedRowsOffset = 16;
    private const int VariableColumnCountOffset = 43;
    private const int ColumnCountOffset = 45;
    private const int RealIndexCountOffset = 51;
    private const int UsageMapOffset = 55;
    private const int FirstIndexOffset = 63;
    private const int RealIndexLength = 12;
    private const int ColumnBlockLength = 25;
    private const int MaximumRunPages = 16;

    private JetTable(JetFile file, string name, int definitionPage, List<JetColumn> columns, int variableColumns, long claimedRows, List<int> pages)
    {
        File = file;
        Name = name;
        DefinitionPage = definitionPage;
        Columns = columns;
        VariableColumnCount = variableColumns;
        ClaimedRows = claimedRows;
        DataPages = pages;
    }

    /// <summary>The database the table is in.</summary>
    internal JetFile File { get; }

    /// <summary>The table's name in the catalog.</summary>
    internal string Name { get; }

    /// <summary>The page of the table's definition; data pages name it as their owner.</summary>
    internal int DefinitionPage { get; }

    /// <summary>The columns in their design order (by column number).</summary>
    internal IReadOnlyList<JetColumn> Columns { get; }

    /// <summary>The number of variable-length columns; when 0, rows carry no variable-offset table.</summary>
    internal int VariableColumnCount { get; }

    /// <summary>The row count the definition states (a claim, checked against the rows found, never used to allocate).</summary>
    internal long ClaimedRows { get; }

    /// <summary>The pages the table's usage map marks as its own.</summary>
    internal IReadOnlyList<int> DataPages { get; }

    /// <summary>Reads a table's definition.</summary>
    internal static JetTable Read(JetFile file, string name, int definitionPage)
    {
        string what = $"the definition of table '{name}'";
        byte[] tdef = Definition(file, definitionPage, what);
        void Need(long offset, long length, string part)
        {
            if (offset < 0 || offset + length > tdef.Length)
            {
                throw file.Fail($"{what} (page {definitionPage}) ends before its {part}; the file is damaged");
            }
        }

        Need(0, FirstIndexOffset, "header");
        long claimedRows = BinaryPrimitives.ReadUInt32LittleEndian(tdef.AsSpan(ClaimedRowsOffset));
        int variableColumns = BinaryPrimitives.ReadUInt16LittleEndian(tdef.AsSpan(VariableColumnCountOffset));
        int columnCount = BinaryPrimitives.ReadUInt16LittleEndian(tdef.AsSpan(ColumnCountOffset));
        long realIndexes = BinaryPrimitives.ReadUInt32LittleEndian(tdef.AsSpan(RealIndexCountOffset));
        long offset = FirstIndexOffset + (realIndexes * RealIndexLength);
        Need(offset, (long)columnCount * ColumnBlockLength, $"{columnCount} column definitions after {realIndexes} index entries");
        var blocks = new (JetColumnType Type, int Number, int VariableIndex, int FixedOffset, int Length, bool IsFixed)[columnCount];
        int at = (int)offset;
        for (int i = 0; i < columnCount; i++, at += ColumnBlockLength)
        {
            ReadOnlySpan<byte> block = tdef.AsSpan(at, ColumnBlockLength);
            blocks[i] = ((JetColumnType)block[0], BinaryPrimitives.ReadUInt16LittleEndian(block[5..]), BinaryPrimitives.ReadUInt16LittleEndian(block[7..]),
                BinaryPrimitives.ReadUInt16LittleEndian(block[21..]), BinaryPrimitives.ReadUInt16LittleEndian(block[23..]), (block[15] & 0x01) != 0);
        }

        var columns = new List<JetColumn>(columnCount);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < columnCount; i++)
        {
            Need(at, 2, $"name of column {i + 1}");
            int length = BinaryPrimitives.ReadUInt16LittleEndian(tdef.AsSpan(at));
            Need(at + 2, length, $"name of column {i + 1} ({length} bytes)");
            string columnName = Encoding.Unicode.GetString(tdef, at + 2, length & ~1);
            at += 2 + length;
            var b = blocks[i];
            if (string.IsNullOrWhiteSpace(columnName) || !names.Add(columnName))
            {
                throw file.Fail($"{what} (page {definitionPage}) has a column named '{columnName}', empty or repeated; the file is damaged");
            }

            columns.Add(new JetColumn(columnName, b.Type, b.Number, b.VariableIndex, b.FixedOffset, b.Length, b.IsFixed));
        }

        columns.Sort((x, y) => x.Number.CompareTo(y.Number));
        List<int> pages = JetUsageMap.Pages(file, tdef.AsSpan(UsageMapOffset, 4), $"table '{name}'");
        return new JetTable(file, name, definitionPage, columns, variableColumns, claimedRows, pages);
    }

    /// <summary>Finds a column by name (ordinal, ignoring case), or null.</summary>
    internal JetColumn? Column(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Visits every live row in page order, then row order (deleted rows skipped, overflow pointers followed); the
    /// <see cref="JetRow"/> is valid only during the call. Returns the number of pages of the usage map that were not
    /// data pages of this table (skipped).
    /// </summary>
    internal int ForEachRow(Action<JetRow> visit, CancellationToken cancellationToken) =>
        ForEachPage(
            (bytes, offset, pageNumber) =>
            {
                int count = JetDataPage.RowCount(File, bytes.AsSpan(offset, JetFile.PageSize), pageNumber);
                for (int row = 0; row < count; row++)
                {
                    if (JetDataPage.TryLocate(File, bytes, offset, pageNumber, row, out byte[] data, out int start, out int end))
                    {
                        visit(new JetRow(this, data, pageNumber, row, start, end));
                    }
                }
            },
            cancellationToken);

    /// <summary>
    /// Visits each of the table's data pages in usage-map order as (bytes, offset of the page in them, page number),
    /// valid only during the call: consecutive pages are read together, up to 16 at a time, into one buffer. Pages of
    /// the usage map that are not data pages of this table are skipped and counted (the return value).
    /// </summary>
    internal int ForEachPage(Action<byte[], int, int> visit, CancellationToken cancellationToken)
    {
        int runLimit = Math.Clamp(DataPages.Count, 1, MaximumRunPages);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(runLimit * JetFile.PageSize);
        try
        {
            int foreign = 0;
            for (int i = 0; i < DataPages.Count;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int first = DataPages[i];
                int run = 1;
                while (run < runLimit && i + run < DataPages.Count && DataPages[i + run] == first + run)
                {
                    run++;
                }

                File.Read(first, run, buffer, $"table '{Name}'");
                for (int p = 0; p < run; p++)
                {
                    int offset = p * JetFile.PageSize;
                    if (buffer[offset] != 0x01 || JetDataPage.Owner(buffer.AsSpan(offset, JetFile.PageSize)) != (uint)DefinitionPage)
                    {
                        foreign++;
                        continue;
                    }

                    visit(buffer, offset, first + p);
                }

                i += run;
            }

            return foreign;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Definition(JetFile file, int first, string what)
    {
        byte[] page = file.Page(first, DefinitionPageType, what);
        var bytes = new List<byte>(page);
        var visited = new HashSet<uint> { (uint)first };
        uint next = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(4));
        while (next != 0)
        {
            if (!visited.Add(next) || visited.Count > MaximumDefinitionPages)
            {
                throw file.Fail($"{what} (page {first}) continues on a chain of pages that loops or runs past {MaximumDefinitionPages} pages; the file is damaged");
            }

            byte[] more = file.Page(next, DefinitionPageType, what);
            bytes.AddRange(more.AsSpan(8));
            next = BinaryPrimitives.ReadUInt32LittleEndian(more.AsSpan(4));
        }

        return [.. bytes];
    }
}
