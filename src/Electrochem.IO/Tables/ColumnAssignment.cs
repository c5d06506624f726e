namespace Electrochem.IO.Tables;

/// <summary>
/// Gives each role a table reader needs (temperature and conductivity, time and current, …) its column: the column the
/// caller named (<see cref="ColumnChoice"/>) when there is one, otherwise the one column the reader's classifier
/// recognises for that role. Shared by the conductivity, chronoamperometry and polarisation readers.
/// </summary>
internal static class ColumnAssignment
{
    /// <summary>One role: what it holds in words (for messages), the command-line option that names it, and the caller's choice.</summary>
    internal sealed record Role(string What, string Option, ColumnChoice? Choice);

    /// <summary>
    /// Fills <paramref name="assigned"/> (one slot per role, null where no column was found). A named column that is
    /// absent, a named unit that contradicts the header's, or two columns recognised for one role are problems;
    /// columns that are neither named nor recognised stay in the table untouched. The assigned columns carry the
    /// classifier's reading of their header (e.g. a <c>_s</c> suffix split off as the unit), with the named unit.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="roles">The roles, in the order of <paramref name="assigned"/>.</param>
    /// <param name="classify">A header's role index (−1 for none) and the header as the reader reads it (unit split off).</param>
    /// <param name="assigned">Receives the column of each role.</param>
    /// <returns>The problem in words, or null.</returns>
    internal static string? Assign(DelimitedTable table, IReadOnlyList<Role> roles, Func<ColumnHeader, (int Role, ColumnHeader Header)> classify, TableColumn?[] assigned)
    {
        var chosen = new HashSet<TableColumn>(ReferenceEqualityComparer.Instance);
        for (int r = 0; r < roles.Count; r++)
        {
            if (roles[r].Choice is not { } choice)
            {
                continue;
            }

            TableColumn? column = table.Columns.FirstOrDefault(c => choice.Names(c.Header));
            if (column is null)
            {
                return $"no column is named '{choice.Column}' ({roles[r].Option}); the columns are {table.ColumnList()}";
            }

            if (!chosen.Add(column))
            {
                return $"the column '{column.Header.Text}' is named for two roles; name a different column for the {roles[r].What}";
            }

            ColumnHeader header = classify(column.Header).Header;
            if (choice.Unit is { } unit)
            {
                if (header.Unit is { } written && !string.Equals(UnitKey(written), UnitKey(unit), StringComparison.Ordinal))
                {
                    return $"the {roles[r].What} column '{column.Header.Text}' says its unit is '{written}' but '{unit}' was given; remove one or make them agree";
                }

                header = header with { Unit = unit.Trim() };
            }

            assigned[r] = column with { Header = header };
        }

        foreach (TableColumn column in table.Columns)
        {
            if (chosen.Contains(column))
            {
                continue;
            }

            (int role, ColumnHeader header) = classify(column.Header);
            if (role < 0 || roles[role].Choice is not null)
            {
                continue;
            }

            if (assigned[role] is { } first)
            {
                return $"two columns look like {roles[role].What}: '{first.Header.Text}' and '{column.Header.Text}'; keep one, rename the other, or say which is meant ({roles[role].Option})";
            }

            assigned[role] = column with { Header = header };
        }

        return null;
    }

    /// <summary>A unit reduced for comparing two spellings (<c>°C</c>, <c>C</c>, <c>degC</c>; <c>µA</c>, <c>uA</c>).</summary>
    private static string UnitKey(string unit) =>
        HeaderWords.NormaliseUnit(unit).Replace("°", string.Empty, StringComparison.Ordinal).Replace("º", string.Empty, StringComparison.Ordinal).Replace("deg", string.Empty, StringComparison.Ordinal);
}
