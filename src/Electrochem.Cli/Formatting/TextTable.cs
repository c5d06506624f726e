using System.Text;

namespace Electrochem.Cli.Formatting;

/// <summary>A plain-text table with a header row, columns padded to their widest cell and separated by two spaces.</summary>
internal sealed class TextTable
{
    private readonly string[] _header;
    private readonly List<string[]> _rows = [];
    private readonly Dictionary<int, string> _notes = [];

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

    /// <summary>Adds a row followed by a note printed under it, indented and word-wrapped to the table's maximum width.</summary>
    internal TextTable AddWithNote(string note, params string[] cells)
    {
        Add(cells);
        if (note.Length > 0)
        {
            _notes[_rows.Count - 1] = note;
        }

        return this;
    }

    /// <summary>Indent of a row's note.</summary>
    internal const int NoteIndent = 4;

    /// <summary>
    /// Appends the table, a rule under the header, and a final line break. When the table is wider than
    /// <paramref name="maximumWidth"/>, the widest columns (the last first) are narrowed, down to
    /// <see cref="MinimumWrappedWidth"/> characters, and their cells word-wrapped onto continuation lines.
    /// </summary>
    internal void AppendTo(StringBuilder text, int maximumWidth = int.MaxValue)
    {
        int[] widths = new int[_header.Length];
        foreach (string[] row in _rows.Prepend(_header))
        {
            for (int c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        Narrow(widths, maximumWidth);
        AppendRow(text, _header, widths);
        AppendRow(text, [.. widths.Select(w => new string('-', w))], widths);
        for (int r = 0; r < _rows.Count; r++)
        {
            AppendRow(text, _rows[r], widths);
            if (_notes.TryGetValue(r, out string? note))
            {
                foreach (string line in Wrap(note, Math.Max(MinimumWrappedWidth, Math.Min(maximumWidth, 10_000) - NoteIndent)))
                {
                    text.Append(' ', NoteIndent).Append(line).Append('\n');
                }
            }
        }
    }

    /// <summary>The narrowest a wrapped column becomes.</summary>
    internal const int MinimumWrappedWidth = 24;

    /// <summary>Word-wraps text to lines of at most <paramref name="width"/> characters (a longer word is cut).</summary>
    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string word in text.Split(' '))
        {
            string rest = word;
            while (rest.Length > width)
            {
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                lines.Add(rest[..width]);
                rest = rest[width..];
            }

            if (line.Length > 0 && line.Length + 1 + rest.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(rest);
        }

        lines.Add(line.ToString());
        return lines;
    }

    private static void Narrow(int[] widths, int maximumWidth)
    {
        int total = widths.Sum() + (2 * (widths.Length - 1));
        while (total > maximumWidth)
        {
            // The last column (notes) gives way first, then the widest other one.
            int column = widths[^1] > MinimumWrappedWidth ? widths.Length - 1 : Array.IndexOf(widths, widths[..^1].Max());
            if (widths[column] <= MinimumWrappedWidth)
            {
                return;
            }

            int narrower = Math.Max(MinimumWrappedWidth, widths[column] - (total - maximumWidth));
            total -= widths[column] - narrower;
            widths[column] = narrower;
        }
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        List<string>[] wrapped = [.. cells.Select((cell, c) => cell.Length <= widths[c] ? [cell] : Wrap(cell, widths[c]))];
        int height = wrapped.Max(lines => lines.Count);
        for (int k = 0; k < height; k++)
        {
            var line = new StringBuilder();
            for (int c = 0; c < cells.Length; c++)
            {
                string part = k < wrapped[c].Count ? wrapped[c][k] : string.Empty;
                line.Append(c == cells.Length - 1 ? part : part.PadRight(widths[c] + 2));
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }
}
