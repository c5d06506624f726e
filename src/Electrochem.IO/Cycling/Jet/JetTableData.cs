using System.Buffers;
using System.Buffers.Binary;

namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// A whole table read into columns: numeric columns as doubles (NaN where null), the others as text (null where
/// null), in the order the rows are stored (until <see cref="Reorder"/>). The rows are counted first — the live
/// entries of the row directories of the table's pages, each directory checked to fit its page — and the columns
/// are allocated at that size, so memory follows what the pages hold, never a count a header claims; then each page's
/// rows are decoded a column at a time.
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

    /// <summary>Reads every live row of a table.</summary>
    internal static JetTableData Read(JetTable table, CancellationToken cancellationToken)
    {
        JetFile file = table.File;
        int capacity = 0;
        int widest = 0;
        table.ForEachPage(
            (bytes, offset, pageNumber) =>
            {
                int live = JetDataPage.LiveRows(file, bytes.AsSpan(offset, JetFile.PageSize), pageNumber);
                capacity += live;
                widest = Math.Max(widest, live);
            },
            cancellationToken);

        IReadOnlyList<JetColumn> columns = table.Columns;
        var numbers = new double[]?[columns.Count];
        var texts = new string?[]?[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            if (columns[c].IsNumeric)
            {
                numbers[c] = new double[capacity];
            }
            else
            {
                texts[c] = new string?[capacity];
            }
        }

        var rows = new JetRow[widest];
        int filled = 0;
        int foreign = table.ForEachPage(
            (bytes, offset, pageNumber) =>
            {
                int count = JetDataPage.RowCount(file, bytes.AsSpan(offset, JetFile.PageSize), pageNumber);
                int found = 0;
                for (int row = 0; row < count; row++)
                {
                    if (JetDataPage.TryLocate(file, bytes, offset, pageNumber, row, out byte[] data, out int start, out int end))
                    {
                        if (found == rows.Length || filled + found == capacity)
                        {
                            throw Changed(table);
                        }

                        rows[found++] = new JetRow(table, data, pageNumber, row, start, end);
                    }
                }

                ReadOnlySpan<JetRow> page = rows.AsSpan(0, found);
                for (int c = 0; c < columns.Count; c++)
                {
                    if (numbers[c] is { } values)
                    {
                        Decode(columns[c], page, values.AsSpan(filled, found));
                    }
                    else
                    {
                        string?[] strings = texts[c]!;
                        for (int r = 0; r < page.Length; r++)
                        {
                            strings[filled + r] = page[r].Text(columns[c]);
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

    /// <summary>The index of a column by name (ignoring case), or -1.</summary>
    internal int IndexOf(string name)
    {
        for (int c = 0; c < Table.Columns.Count; c++)
        {
            if (string.Equals(Table.Columns[c].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>Puts the rows in a new order — row i becomes the stored row <c>order[i]</c> — every column in place, through one scratch buffer.</summary>
    internal void Reorder(int[] order)
    {
        if (order.Length != RowCount)
        {
            throw new ArgumentException($"The order has {order.Length} rows; the table has {RowCount}.", nameof(order));
        }

        double[] scratch = ArrayPool<double>.Shared.Rent(RowCount);
        try
        {
            foreach (double[]? values in Numbers)
            {
                if (values is not null)
                {
                    for (int i = 0; i < order.Length; i++)
                    {
                        scratch[i] = values[order[i]];
                    }

                    scratch.AsSpan(0, RowCount).CopyTo(values);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }

        foreach (string?[]? values in Texts)
        {
            if (values is not null)
            {
                string?[] stored = values[..];
                for (int i = 0; i < order.Length; i++)
                {
                    values[i] = stored[order[i]];
                }
            }
        }
    }

    /// <summary>
    /// One numeric column of a page's rows: fixed-length values (what every numeric column is in practice) read
    /// directly, a loop per type; anything else through <see cref="JetRow.Number"/>.
    /// </summary>
    private static void Decode(JetColumn column, ReadOnlySpan<JetRow> rows, Span<double> values)
    {
        int size = JetColumn.FixedSize(column.Type);
        if (!column.IsFixed || size == 0)
        {
            for (int r = 0; r < rows.Length; r++)
            {
                values[r] = rows[r].Number(column);
            }

            return;
        }

        ReadOnlySpan<byte> b;
        switch (column.Type)
        {
            case JetColumnType.Float:
                // Consecutive rows often repeat a value (a set current, a zero): widen each distinct run once.
                uint previous = 0;
                double widened = 0;
                for (int r = 0; r < rows.Length; r++)
                {
                    if (!rows[r].TryGetFixed(column, size, out b))
                    {
                        values[r] = double.NaN;
                        continue;
                    }

                    uint bits = BinaryPrimitives.ReadUInt32LittleEndian(b);
                    if (bits != previous)
                    {
                        previous = bits;
                        widened = PrintedSingle.Widen(BitConverter.UInt32BitsToSingle(bits));
                    }

                    values[r] = widened;
                }

                break;
            case JetColumnType.Double or JetColumnType.DateTime:
                for (int r = 0; r < rows.Length; r++)
                {
                    values[r] = rows[r].TryGetFixed(column, size, out b) ? BinaryPrimitives.ReadDoubleLittleEndian(b) : double.NaN;
                }

                break;
            case JetColumnType.Int32:
                for (int r = 0; r < rows.Length; r++)
                {
                    values[r] = rows[r].TryGetFixed(column, size, out b) ? BinaryPrimitives.ReadInt32LittleEndian(b) : double.NaN;
                }

                break;
            case JetColumnType.Int16:
                for (int r = 0; r < rows.Length; r++)
                {
                    values[r] = rows[r].TryGetFixed(column, size, out b) ? BinaryPrimitives.ReadInt16LittleEndian(b) : double.NaN;
                }

                break;
            case JetColumnType.Byte:
                for (int r = 0; r < rows.Length; r++)
                {
                    values[r] = rows[r].TryGetFixed(column, size, out b) ? b[0] : double.NaN;
                }

                break;
            default:
                for (int r = 0; r < rows.Length; r++)
                {
                    values[r] = rows[r].Number(column);
                }

                break;
        }
    }

    private static DataFileException Changed(JetTable table) =>
        table.File.Fail($"the pages of table '{table.Name}' held different rows when read a second time; the file changed while it was read");
}
