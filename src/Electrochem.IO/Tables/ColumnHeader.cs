namespace Electrochem.IO.Tables;

/// <summary>
/// One column's header split into a quantity name and an optional unit. Recognised unit notations, tried in this
/// order: a trailing parenthesis <c>T (K)</c>, <c>T(K)</c>; a trailing bracket <c>sigma [S/cm]</c>; a slash after a
/// name that starts with a letter <c>T/°C</c>, <c>σ / mS cm-1</c> (everything after the first slash is the unit).
/// Anything else is a name without a unit; a suffix such as <c>temperature_C</c> is left in the name, because only
/// a reader that knows which quantity it expects can tell a unit suffix from part of a name.
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
        string trimmed = text.Trim();
        if (TrySplitEnclosed(trimmed, '(', ')', out ColumnHeader? header) || TrySplitEnclosed(trimmed, '[', ']', out header))
        {
            return header;
        }

        int slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && char.IsLetter(trimmed[0]))
        {
            string name = trimmed[..slash].Trim();
            string unit = trimmed[(slash + 1)..].Trim();
            if (name.Length > 0 && unit.Length > 0)
            {
                return new ColumnHeader(trimmed, name, unit);
            }
        }

        return new ColumnHeader(trimmed, trimmed, null);
    }

    private static bool TrySplitEnclosed(string text, char open, char close, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ColumnHeader? header)
    {
        header = null;
        if (text.Length < 3 || text[^1] != close)
        {
            return false;
        }

        int start = text.LastIndexOf(open);
        if (start <= 0)
        {
            return false;
        }

        string name = text[..start].Trim();
        string unit = text[(start + 1)..^1].Trim();
        if (name.Length == 0 || unit.Length == 0)
        {
            return false;
        }

        header = new ColumnHeader(text, name, unit);
        return true;
    }
}
