using System.Text;

namespace Electrochem.Cli.Formatting;

/// <summary>A plain-text table with a header row, columns padded to their widest cell and separated by two spaces.</summary>
internal sealed class TextTable
{
    private readonly string[] _header;
    private readonly List<string[]> _rows = [];

    /// <summary>Starts a table with the given column titles.</summary>
    internal TextTable(params string[] header)
    {
        _header = header;
    }

    /// <summary>Adds a row with one cell per column.</summary>
    internal TextTable Add(params string[] cells)
    {
        if (cells.Length != _header.Length)
        {
            throw new ArgumentException($"The row has {cells.Length} cells but the table has {_header.Length} columns.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>Appends the table, a rule under the header, and a final line break.</summary>
    internal void AppendTo(StringBuilder text)
    {
        int[] widths = new int[_header.Length];
        foreach (string[] row in _rows.Prepend(_header))
        {
            for (int c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        AppendRow(text, _header, widths);
        AppendRow(text, [.. widths.Select(w => new string('-', w))], widths);
        foreach (string[] row in _rows)
        {
            AppendRow(text, row, widths);
        }
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (int c = 0; c < cells.Length; c++)
        {
            line.Append(c == cells.Length - 1 ? cells[c] : cells[c].PadRight(widths[c] + 2));
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
