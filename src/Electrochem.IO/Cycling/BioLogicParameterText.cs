using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Electrochem.IO.Cycling;

/// <summary>
/// The technique parameter rows of an EC-Lab header (<c>Ei (V)</c>, <c>vs.</c>, <c>I Range</c>, …) as metadata entries,
/// written the same way whether they come from a <c>.mpt</c> export or an <c>.mpr</c> settings module: numbers in
/// invariant culture and shortest form (<c>0,000</c> and a stored 0 are both <c>0</c>, <c>0.10</c> is <c>0.1</c>),
/// durations as <c>h:mm:s.ffff</c> with a decimal point, choices as printed. Keys are the row names as printed, in the
/// dotted form of the other readers' tables so that no settings line shadows them (an impedance export's
/// <c>Mode : Standard</c> line and its <c>Mode</c> row): <c>Technique.vs.</c>, <c>Technique.I Range</c>; a technique
/// of sequences (GCPL, Modulo Bat) gives one entry per parameter and sequence, <c>Technique[Ns 1].Is</c>.
/// </summary>
internal static partial class BioLogicParameterText
{
    /// <summary>The width of the export's name column and of each value column, in characters.</summary>
    private const int ColumnWidth = 20;

    /// <summary>The entry key of a parameter: <c>Technique.vs.</c>, or for a technique of sequences <c>Technique[Ns 1].Is</c>.</summary>
    /// <param name="name">The row name as the export prints it.</param>
    /// <param name="sequence">The sequence's <c>Ns</c> as printed, or null for a technique of one sequence.</param>
    internal static string Key(string name, string? sequence) =>
        sequence is null ? "Technique." + name : $"Technique[Ns {sequence}].{name}";

    /// <summary>A stored 32-bit float to the 7 significant digits it carries, in shortest invariant form.</summary>
    internal static string Number(float value) =>
        double.Parse(value.ToString("G7", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Seconds as EC-Lab writes a duration: <c>0:00:10.0000</c>, <c>1:10:0.0000</c>.</summary>
    internal static string Duration(float seconds)
    {
        double s = double.Parse(seconds.ToString("G7", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        double hours = Math.Floor(s / 3600);
        double minutes = Math.Floor((s - (hours * 3600)) / 60);
        double rest = s - (hours * 3600) - (minutes * 60);
        return string.Create(CultureInfo.InvariantCulture, $"{hours:0}:{minutes:00}:{rest:0.0000}");
    }

    /// <summary>A value as the export prints it, in the form both readers give: numbers and durations with a decimal point.</summary>
    internal static string Normalize(string printed)
    {
        string value = printed.Trim();
        if (PrintedDuration().IsMatch(value))
        {
            return value.Replace(',', '.');
        }

        return NumberPattern().IsMatch(value) && double.TryParse(value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : value;
    }

    /// <summary>
    /// The parameter rows of an export's header: the lines after <c>Cycle Definition : …</c> up to the first blank
    /// line, each a name in the first 20 characters and one 20-character column per sequence. An <c>Ns</c> first row
    /// marks a technique of sequences; its values label the sequences. Empty values (an unused field) are left out.
    /// </summary>
    internal static ImmutableArray<KeyValuePair<string, string>> Rows(IReadOnlyList<string> lines)
    {
        int start = -1;
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("Cycle Definition", StringComparison.Ordinal))
            {
                start = i + 1;
            }
        }

        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        if (start < 0)
        {
            return entries.ToImmutable();
        }

        string[]? sequences = null;
        for (int i = start; i < lines.Count && lines[i].Trim().Length > 0 && lines[i].Length > ColumnWidth; i++)
        {
            string line = lines[i];
            string name = line[..ColumnWidth].Trim();
            string[] values = [.. Enumerable.Range(0, (line.Length - 1) / ColumnWidth).Select(c => line.Substring(ColumnWidth * (c + 1), Math.Min(ColumnWidth, line.Length - (ColumnWidth * (c + 1)))).Trim())];
            if (i == start && name == "Ns")
            {
                sequences = values;
                continue;
            }

            for (int c = 0; c < values.Length; c++)
            {
                if (values[c].Length == 0)
                {
                    continue;
                }

                string key = Key(name, sequences is null ? null : c < sequences.Length && sequences[c].Length > 0 ? sequences[c] : c.ToString(CultureInfo.InvariantCulture));
                entries.Add(new(key, Normalize(values[c])));
            }
        }

        return entries.ToImmutable();
    }

    [GeneratedRegex(@"^\d+:\d+:\d+([.,]\d+)?$")]
    private static partial Regex PrintedDuration();

    [GeneratedRegex(@"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")]
    private static partial Regex NumberPattern();
}
