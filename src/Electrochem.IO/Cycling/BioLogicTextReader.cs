using System.Globalization;
using System.Text.RegularExpressions;
using Electrochem.Cycling;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Cycling;

/// <summary>
/// BioLogic EC-Lab and BT-Lab text exports: <c>.mpt</c> files (<c>EC-Lab ASCII FILE</c>, <c>Nb header lines : N</c>,
/// the settings, then a tab-separated table on line N), and the headerless tab- or <c>;</c>-separated exports
/// (<c>time/s;Ecell/V;I/mA;…</c>). Every technique reads (GCPL, CA, CP, MB, OCV, PEIS, GEIS, ZIR); decimal commas of
/// German-locale exports are detected; Windows-1252 text is decoded.
/// </summary>
/// <remarks>
/// Test time is <c>time/s</c> (seconds, or BT-Lab's absolute date and time, turned into seconds since the first row);
/// current <c>&lt;I&gt;/mA</c> or <c>I/mA</c>, kept with EC-Lab's sign (positive is an oxidation at the working electrode:
/// charge, for a positive electrode against lithium); voltage <c>Ecell/V</c> when the file has it, else <c>Ewe/V</c>
/// (with <c>Ece/V</c> and the other as auxiliary voltages); <c>cycle number</c>, <c>Ns</c>, <c>mode</c>,
/// <c>Q charge/mA.h</c>, <c>Q discharge/mA.h</c>, <c>Energy charge/W.h</c>, <c>Energy discharge/W.h</c>, temperature.
/// An OCV record has no current column: its current is 0 by the technique's definition, which the column's origin and
/// a warning say. Settings lines (<c>key : value</c>) are kept, and the technique's parameter rows after
/// <c>Cycle Definition</c> (<c>Ei (V)</c>, <c>vs.</c>, <c>I Range</c>, …) as <see cref="BioLogicParameterText"/> writes them; active mass, battery capacity, device, channel,
/// technique, software and acquisition start (local clock) are read from them.
/// </remarks>
internal sealed partial class BioLogicTextReader : ICyclerFormatReader
{
    /// <summary>The columns EC-Lab writes whose quantity the recording knows (shared with the .mpr reader).</summary>
    internal static readonly VendorColumn[] Columns =
    [
        new("time", RecordingQuantity.TestTime, "s"),
        new("<I>", RecordingQuantity.Current, "mA"),
        new("I", RecordingQuantity.Current, "mA"),
        new("Ecell", RecordingQuantity.Voltage, "V"),
        new("Ewe", RecordingQuantity.Voltage, "V"),
        new("<Ewe>", RecordingQuantity.Voltage, "V"),
        new("<Ewe/V>", RecordingQuantity.Voltage, "V"),
        new("Ece", RecordingQuantity.AuxiliaryVoltage, "V"),
        new("<Ece>", RecordingQuantity.AuxiliaryVoltage, "V"),
        new("cycle number", RecordingQuantity.CycleIndex),
        new("Ns", RecordingQuantity.StepIndex),
        new("mode", RecordingQuantity.Other, IsStepType: true),
        new("Q charge", RecordingQuantity.ChargeCapacity, "mA.h"),
        new("Q discharge", RecordingQuantity.DischargeCapacity, "mA.h"),
        new("Energy charge", RecordingQuantity.ChargeEnergy, "W.h"),
        new("Energy discharge", RecordingQuantity.DischargeEnergy, "W.h"),
        new("Temperature", RecordingQuantity.Temperature, "°C"),
        new("T", RecordingQuantity.Temperature, "°C"),
        new("step time", RecordingQuantity.StepTime, "s"),
    ];

    public CyclerFileFormat Format => CyclerFileFormat.BioLogicText;

    public string Description => "BioLogic EC-Lab/BT-Lab text export";

    public bool Matches(CyclerSource source) =>
        source.FirstLines.Length > 0 && (IsMpt(source) || HeaderlessHeader(source) is not null);

    public DataFileResult<CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        int headerLine;
        char delimiter = '\t';
        RecordingMetadata metadata = RecordingMetadata.Empty;
        if (IsMpt(source))
        {
            Match count = HeaderCount().Match(source.FirstLines.Length > 1 ? source.FirstLines[1] : string.Empty);
            if (!count.Success || !int.TryParse(count.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out headerLine) || headerLine < 3)
            {
                return RecordingAssembler.Fail(source.Name, 2, "expected 'Nb header lines : N' on line 2 of an EC-Lab text file, with N at least 3");
            }

            if (headerLine > source.FirstLines.Length)
            {
                return RecordingAssembler.Fail(source.Name, 2, source.WholeFileInPreview
                    ? $"the file says it has {headerLine} header lines but it has only {source.FirstLines.Length} lines"
                    : $"the file says it has {headerLine} header lines; more than {source.FirstLines.Length} is not an EC-Lab export");
            }

            string header = source.FirstLines[headerLine - 1];
            if (!header.Contains('\t', StringComparison.Ordinal) || !header.Contains("time", StringComparison.OrdinalIgnoreCase))
            {
                return RecordingAssembler.Fail(source.Name, headerLine, $"line {headerLine} should be the column header ('Nb header lines : {headerLine}' on line 2), but it is '{Shorten(header)}'");
            }

            metadata = Metadata(source.FirstLines.Take(headerLine - 1).ToArray());
        }
        else
        {
            (int index, char d) = HeaderlessHeader(source)!.Value;
            headerLine = index + 1;
            delimiter = d;
        }

        char decimalSeparator = options.DecimalSeparator ?? DelimitedText.DecimalSeparator(source.FirstLines.Skip(headerLine), delimiter);
        bool ocv = metadata.Technique?.Contains("Open Circuit Voltage", StringComparison.OrdinalIgnoreCase) == true;
        return TableBlock.ReadRecording(source, Description, metadata, headerLine, delimiter, decimalSeparator, Columns, useSynonyms: true, options, cancellationToken, transform: (numeric, _, notes) => ChooseVoltageAndCurrent(numeric, notes, ocv), currentOptional: ocv);
    }

    private static bool IsMpt(CyclerSource source) =>
        source.FirstLines[0].StartsWith("EC-Lab ASCII FILE", StringComparison.Ordinal) || source.FirstLines[0].StartsWith("BT-Lab ASCII FILE", StringComparison.Ordinal);

    /// <summary>A headerless export's column header: <c>time/s</c> with <c>Ewe/V</c> or <c>Ecell/V</c> within the first lines.</summary>
    private static (int Index, char Delimiter)? HeaderlessHeader(CyclerSource source)
    {
        for (int i = 0; i < Math.Min(5, source.FirstLines.Length); i++)
        {
            string line = source.FirstLines[i];
            if (DelimitedText.Delimiter(line) is { } d and ('\t' or ';'))
            {
                string[] fields = DelimitedText.Fields(line, d);
                if (fields.Contains("time/s") && (fields.Contains("Ewe/V") || fields.Contains("Ecell/V") || fields.Contains("<Ewe>/V")))
                {
                    return (i, d);
                }
            }
        }

        return null;
    }

    /// <summary>The settings: technique (line 4), every <c>key : value</c> line, and what they say about the test.</summary>
    private static RecordingMetadata Metadata(string[] lines)
    {
        var entries = new List<KeyValuePair<string, string>>();
        foreach (string line in lines.Skip(2))
        {
            int colon = line.IndexOf(" : ", StringComparison.Ordinal);
            if (colon > 0)
            {
                entries.Add(new(line[..colon].Trim(), line[(colon + 3)..].Trim()));
            }
        }

        entries.AddRange(BioLogicParameterText.Rows(lines));
        string? Get(string key) => entries.FirstOrDefault(e => e.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } v ? v : null;
        string? technique = lines.Skip(2).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.Contains(" : ", StringComparison.Ordinal));
        string? software = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("EC-Lab for windows", StringComparison.OrdinalIgnoreCase) || l.StartsWith("BT-Lab for windows", StringComparison.OrdinalIgnoreCase));
        RecordingStartTime? start = null;
        if (Get("Acquisition started on") is { } started && DateTime.TryParseExact(started, ["MM/dd/yyyy HH:mm:ss.FFF", "MM/dd/yyyy HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime clock))
        {
            start = new RecordingStartTime(clock, null, "header 'Acquisition started on' (local clock)");
        }

        return RecordingMetadata.Empty with
        {
            Technique = technique,
            Instrument = Get("Device"),
            Channel = Get("Run on channel"),
            Software = software,
            ActiveMassGrams = Quantity(Get("Mass of active material"), UnitDimension.Mass),
            NominalCapacityAmpereHours = Quantity(Get("Battery capacity"), UnitDimension.Charge),
            StartTime = start,
            HeaderEntries = [.. entries],
        };
    }

    /// <summary>"1.390 mg" or "120,000 µA.h" in the base unit of its dimension (g, Ah); null when absent, zero or unreadable.</summary>
    private static double? Quantity(string? text, UnitDimension dimension)
    {
        if (text is null)
        {
            return null;
        }

        int space = text.IndexOf(' ');
        if (space <= 0 || !double.TryParse(text[..space].Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0))
        {
            return null;
        }

        return MeasurementUnit.Parse(text[(space + 1)..], dimension) is { } unit ? unit.ToBase(value) : null;
    }

    /// <summary>Ecell before Ewe as the cell voltage; an OCV record's current is 0.</summary>
    internal static string? ChooseVoltageAndCurrent(List<RecordingColumn> numeric, List<string> notes, bool ocv)
    {
        int voltage = numeric.FindIndex(c => c.Quantity == RecordingQuantity.Voltage);
        int ecell = numeric.FindIndex(c => HeaderGrammar.MatchKey(HeaderGrammar.Split(c.Origin.Header).Name) == "ecell");
        if (voltage >= 0 && ecell >= 0 && ecell != voltage)
        {
            RecordingColumn ewe = numeric[voltage];
            RecordingColumn cell = numeric[ecell];
            numeric[voltage] = new RecordingColumn("auxiliary_voltage_ewe", RecordingQuantity.AuxiliaryVoltage, "V", ewe.Memory, ewe.Origin with { Note = "Ewe: the working electrode; the cell voltage is Ecell" });
            numeric[ecell] = new RecordingColumn("voltage", RecordingQuantity.Voltage, "V", cell.Memory, cell.Origin);
        }

        if (ocv && !numeric.Exists(c => c.Quantity == RecordingQuantity.Current))
        {
            int rows = numeric[0].Length;
            numeric.Add(new RecordingColumn("current", RecordingQuantity.Current, "A", new double[rows], new ColumnOrigin("(none)", null, 1, 0, "Open Circuit Voltage technique: no current flows, so the current is 0")));
            notes.Add("the file is an OCV record without a current column; the current is 0 in every row by the technique's definition");
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    [GeneratedRegex(@"^Nb header lines\s*:\s*(\d+)")]
    private static partial Regex HeaderCount();
}
