using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// CH Instruments text export: a date line, the technique (<c>A.C. Impedance</c>), settings <c>Name: value</c> and
/// <c>Name (unit) = value</c>, the comma-separated header <c>Freq/Hz, Z'/ohm, Z"/ohm, Z/ohm, Phase/deg</c>, a blank line and
/// comma-separated data. <c>Z"/ohm</c> is Z″ with the physical sign.
/// </summary>
internal static class CHInstrumentsReader
{
    private const int SearchLines = 200;

    internal static bool Detect(ImpedanceText text) => HeaderLine(text) > 0;

    internal static DataFileResult<ImpedanceData> Read(ImpedanceText text)
    {
        int columnHeader = HeaderLine(text);
        if (columnHeader == 0)
        {
            return text.Fail<ImpedanceData>(1, $"no CH Instruments column header (a line starting with 'Freq/Hz, Z'/ohm') in the first {SearchLines} lines");
        }

        var header = new ImpedanceFileHeader();
        for (int n = 1; n < columnHeader; n++)
        {
            string line = text.Line(n).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            int equals = line.IndexOf(" = ", StringComparison.Ordinal);
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            ImpedanceSetting setting = n == 1 ? header.Add("Date", line, n)
                : equals > 0 ? header.Add(line[..equals], line[(equals + 3)..], n)
                : colon > 0 && !line.StartsWith("File:", StringComparison.Ordinal) ? header.Add(line[..colon], line[(colon + 1)..], n)
                : colon > 0 ? header.Add("File", line[(colon + 1)..], n)
                : header.Add(n == 2 ? "Technique" : line, n == 2 ? line : string.Empty, n);
            switch (setting.Name)
            {
                case "Date":
                    header.MeasurementDate = setting.Value;
                    break;
                case "Instrument Model":
                    header.Instrument = setting.Value;
                    break;
                case "Amplitude (V)":
                    header.AcAmplitude = setting;
                    break;
                case "Init E (V)":
                    header.DcPotential = setting;
                    break;
            }
        }

        var fields = new List<string>();
        _ = FieldSplitter.Split(text.Line(columnHeader), ',', fields);
        return ImpedanceDataBuilder.Read(text, ImpedanceFileFormat.CHInstruments, header, columnHeader, DataBlock.HeadersOf(fields), "'Freq/Hz', 'Z'/ohm' and 'Z\"/ohm'",
            columnHeader + 1, ',', new DecimalNumberParser('.'));
    }

    private static int HeaderLine(ImpedanceText text)
    {
        for (int n = 1; n <= Math.Min(text.Count, SearchLines); n++)
        {
            string line = text.Line(n);
            if (line.StartsWith("Freq/Hz", StringComparison.Ordinal) && line.Contains("Z'/ohm", StringComparison.OrdinalIgnoreCase))
            {
                return n;
            }
        }

        return 0;
    }
}
