using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// Gamry Framework <c>.DTA</c>: line 1 <c>EXPLAIN</c>; settings <c>KEY\tTYPE\tVALUE…\tLabel</c>; tables
/// <c>NAME\tTABLE[\tcount]</c> followed by a tab-led header row, a units row and tab-led data rows. The spectrum is the
/// <c>ZCURVE</c> table (columns <c>Freq</c>, <c>Zreal</c>, <c>Zimag</c>, units from the units row); it ends at the first
/// line that starts with a capital letter (the next section or setting). A damaged row inside it (a lost leading tab, a
/// stray '#') is an error naming its line, never the table's silent end; an unreadable setting line is skipped with a
/// warning. <c>EXPERIMENTABORTED</c> after it marks an aborted run: the points measured
/// before are read, and a warning says so.
/// </summary>
internal static class GamryReader
{
    internal static bool Detect(ImpedanceText text) => text.Line(1).Trim() == "EXPLAIN";

    internal static DataFileResult<ImpedanceData> Read(ImpedanceText text)
    {
        if (!Detect(text))
        {
            return text.Fail<ImpedanceData>(1, "a Gamry .DTA file starts with the line 'EXPLAIN'");
        }

        var header = new ImpedanceFileHeader();
        var fields = new List<string>();
        int zcurve = 0;
        string? date = null;
        string? time = null;
        for (int n = 2; n <= text.Count; n++)
        {
            string line = text.Line(n);
            if (line.Length == 0 || char.IsWhiteSpace(line[0]))
            {
                continue;
            }

            string? problem = FieldSplitter.Split(line, '\t', fields);
            if (problem is not null || fields.Count == 0)
            {
                header.Warn($"line {n} could not be read as a setting ({problem ?? "no fields"}); it was skipped");
                continue;
            }

            if (fields.Count >= 2 && fields[1] == "TABLE")
            {
                if (fields[0] == "ZCURVE" && zcurve == 0)
                {
                    zcurve = n;
                }

                continue;
            }

            if (fields[0] == "EXPERIMENTABORTED" && fields.Count >= 3 && fields[2] == "T")
            {
                header.Warn($"the run was aborted (EXPERIMENTABORTED on line {n}); the spectrum holds the points measured before the abort");
            }

            if (fields.Count < 3)
            {
                continue;
            }

            string label = fields.Count >= 4 ? fields[^1].Replace("&", string.Empty, StringComparison.Ordinal) : string.Empty;
            string value = fields[1] switch
            {
                "TWOPARAM" when fields.Count >= 5 => string.Join(' ', fields.Skip(2).Take(3)),
                "POTEN" when fields.Count >= 5 => $"{fields[2]} ({(fields[3] == "T" ? "vs. Eoc" : "vs. Eref")})",
                _ => fields[2],
            };
            if (fields[1] == "NOTES")
            {
                continue;
            }

            ImpedanceSetting setting = header.Add(label.Length > 0 ? $"{fields[0]}: {label}" : fields[0], value, n);
            switch (fields[0])
            {
                case "DATE":
                    date = fields[2];
                    break;
                case "TIME":
                    time = fields[2];
                    break;
                case "PSTAT":
                    header.Instrument = fields[2];
                    break;
                case "VAC" or "IACREQ":
                    header.AcAmplitude ??= setting;
                    break;
                case "VDC" or "IDCREQ" or "IDC":
                    header.DcPotential ??= setting;
                    break;
            }
        }

        header.MeasurementDate = date is null ? time : time is null ? date : $"{date} {time}";
        if (zcurve == 0)
        {
            return text.Fail<ImpedanceData>(1, "no ZCURVE table; a Gamry impedance (EIS) file has one ('ZCURVE\\tTABLE'). Is this a Gamry file of another technique?");
        }

        if (zcurve + 2 > text.Count)
        {
            return text.Fail<ImpedanceData>(text.Count, "the ZCURVE table ends before its header and units rows; is the file truncated?");
        }

        if (FieldSplitter.Split(text.Line(zcurve + 1), '\t', fields) is { } headerProblem)
        {
            return text.Fail<ImpedanceData>(zcurve + 1, $"the ZCURVE header row cannot be read: {headerProblem}");
        }

        string[] names = [.. fields];
        if (FieldSplitter.Split(text.Line(zcurve + 2), '\t', fields) is { } unitsProblem)
        {
            return text.Fail<ImpedanceData>(zcurve + 2, $"the ZCURVE units row cannot be read: {unitsProblem}");
        }

        string[] units = [.. fields];
        if (units.Length != names.Length)
        {
            return text.Fail<ImpedanceData>(zcurve + 2, $"the ZCURVE units row has {units.Length} fields but the header row on line {zcurve + 1} has {names.Length}; expected one unit per column");
        }

        var headers = new ColumnHeader?[names.Length];
        for (int c = 0; c < names.Length; c++)
        {
            headers[c] = names[c].Length == 0 ? null
                : units[c].Length == 0 || units[c] == "#" ? new ColumnHeader(names[c], names[c], null)
                : new ColumnHeader($"{names[c]} ({units[c]})", names[c], units[c]);
        }

        return ImpedanceDataBuilder.Read(text, ImpedanceFileFormat.Gamry, header, zcurve + 1, headers, "'Freq', 'Zreal' and 'Zimag' in the ZCURVE table",
            zcurve + 3, '\t', new DecimalNumberParser(null), line => line.Length > 0 && char.IsAsciiLetterUpper(line[0]));
    }
}
