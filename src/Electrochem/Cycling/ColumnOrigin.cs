namespace Electrochem.Cycling;

/// <summary>
/// Where a recording column came from: the file's header text and unit, and what was done to the values to reach
/// the stored unit (<c>stored = written × Scale + Offset</c>, then the sign convention), so every conversion is visible.
/// Immutable.
/// </summary>
/// <param name="Header">The column header as the file wrote it (or the name the caller gave), e.g. <c>Current (mA)</c>.</param>
/// <param name="WrittenUnit">The unit the file wrote the values in, as written (e.g. <c>mA</c>, <c>h</c>, <c>°C</c>); null when the file names none.</param>
/// <param name="Scale">Factor from the written unit to the stored unit (e.g. 0.001 for mA → A, 3600 for h → s).</param>
/// <param name="Offset">Added after scaling (273.15 for °C → K; otherwise 0).</param>
/// <param name="Note">What else was done, in words (a sign set from a state column, a column derived from another); null when nothing.</param>
public sealed record ColumnOrigin(string Header, string? WrittenUnit, double Scale = 1, double Offset = 0, string? Note = null)
{
    /// <summary>A column whose values are stored exactly as written.</summary>
    /// <param name="header">The header text.</param>
    /// <param name="writtenUnit">The unit as written, or null.</param>
    /// <returns>The origin.</returns>
    public static ColumnOrigin AsWritten(string header, string? writtenUnit) => new(header, writtenUnit);

    /// <summary>The origin in words, e.g. <c>'Current (mA)' × 0.001</c>.</summary>
    /// <returns>Text for reports.</returns>
    public override string ToString()
    {
        string text = $"'{Header}'";
        if (Scale != 1)
        {
            text += $" × {Scale.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
        }

        if (Offset != 0)
        {
            text += $" + {Offset.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
        }

        return Note is null ? text : $"{text} ({Note})";
    }
}
