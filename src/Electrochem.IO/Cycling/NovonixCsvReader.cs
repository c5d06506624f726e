using System.Globalization;
using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Novonix HPC CSV exports: a <c>[Summary]</c> block (channel, cell, protocol, mass, capacity, start, software version),
/// a <c>[Protocol]</c> block, then <c>[Data]</c>: a comma-separated table whose every line is quoted as a whole, with
/// times in hours (<c>Run Time (h)</c>, converted to seconds) and signed current in A. The summary's mass and capacity
/// are kept as the file states them (Novonix writes its placeholder 1.000 g when none was entered).
/// </summary>
internal sealed class NovonixCsvReader : ICyclerFormatReader
{
    private static readonly VendorColumn[] Columns =
    [
        new("Run Time", RecordingQuantity.TestTime, "h"),
        new("Step Time", RecordingQuantity.StepTime, "h"),
        new("Cycle Number", RecordingQuantity.CycleIndex),
        new("Step Number", RecordingQuantity.StepIndex),
        new("Step Type", RecordingQuantity.Other, IsStepType: true),
        new("Current", RecordingQuantity.Current, "A"),
        new("Potential", RecordingQuantity.Voltage, "V"),
        new("Temperature", RecordingQuantity.Temperature, "°C"),
    ];

    public CyclerFileFormat Format => CyclerFileFormat.NovonixCsv;

    public string Description => "Novonix HPC CSV export";

    public bool Matches(CyclerSource source) =>
        source.FirstLines.Length > 2 && source.FirstLines[0].Trim() == "[Summary]" && source.FirstLines.Take(5).Any(l => l.Contains("Novonix", StringComparison.OrdinalIgnoreCase));

    public DataFileResult<CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        int data = source.FirstLines.IndexOf("[Data]");
        if (data < 0)
        {
            return RecordingAssembler.Fail(source.Name, 1, $"no [Data] line in the first {source.FirstLines.Length} lines of this Novonix file; expected the data table after it");
        }

        var entries = new List<KeyValuePair<string, string>>();
        foreach (string line in source.FirstLines.Take(data).TakeWhile(l => l.Trim() != "[End Summary]"))
        {
            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                entries.Add(new(line[..colon].Trim(), line[(colon + 2)..].Trim()));
            }
        }

        string? Get(string key) => entries.FirstOrDefault(e => e.Key == key).Value is { Length: > 0 } v ? v : null;
        double? Number(string key) => Get(key) is { } v && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x > 0 ? x : null;
        RecordingStartTime? start = Get("Started") is { } s && DateTime.TryParseExact(s, ["yyyy-MM-dd hh:mm:ss tt", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime clock)
            ? new RecordingStartTime(clock, null, "summary 'Started' (local clock)")
            : null;
        var metadata = new RecordingMetadata
        {
            Instrument = "Novonix",
            Channel = Get("Channel"),
            TestName = Get("Cell"),
            ProcedureName = Get("Protocol"),
            Software = Get("Version") is { } version ? "Novonix " + version : null,
            ActiveMassGrams = Number("Mass (g)"),
            NominalCapacityAmpereHours = Number("Capacity (Ah)"),
            StartTime = start,
            HeaderEntries = [.. entries],
        };
        return TableBlock.ReadRecording(source, Description, metadata, data + 2, ',', '.', Columns, useSynonyms: true, options, cancellationToken, filter: text => new QuoteStrippingReader(text));
    }
}
