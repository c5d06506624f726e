using System.Text.RegularExpressions;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// Scribner ZPlot/ZView for Windows text (<c>"Z60W Data File: Version 1.1"</c>, <c>"ZPlotW Data File: Version 3.2c"</c>):
/// quoted header lines, a date line, a configuration line of numbers, a point count, the quoted column header
/// <c>"  Freq(Hz)    Ampl     Bias   Time(Sec)   Z'(a)    Z''(b)    GD   Err   Range"</c> (names separated by two or more
/// spaces), then comma-separated data. impedance.py reads this format as "Autolab" and as ZPlot "without comments".
/// </summary>
internal static partial class ZPlotWindowsReader
{
    internal static bool Detect(ImpedanceText text)
    {
        string first = text.Line(1).Trim();
        return first.StartsWith('"') && first.Contains("Data File", StringComparison.OrdinalIgnoreCase);
    }

    internal static DataFileResult<ImpedanceData> Read(ImpedanceText text)
    {
        if (!Detect(text))
        {
            return text.Fail<ImpedanceData>(1, "a ZPlot for Windows text file starts with a quoted line such as \"ZPlotW Data File: Version 3.2c\"");
        }

        var header = new ImpedanceFileHeader();
        header.Add("File", Unquote(text.Line(1)), 1);
        int columnHeader = text.Find(2, line => Unquote(line).TrimStart().StartsWith("Freq", StringComparison.OrdinalIgnoreCase) && ColumnSeparator().IsMatch(Unquote(line).Trim()));
        if (columnHeader == 0)
        {
            return text.Fail<ImpedanceData>(text.Count, "no column header such as \"  Freq(Hz)    Ampl     Bias   Time(Sec)   Z'(a)    Z''(b) …\"; is the file truncated?");
        }

        for (int n = 2; n < columnHeader; n++)
        {
            string line = Unquote(text.Line(n)).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            Match dateTime = DateTimeLine().Match(line);
            if (dateTime.Success)
            {
                header.MeasurementDate = $"{dateTime.Groups["date"].Value} {dateTime.Groups["time"].Value}".Trim();
                header.Add("Date", header.MeasurementDate, n);
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            _ = colon > 0 ? header.Add(line[..colon], line[(colon + 1)..], n) : header.Add($"Line {n}", line, n);
        }

        string[] names = ColumnSeparator().Split(Unquote(text.Line(columnHeader)).Trim());
        var headers = names.Select(name => (ColumnHeader?)ColumnHeader.Parse(name)).ToArray();
        return ImpedanceDataBuilder.Read(text, ImpedanceFileFormat.ZPlotWindows, header, columnHeader, headers, "'Freq(Hz)', 'Z'(a)' and 'Z''(b)'",
            columnHeader + 1, ',', new DecimalNumberParser('.'));
    }

    private static string Unquote(string line)
    {
        string trimmed = line.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }

    [GeneratedRegex(@"\s{2,}|\t")]
    private static partial Regex ColumnSeparator();

    [GeneratedRegex(@"^Date:\s*(?<date>\S+)\s*(Time:\s*(?<time>\S+))?", RegexOptions.IgnoreCase)]
    private static partial Regex DateTimeLine();
}
