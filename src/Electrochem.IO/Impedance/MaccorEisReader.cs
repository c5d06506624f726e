using System.Collections.Immutable;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// Maccor AC-impedance export (<c>MACCOR, INC.    AC Impedance Test</c>): eight header lines (sweep type, procedure,
/// file, <c>Start Date: … Start Time: …</c>), a line of sweep parameters, a blank line, the tab-separated header
/// <c>Freq(Hz) Polar(V) time(sec) Z'(a) Z''(b) Phase_Angle Z-Mag C(F) Status … V-DC …</c>, then the sweep from the
/// highest frequency down. Z″ has the physical sign. The rows are shorter than the header (Maccor names 24 columns and
/// writes 13) and leave some fields empty: the columns with a value in every row are read, the others are listed in a
/// warning. The DC voltage of the first row (<c>V-DC</c>, the cell's open-circuit voltage during the sweep) is kept as
/// the DC level.
/// </summary>
internal static class MaccorEisReader
{
    internal static bool Detect(ImpedanceText text) =>
        text.Count > 0 && text.Line(1).StartsWith("MACCOR", StringComparison.OrdinalIgnoreCase) && text.Line(1).Contains("AC Impedance", StringComparison.OrdinalIgnoreCase);

    internal static DataFileResult<ImpedanceData> Read(ImpedanceText text)
    {
        int headerLine = 0;
        for (int n = 1; n <= Math.Min(text.Count, 40); n++)
        {
            if (text.Line(n).StartsWith("Freq(Hz)", StringComparison.Ordinal))
            {
                headerLine = n;
                break;
            }
        }

        if (headerLine == 0)
        {
            return text.Fail<ImpedanceData>(1, "no Maccor impedance column header (a line starting with 'Freq(Hz)') in the first 40 lines");
        }

        var header = new ImpedanceFileHeader { Instrument = "Maccor" };
        for (int n = 1; n < headerLine; n++)
        {
            string line = text.Line(n).Trim();
            if (line.Length > 0)
            {
                ImpedanceSetting setting = header.Add(n switch { 1 => "Test", 2 => "Sweep", 3 => "Procedure", 4 => "File", _ => $"Line {n}" }, line, n);
                if (line.StartsWith("Start Date:", StringComparison.Ordinal))
                {
                    header.MeasurementDate = line["Start Date:".Length..].Trim();
                }

                _ = setting;
            }
        }

        string[] names = [.. text.Line(headerLine).Split('\t').Select(f => f.Trim())];
        var rows = new List<string[]>();
        var lines = new List<int>();
        for (int n = headerLine + 1; n <= text.Count; n++)
        {
            string line = text.Line(n);
            if (line.AsSpan().Trim().IsEmpty)
            {
                continue;
            }

            string[] fields = [.. line.Split('\t').Select(f => f.Trim())];
            if (fields.Length > names.Length)
            {
                return text.Fail<ImpedanceData>(n, $"the row has {fields.Length} fields but the header on line {headerLine} names {names.Length} columns");
            }

            rows.Add(fields);
            lines.Add(n);
        }

        if (rows.Count == 0)
        {
            return text.Fail<ImpedanceData>(headerLine, "the column header has no data rows after it; expected the frequency sweep");
        }

        var numbers = new DecimalNumberParser('.');
        var headers = ImmutableArray.CreateBuilder<ColumnHeader>();
        var values = ImmutableArray.CreateBuilder<ImmutableArray<double>>();
        var empty = new List<string>();
        for (int c = 0; c < names.Length; c++)
        {
            if (names[c].Length == 0)
            {
                continue;
            }

            if (rows.Any(r => c >= r.Length || r[c].Length == 0))
            {
                empty.Add(names[c]);
                continue;
            }

            var column = new double[rows.Count];
            for (int r = 0; r < rows.Count; r++)
            {
                if (numbers.Parse(rows[r][c], lines[r], $"column {c + 1} ('{names[c]}')", out column[r]) is { } problem)
                {
                    return text.Fail<ImpedanceData>(lines[r], problem);
                }
            }

            headers.Add(ColumnHeader.Parse(names[c]));
            values.Add([.. column]);
        }

        if (empty.Count > 0)
        {
            header.Warn($"columns named in the header without a value in every row are not read: {string.Join(", ", empty.Select(e => $"'{e}'"))}");
        }

        int dc = headers.ToList().FindIndex(h => h.Text == "V-DC");
        if (dc >= 0)
        {
            header.DcPotential = header.Add("V-DC (V), first row", values[dc][0].ToString("R", System.Globalization.CultureInfo.InvariantCulture), lines[0]);
        }

        var block = new DataBlock(headerLine, headers.ToImmutable(), values.ToImmutable(), [.. lines], text.Count + 1);
        return ImpedanceDataBuilder.Build(text, ImpedanceFileFormat.MaccorEis, header, block, "'Freq(Hz)', 'Z'(a)' and 'Z''(b)'");
    }
}
