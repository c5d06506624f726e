namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// One column of a Jet 4 table definition: its name, type, its number (its bit in a row's null mask), and where a row
/// keeps its value — at <see cref="FixedOffset"/> after the column count for a fixed-length column, or at entry
/// <see cref="VariableIndex"/> of the row's variable-offset table.
/// </summary>
internal sealed record JetColumn(string Name, JetColumnType Type, int Number, int VariableIndex, int FixedOffset, int Length, bool IsFixed)
{
    /// <summary>True for the types read as numbers (Yes/No as 0/1, integers, currency, floats, doubles, dates as OLE days).</summary>
    internal bool IsNumeric => Type is JetColumnType.Boolean or JetColumnType.Byte or JetColumnType.Int16 or JetColumnType.Int32
        or JetColumnType.Money or JetColumnType.Float or JetColumnType.Double or JetColumnType.DateTime;

    /// <summary>True for the types read as text (text and memo; binary, OLE, GUID and decimal are kept as hexadecimal text).</summary>
    internal bool IsText => !IsNumeric;

    /// <summary>The stored size of a fixed-length value of this type, or 0 when the type is not fixed-length.</summary>
    internal static int FixedSize(JetColumnType type) => type switch
    {
        JetColumnType.Byte => 1,
        JetColumnType.Int16 => 2,
        JetColumnType.Int32 or JetColumnType.Float => 4,
        JetColumnType.Money or JetColumnType.Double or JetColumnType.DateTime => 8,
        JetColumnType.Guid => 16,
        JetColumnType.Numeric => 17,
        _ => 0,
    };
}
