using System.Globalization;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// BioLogic EC-Lab (or BT-Lab) text export <c>.mpt</c>: line 1 <c>EC-Lab ASCII FILE</c>, line 2
/// <c>Nb header lines : N</c>; line N is the tab-separated column header and the data follow. Columns are found by name
/// (<c>freq/Hz</c>, <c>Re(Z)/Ohm</c>, <c>-Im(Z)/Ohm</c>, which holds −Z″). Exports made with a German (or other
/// decimal-comma) locale write decimal commas, which are accepted because the columns are tab-separated. Rows with
/// frequency 0 (the DC steps of Modulo Bat and other multi-technique runs) are dropped, each listed with its reason.
/// </summary>
internal static class BioLogicReader
{
    internal static bool Detect(ImpedanceText text)
    {
        string first = text.Line(1).Trim();
        return first.StartsWith("EC-Lab ASCII FILE", StringComparison.OrdinalIgnoreCase) || first.StartsWith("BT-Lab ASCII FILE", StringComparison.OrdinalIgnoreCase);
    }

    internal static DataFileResult<ImpedanceData> Read(ImpedanceText text)
    {
        if (!Detect(text))
        {
            return text.Fail<ImpedanceData>(1, "an EC-Lab text export starts with the line 'EC-Lab ASCII FILE'");
        }

        if (text.Count < 2 || !TryHeaderLineCount(text.Line(2), out int headerLines))
        {
            return text.Fail<ImpedanceData>(2, "expected 'Nb header lines : N' (the number of header lines) on line 2 of an EC-Lab text export");
        }

        if (headerLines < 3 || headerLines > text.Count)
        {
            return text.Fail<ImpedanceData>(2, string.Create(CultureInfo.InvariantCulture,
                $"the file announces {headerLines} header lines but has {text.Count} lines; expected the column header on line {headerLines} followed by data"));
        }

        var header = new ImpedanceFileHeader();
        for (int n = 3; n < headerLines; n++)
        {
            string line = text.Line(n);
            if (line.Trim().Length == 0)
            {
                continue;
            }

            int colon = line.IndexOf(" : ", StringComparison.Ordinal);
            if (colon > 0)
            {
                ImpedanceSetting setting = header.Add(line[..colon], line[(colon + 3)..], n);
                switch (setting.Name)
                {
                    case "Device":
                        header.Instrument = setting.Value;
                        break;
                    case "Acquisition started on":
                        header.MeasurementDate = setting.Value;
                        break;
                }
            }
            else if (n == 4)
            {
                header.Add("Technique", line, n);
            }
            else if (line.Length > 20 && !char.IsWhiteSpace(line[0]) && line[19] == ' ')
            {
                header.Add(line[..20], line[20..], n);
            }
            else
            {
                header.Add(line, string.Empty, n);
            }
        }

        header.AcAmplitude = header.Find("Va (mV)", "Va", "Ia");
        header.DcPotential = header.Find("E (V)", "Is");
        var fields = new List<string>();
        _ = FieldSplitter.Split(text.Line(headerLines), '\t', fields);
        return ImpedanceDataBuilder.Read(text, ImpedanceFileFormat.BioLogic, header, headerLines, DataBlock.HeadersOf(fields),
            "the EC-Lab columns \"freq/Hz\", \"Re(Z)/Ohm\" and \"-Im(Z)/Ohm\" (is this an impedance technique: PEIS, GEIS, or a Modulo Bat with EIS?)",
            headerLines + 1, '\t', new DecimalNumberParser(null));
    }

    private static bool TryHeaderLineCount(string line, out int count)
    {
        count = 0;
        int colon = line.IndexOf(':', StringComparison.Ordinal);
        return line.TrimStart().StartsWith("Nb header lines", StringComparison.OrdinalIgnoreCase)
            && colon > 0
            && int.TryParse(line.AsSpan(colon + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }
}
