using System.Text.RegularExpressions;

namespace Electrochem.IO.Cycling;

/// <summary>Small helpers the text formats share: splitting a preview line, guessing delimiter and decimal separator.</summary>
internal static partial class DelimitedText
{
    /// <summary>Splits one line at a delimiter, trimming fields and removing surrounding double quotes (header lines only; data go through Sep).</summary>
    internal static string[] Fields(string line, char delimiter) =>
        [.. line.Split(delimiter).Select(f => f.Trim().Trim('"').Trim())];

    /// <summary>The delimiter of a header line: tab, else semicolon, else comma (null when it has none of them).</summary>
    internal static char? Delimiter(string line) =>
        line.Contains('\t', StringComparison.Ordinal) ? '\t' : line.Contains(';', StringComparison.Ordinal) ? ';' : line.Contains(',', StringComparison.Ordinal) ? ',' : null;

    /// <summary>
    /// The decimal separator of data lines: ',' when the delimiter is not a comma and some field is written like
    /// <c>3,14</c> while none is written like <c>3.14</c>; '.' otherwise.
    /// </summary>
    internal static char DecimalSeparator(IEnumerable<string> dataLines, char delimiter)
    {
        if (delimiter == ',')
        {
            return '.';
        }

        bool comma = false;
        foreach (string line in dataLines.Take(50))
        {
            foreach (string field in line.Split(delimiter))
            {
                string f = field.Trim();
                if (PointNumber().IsMatch(f))
                {
                    return '.';
                }

                comma |= CommaNumber().IsMatch(f);
            }
        }

        return comma ? ',' : '.';
    }

    [GeneratedRegex(@"^[-+]?\d*\.\d+([eE][-+]?\d+)?$")]
    private static partial Regex PointNumber();

    [GeneratedRegex(@"^[-+]?\d*,\d+([eE][-+]?\d+)?$")]
    private static partial Regex CommaNumber();
}
