namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// What a row of a table must hold for its fixed-length numeric values to be read at fixed offsets from the row's
/// start (<see cref="JetRow.CompleteFixedStart"/>): a value (null-mask bit) for each of the covered columns, enough
/// columns counted, and enough fixed data. The covered columns are the fixed-length numeric ones a table decode reads
/// (bytes, 16- and 32-bit integers, Singles, Doubles and dates), key columns excluded.
/// </summary>
internal sealed class RowShape
{
    private readonly bool[] _covered;

    private RowShape(bool[] covered, byte[] required, int columnCount, int fixedLength)
    {
        _covered = covered;
        Required = required;
        ColumnCount = columnCount;
        FixedLength = fixedLength;
    }

    /// <summary>Null-mask bytes with the bit of every covered column set.</summary>
    internal byte[] Required { get; }

    /// <summary>The number of columns a row must count: one more than the highest covered column number.</summary>
    internal int ColumnCount { get; }

    /// <summary>The bytes of fixed data a row must hold: the end of the covered value that ends last.</summary>
    internal int FixedLength { get; }

    /// <summary>True when column <paramref name="index"/> (in <see cref="JetTable.Columns"/> order) is covered.</summary>
    internal bool IsCovered(int index) => _covered[index];

    /// <summary>The shape covering every fixed-length numeric column of <paramref name="columns"/> whose index is not in <paramref name="excluded"/>.</summary>
    internal static RowShape Of(IReadOnlyList<JetColumn> columns, ReadOnlySpan<int> excluded)
    {
        var covered = new bool[columns.Count];
        int columnCount = 0;
        int fixedLength = 0;
        for (int c = 0; c < columns.Count; c++)
        {
            JetColumn column = columns[c];
            int size = JetColumn.FixedSize(column.Type);
            covered[c] = column.IsFixed && excluded.IndexOf(c) < 0 && column.Type is JetColumnType.Byte or JetColumnType.Int16 or JetColumnType.Int32
                or JetColumnType.Float or JetColumnType.Double or JetColumnType.DateTime;
            if (covered[c])
            {
                columnCount = Math.Max(columnCount, column.Number + 1);
                fixedLength = Math.Max(fixedLength, column.FixedOffset + size);
            }
        }

        var required = new byte[(columnCount + 7) / 8];
        for (int c = 0; c < columns.Count; c++)
        {
            if (covered[c])
            {
                required[columns[c].Number >> 3] |= (byte)(1 << (columns[c].Number & 7));
            }
        }

        return new RowShape(covered, required, columnCount, fixedLength);
    }
}
