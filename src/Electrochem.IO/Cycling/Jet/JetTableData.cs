using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// A whole table read into columns: numeric columns as doubles (NaN where null), the others as text (null where
/// null), in the order the rows are stored or in an order taken from key columns. The rows are counted first — the
/// live entries of the row directories of the table's pages, each directory checked to fit its page, and with them
/// the values of the key columns — and the columns are allocated at that size, so memory follows what the pages hold,
/// never a count a header claims; then each page's rows are decoded a column at a time, every value written to its
/// row's final place.
/// </summary>
internal sealed class JetTableData
{
    private JetTableData(JetTable table, int rowCount, double[]?[] numbers, string?[]?[] texts, int foreignPages)
    {
        Table = table;
        RowCount = rowCount;
        Numbers = numbers;
        Texts = texts;
        ForeignPages = foreignPages;
    }

    /// <summary>The table.</summary>
    internal JetTable Table { get; }

    /// <summary>The number of live rows read.</summary>
    internal int RowCount { get; }

    /// <summary>Per column (in <see cref="JetTable.Columns"/> order): the values of a numeric column, else null.</summary>
    internal double[]?[] Numbers { get; }

    /// <summary>Per column: the values of a text-like column, else null.</summary>
    internal string?[]?[] Texts { get; }

    /// <summary>Pages of the table's usage map that were not its data pages (skipped).</summary>
    internal int ForeignPages { get; }

    /// <summary>Reads every live row of a table, in the order they are stored.</summary>
    internal static JetTableData Read(JetTable table, CancellationToken cancellationToken) => Read(table, [], _ => null, cancellationToken);

    /// <summary>
    /// Reads every live row of a table in the order <paramref name="order"/> gives. The first pass over the pages
    /// counts the rows and reads the key columns (<paramref name="keys"/>, by name, ignoring case); <paramref name="order"/>
    /// gets their values in stored order (null for a key that is not a numeric column) and returns the order of the
    /// rows — row i becomes the stored row <c>order[i]</c>, a permutation — or null to keep the stored order. The
    /// second pass writes every other value straight to its row's place, so no column is reordered afterwards.
    /// </summary>
    internal static JetTableData Read(JetTable table, IReadOnlyList<string> keys, Func<double[]?[], int[]?> order, CancellationToken cancellationToken)
    {
        IReadOnlyList<JetColumn> columns = table.Columns;
        int[] keyColumns = [.. keys.Select(k => IndexOf(columns, k)).Select(c => c >= 0 && columns[c].IsNumeric ? c : -1)];
        bool anyKey = keyColumns.Any(c => c >= 0);
        var stored = new double[]?[keys.Count];
        int[]? destinations = null;
        try
        {
            for (int k = 0; k < keys.Count; k++)
            {
                stored[k] = keyColumns[k] >= 0 ? ArrayPool<double>.Shared.Rent(1024) : null;
            }

            JetRow[] rows = [];
            int capacity = 0;
            table.ForEachPage(
                (bytes, offset, pageNumber) =>
                {
                    if (!anyKey)
                    {
                        capacity += JetDataPage.LiveRows(table.File, bytes.AsSpan(offset, JetFile.PageSize), pageNumber);
                        return;
                    }

                    int found = Locate(table, bytes, offset, pageNumber, ref rows);
                    for (int k = 0; k < keys.Count; k++)
                    {
                        if (stored[k] is { } buffer)
                        {
                            if (capacity + found > buffer.Length)
                            {
                                stored[k] = buffer = Grow(buffer, capacity);
                            }

                            JetColumn column = columns[keyColumns[k]];
                            for (int r = 0; r < found; r++)
                            {
                                buffer[capacity + r] = rows[r].Number(column);
                            }
                        }
                    }

                    capacity += found;
                },
                cancellationToken);

            var numbers = new double[]?[columns.Count];
            var texts = new string?[]?[columns.Count];
            for (int c = 0; c < columns.Count; c++)
            {
                if (columns[c].IsNumeric)
                {
                    // Every row of every column is written below (the places are a permutation; a page count
                    // that changes throws), so the column needs no zeroing.
                    numbers[c] = GC.AllocateUninitializedArray<double>(capacity);
                }
                else
                {
                    texts[c] = new string?[capacity];
                }
            }

            var keyValues = new double[]?[keys.Count];
            for (int k = 0; k < keys.Count; k++)
            {
                if (stored[k] is { } buffer)
                {
                    keyValues[k] = numbers[keyColumns[k]];
                    buffer.AsSpan(0, capacity).CopyTo(keyValues[k]);
                }
            }

            int[] at = destinations = ArrayPool<int>.Shared.Rent(capacity);
            Place(order(keyValues), at, capacity);
            for (int k = 0; k < keys.Count; k++)
            {
                if (stored[k] is { } buffer)
                {
                    double[] values = keyValues[k]!;
                    for (int i = 0; i < capacity; i++)
                    {
                        values[at[i]] = buffer[i];
                    }
                }
            }

            // Rows that hold every fixed-length numeric value (nearly all) are read at fixed offsets from one start.
            RowShape shape = RowShape.Of(columns, keyColumns);
            int[] starts = [];
            int filled = 0;
            int foreign = table.ForEachPage(
                (bytes, offset, pageNumber) =>
                {
                    int found = Locate(table, bytes, offset, pageNumber, ref rows);
                    if (filled + found > capacity)
                    {
                        throw Changed(table);
                    }

                    ReadOnlySpan<JetRow> page = rows.AsSpan(0, found);
                    ReadOnlySpan<int> places = at.AsSpan(filled, found);
                    if (starts.Length < found)
                    {
                        starts = new int[rows.Length];
                    }

                    for (int r = 0; r < found; r++)
                    {
                        starts[r] = page[r].CompleteFixedStart(bytes, shape.ColumnCount, shape.Required, shape.FixedLength);
                    }

                    for (int c = 0; c < columns.Count; c++)
                    {
                        if (Array.IndexOf(keyColumns, c) >= 0)
                        {
                            continue;
                        }

                        if (numbers[c] is { } values)
                        {
                            Decode(columns[c], page, values, places, bytes, shape.IsCovered(c) ? starts.AsSpan(0, found) : default);
                        }
                        else
                        {
                            string?[] strings = texts[c]!;
                            for (int r = 0; r < page.Length; r++)
                            {
                                strings[places[r]] = page[r].Text(columns[c]);
                            }
                        }
                    }

                    filled += found;
                },
                cancellationToken);
            if (filled != capacity)
            {
                throw Changed(table);
            }

            return new JetTableData(table, capacity, numbers, texts, foreign);
        }
        finally
        {
            foreach (double[]? buffer in stored)
            {
                if (buffer is not null)
                {
                    ArrayPool<double>.Shared.Return(buffer);
                }
            }

            if (destinations is not null)
            {
                ArrayPool<int>.Shared.Return(destinations);
            }
        }
    }

    /// <summary>The index of a column by name (ignoring case), or -1.</summary>
    internal int IndexOf(string name) => IndexOf(Table.Columns, name);

    private static int IndexOf(IReadOnlyList<JetColumn> columns, string name)
    {
        for (int c = 0; c < columns.Count; c++)
        {
            if (string.Equals(columns[c].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>Opens the live rows of a page into <paramref name="rows"/> (grown to the page's row count when needed); returns how many.</summary>
    private static int Locate(JetTable table, byte[] bytes, int offset, int pageNumber, ref JetRow[] rows)
    {
        int count = JetDataPage.RowCount(table.File, bytes.AsSpan(offset, JetFile.PageSize), pageNumber);
        if (count > rows.Length)
        {
            rows = new JetRow[count];
        }

        int found = 0;
        for (int row = 0; row < count; row++)
        {
            if (JetDataPage.TryLocate(table.File, bytes, offset, pageNumber, row, out byte[] data, out int start, out int end))
            {
                rows[found++] = new JetRow(table, data, pageNumber, row, start, end);
            }
        }

        return found;
    }

    /// <summary>A pooled buffer twice as long holding the first <paramref name="used"/> values of <paramref name="buffer"/>, which goes back to the pool.</summary>
    private static double[] Grow(double[] buffer, int used)
    {
        double[] larger = ArrayPool<double>.Shared.Rent(2 * buffer.Length);
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<double>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>Where each stored row goes: <paramref name="at"/>[stored row] = its row in <paramref name="order"/>, or the stored row itself when there is no order.</summary>
    private static void Place(int[]? order, int[] at, int count)
    {
        if (order is null)
        {
            for (int i = 0; i < count; i++)
            {
                at[i] = i;
            }

            return;
        }

        if (order.Length != count)
        {
            throw new ArgumentException($"The order has {order.Length} rows; the table has {count}.", nameof(order));
        }

        // Checked to be a permutation: every row then gets exactly one place, so no column slot is left unwritten.
        at.AsSpan(0, count).Fill(-1);
        for (int i = 0; i < count; i++)
        {
            int row = order[i];
            if ((uint)row >= (uint)count || at[row] >= 0)
            {
                throw new ArgumentException($"The order is not a permutation of the {count} rows (stored row {row} at position {i}).", nameof(order));
            }

            at[row] = i;
        }
    }

    /// <summary>
    /// One numeric column of a page's rows: fixed-length values (what every numeric column is in practice) read
    /// directly, a loop per type — at the column's offset from the row's start in <paramref name="starts"/> (from
    /// <see cref="JetRow.CompleteFixedStart"/>; empty when the column is not covered, −1 for a row that is not complete),
    /// else through <see cref="JetRow.FixedAt"/> — and anything else through <see cref="JetRow.Number"/>.
    /// </summary>
    private static void Decode(JetColumn column, ReadOnlySpan<JetRow> rows, double[] values, ReadOnlySpan<int> at, byte[] bytes, ReadOnlySpan<int> starts)
    {
        int size = JetColumn.FixedSize(column.Type);
        if (!column.IsFixed || size == 0)
        {
            for (int r = 0; r < rows.Length; r++)
            {
                values[at[r]] = rows[r].Number(column);
            }

            return;
        }

        switch (column.Type)
        {
            case JetColumnType.Float:
                // Consecutive rows often repeat a value (a set current, a zero): widen each distinct run once.
                uint previous = 0;
                double widened = 0;
                for (int r = 0; r < rows.Length; r++)
                {
                    (byte[] source, int p) = ValueAt(rows[r], column, size, bytes, starts, r);
                    if (p < 0)
                    {
                        values[at[r]] = double.NaN;
                        continue;
                    }

                    uint bits = BinaryPrimitives.ReadUInt32LittleEndian(source.AsSpan(p, sizeof(uint)));
                    if (bits != previous)
                    {
                        previous = bits;
                        widened = PrintedSingle.Widen(BitConverter.UInt32BitsToSingle(bits));
                    }

                    values[at[r]] = widened;
                }

                break;
            case JetColumnType.Double or JetColumnType.DateTime:
                for (int r = 0; r < rows.Length; r++)
                {
                    (byte[] source, int p) = ValueAt(rows[r], column, size, bytes, starts, r);
                    values[at[r]] = p < 0 ? double.NaN : BinaryPrimitives.ReadDoubleLittleEndian(source.AsSpan(p, sizeof(double)));
                }

                break;
            case JetColumnType.Int32:
                for (int r = 0; r < rows.Length; r++)
                {
                    (byte[] source, int p) = ValueAt(rows[r], column, size, bytes, starts, r);
                    values[at[r]] = p < 0 ? double.NaN : BinaryPrimitives.ReadInt32LittleEndian(source.AsSpan(p, sizeof(int)));
                }

                break;
            case JetColumnType.Int16:
                for (int r = 0; r < rows.Length; r++)
                {
                    (byte[] source, int p) = ValueAt(rows[r], column, size, bytes, starts, r);
                    values[at[r]] = p < 0 ? double.NaN : BinaryPrimitives.ReadInt16LittleEndian(source.AsSpan(p, sizeof(short)));
                }

                break;
            case JetColumnType.Byte:
                for (int r = 0; r < rows.Length; r++)
                {
                    (byte[] source, int p) = ValueAt(rows[r], column, size, bytes, starts, r);
                    values[at[r]] = p < 0 ? double.NaN : source[p];
                }

                break;
            default:
                for (int r = 0; r < rows.Length; r++)
                {
                    values[at[r]] = rows[r].Number(column);
                }

                break;
        }
    }

    /// <summary>
    /// Where row <paramref name="r"/>'s value of a fixed-length column lies: at the column's offset from the row's
    /// start in <paramref name="starts"/> when the row is complete, else as <see cref="JetRow.FixedAt"/> finds it
    /// (position −1 when the row holds no value).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (byte[] Source, int Position) ValueAt(in JetRow row, JetColumn column, int size, byte[] bytes, ReadOnlySpan<int> starts, int r) =>
        !starts.IsEmpty && starts[r] >= 0 ? (bytes, starts[r] + column.FixedOffset) : (row.Bytes, row.FixedAt(column, size));

    private static DataFileException Changed(JetTable table) =>
        table.File.Fail($"the pages of table '{table.Name}' held different rows when read a second time; the file changed while it was read");
}
