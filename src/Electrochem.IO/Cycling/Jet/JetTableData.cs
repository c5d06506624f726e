namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// A whole table read into columns: numeric columns as doubles (NaN where null), the others as text (null where
/// null), in the order the rows are stored. Memory grows with the rows found, never with a count a page claims.
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
        IReadOnlyList<JetColumn> columns = table.Columns;
        var numbers = new List<double>?[columns.Count];
        var texts = new List<string?>?[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            if (columns[c].IsNumeric)
            {
                numbers[c] = [];
            }
            else
            {
                texts[c] = [];
            }
        }

        int rows = 0;
        int foreign = table.ForEachRow(
            row =>
            {
                for (int c = 0; c < columns.Count; c++)
                {
                    if (numbers[c] is { } n)
                    {
                        n.Add(row.Number(columns[c]));
                    }
                    else
                    {
                        texts[c]!.Add(row.Text(columns[c]));
                    }
                }

                rows++;
            },
            cancellationToken);
        return new JetTableData(table, rows, [.. numbers.Select(n => n?.ToArray())], [.. texts.Select(t => t?.ToArray())], foreign);
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
}
