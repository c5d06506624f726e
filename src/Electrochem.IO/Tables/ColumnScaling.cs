using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Electrochem.IO.Tables;

/// <summary>Converts a column to SI by a factor, refusing a value the conversion makes infinite (a 1e306 h becomes ∞ s).</summary>
internal static class ColumnScaling
{
    /// <summary>The column's values × <paramref name="factor"/>; false with the first row whose converted value is not finite, and its line.</summary>
    internal static bool TryScale(DelimitedTable table, TableColumn column, double factor, string unit, out ImmutableArray<double> scaled, [NotNullWhen(false)] out DataFileError? error)
    {
        error = null;
        if (factor == 1)
        {
            scaled = column.Values;
            return true;
        }

        var values = new double[column.Values.Length];
        for (int r = 0; r < values.Length; r++)
        {
            values[r] = column.Values[r] * factor;
            if (!double.IsFinite(values[r]))
            {
                scaled = default;
                error = new DataFileError(table.SourceName, table.RowLineNumbers[r],
                    $"column '{column.Header.Text}' holds {column.Values[r].ToString("R", CultureInfo.InvariantCulture)}, which is not a finite number once converted to {unit}");
                return false;
            }
        }

        scaled = ImmutableArray.Create(values);
        return true;
    }
}
