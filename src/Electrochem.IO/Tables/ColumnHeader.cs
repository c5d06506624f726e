namespace Electrochem.IO.Tables;

/// <summary>
/// One column's header split into a quantity name and an optional unit by <see cref="HeaderGrammar.Split"/>: a
/// trailing parenthesis <c>T (K)</c>, <c>T(K)</c>; a trailing bracket <c>sigma [S/cm]</c>; a slash followed by a
/// known unit <c>T/°C</c>, <c>σ / mS cm-1</c>. Anything else is a name without a unit; a suffix such as
/// <c>temperature_C</c> is left in the name, because only a reader that knows which quantity it expects can tell a
/// unit suffix from part of a name (<see cref="HeaderGrammar.TrySplitUnitSuffix"/>).
/// </summary>
/// <param name="Text">The header cell as written in the file, trimmed.</param>
/// <param name="Name">The quantity name, trimmed, without the unit.</param>
/// <param name="Unit">The unit as written, trimmed, or null when the header has none.</param>
public sealed record ColumnHeader(string Text, string Name, string? Unit)
{
    /// <summary>Splits a header cell into name and unit.</summary>
    /// <param name="text">The header cell, e.g. <c>T (°C)</c>.</param>
    /// <returns>The header; <see cref="Unit"/> is null when no unit notation is found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <example><c>ColumnHeader.Parse("σ / mS cm-1")</c> has Name <c>σ</c> and Unit <c>mS cm-1</c>.</example>
    public static ColumnHeader Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        (string name, string? unit) = HeaderGrammar.Split(text);
        return new ColumnHeader(text.Trim(), name, unit);
    }
}
