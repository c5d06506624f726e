using System.Globalization;

namespace Electrochem.IO.Tables;

/// <summary>
/// Writes columns as delimited text that <see cref="DelimitedTable"/> reads back exactly: a header row (fields
/// quoted when they contain the delimiter, a quote or leading/trailing spaces), then one row per value, each number
/// in shortest round-trip form ("R"), with the decimal separator replaced when it is ','. Headers containing
/// a comma, semicolon, tab or quote are quoted. A single column is read back as tab-delimited (there is no delimiter
/// to detect), with the same values.
/// </summary>
public static class DelimitedTableWriter
{
    /// <summary>Writes the columns.</summary>
    /// <param name="writer">Destination; not disposed. Lines end with \n.</param>
    /// <param name="columns">At least one column, all of the same length, each value finite.</param>
    /// <param name="delimiter">',', ';' or '\t'.</param>
    /// <param name="decimalSeparator">'.' or ','; ',' is not allowed with the ',' delimiter.</param>
    /// <exception cref="ArgumentException">No columns, lengths differ, a value is not finite, a header is blank, a number or spans lines, or the separators are invalid.</exception>
    public static void Write(TextWriter writer, IReadOnlyList<TableColumn> columns, char delimiter = ',', char decimalSeparator = '.')
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(columns);
        new DelimitedTableOptions { Delimiter = delimiter, DecimalSeparator = decimalSeparator }.Validate();
        if (columns.Count == 0)
        {
            throw new ArgumentException("columns is empty; a table needs at least one column.", nameof(columns));
        }

        int rows = columns[0].Count;
        for (int c = 0; c < columns.Count; c++)
        {
            string text = columns[c].Header.Text;
            if (string.IsNullOrWhiteSpace(text) || text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
            {
                throw new ArgumentException($"columns[{c}] has the header '{text}'; a header must be non-blank and on one line.", nameof(columns));
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw new ArgumentException($"columns[{c}] has the header '{text}', which is a number; a header must be a name so that the header row can be told from data.", nameof(columns));
            }

            if (columns[c].Count != rows)
            {
                throw new ArgumentException($"columns[{c}] has {columns[c].Count} values but columns[0] has {rows}; all columns must have the same length.", nameof(columns));
            }

            for (int r = 0; r < rows; r++)
            {
                if (!double.IsFinite(columns[c].Values[r]))
                {
                    throw new ArgumentException($"columns[{c}] value {r} is {columns[c].Values[r].ToString(CultureInfo.InvariantCulture)}; every value must be finite.", nameof(columns));
                }
            }
        }

        writer.Write(string.Join(delimiter, columns.Select(c => Quote(c.Header.Text, delimiter))));
        writer.Write('\n');
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    writer.Write(delimiter);
                }

                string number = columns[c].Values[r].ToString("R", CultureInfo.InvariantCulture);
                writer.Write(decimalSeparator == ',' ? number.Replace('.', ',') : number);
            }

            writer.Write('\n');
        }
    }

    private static string Quote(string text, char delimiter)
    {
        // Any possible delimiter is quoted, not only this one, so that detection from the header finds this one.
        bool needsQuotes = text.AsSpan().IndexOfAny(",;\t\"") >= 0 || text[0] == '#' || text.Trim().Length != text.Length;
        return needsQuotes ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
