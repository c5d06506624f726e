using System.Collections.Immutable;

namespace Electrochem.IO.Tables;

/// <summary>One column of a numeric table: its header and its values, in file order. Values are as written (never rescaled).</summary>
/// <param name="Header">The column's header, with the unit split off when one is written.</param>
/// <param name="Values">The values, one per data row, each finite, in the unit of the header.</param>
public sealed record TableColumn(ColumnHeader Header, ImmutableArray<double> Values)
{
    /// <summary>Number of values.</summary>
    public int Count => Values.IsDefault ? 0 : Values.Length;
}
