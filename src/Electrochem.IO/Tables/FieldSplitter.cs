using System.Text;

namespace Electrochem.IO.Tables;

/// <summary>
/// Splits one line into trimmed fields at a delimiter. A field may be enclosed in double quotes (then it may contain
/// the delimiter, and "" stands for one quote); quoted fields cannot span lines. A space delimiter means runs of
/// whitespace, without quoting.
/// </summary>
internal static class FieldSplitter
{
    /// <summary>Splits <paramref name="line"/> into <paramref name="fields"/>; returns the problem, or null on success.</summary>
    internal static string? Split(string line, char delimiter, List<string> fields)
    {
        fields.Clear();
        if (delimiter == ' ')
        {
            // Whitespace-separated columns (Fortran and numpy.savetxt output): any run of spaces or tabs is one
            // delimiter, and leading or trailing whitespace is not a field.
            fields.AddRange(line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return null;
        }

        int i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' && delimiter != ' ')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                var quoted = new StringBuilder();
                i++;
                bool closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            quoted.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    quoted.Append(line[i]);
                    i++;
                }

                if (!closed)
                {
                    return $"field {fields.Count + 1} opens a double quote that is not closed on this line; quoted fields must end on the line they start";
                }

                while (i < line.Length && line[i] != delimiter && char.IsWhiteSpace(line[i]))
                {
                    i++;
                }

                fields.Add(quoted.ToString());
                if (i == line.Length)
                {
                    return null;
                }

                if (line[i] != delimiter)
                {
                    return $"field {fields.Count} has text after its closing double quote; expected the delimiter '{Describe(delimiter)}' or the end of the line";
                }

                i++;
                continue;
            }

            int end = line.IndexOf(delimiter, i);
            if (end < 0)
            {
                fields.Add(line[i..].Trim());
                return null;
            }

            fields.Add(line[i..end].Trim());
            i = end + 1;
        }
    }

    internal static string Describe(char delimiter) => delimiter == '\t' ? "\\t" : delimiter.ToString();
}
