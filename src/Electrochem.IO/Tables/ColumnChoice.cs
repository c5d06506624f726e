namespace Electrochem.IO.Tables;

/// <summary>
/// A column named by the caller instead of found by its header, e.g. <c>new ColumnChoice("Zeit", "min")</c> for a
/// time column headed <c>Zeit</c> in minutes. Used by the cycler column map and by every table reader's columns
/// options (<c>ConductivityColumns</c>, <c>ChronoamperometryColumns</c>, <c>PolarizationColumns</c>,
/// <c>ImpedanceColumnChoices</c>).
/// </summary>
/// <param name="Column">The header text, or the header's name without its unit (matched ignoring case).</param>
/// <param name="Unit">The unit the values are written in; null to take it from the header. When the header also writes a unit, the two must agree.</param>
public sealed record ColumnChoice(string Column, string? Unit)
{
    /// <summary>Whether a header is the one named: its text or its name equals <see cref="Column"/>, ignoring case and surrounding spaces.</summary>
    /// <param name="header">A column header.</param>
    /// <returns>True when it is the column named.</returns>
    public bool Names(ColumnHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        string chosen = Column.Trim();
        return string.Equals(header.Text, chosen, StringComparison.OrdinalIgnoreCase) || string.Equals(header.Name, chosen, StringComparison.OrdinalIgnoreCase);
    }
}
