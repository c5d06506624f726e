using Electrochem.Cycling;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Battery Data Format CSV (the Battery Data Alliance's table): every header is <c>Quantity Name / unit</c>
/// (<c>Test Time / s</c> or <c>/ h</c>, <c>Current / A</c>, <c>Voltage / V</c>, <c>Cycle Count / 1</c>,
/// <c>Step Index / 1</c>, <c>Charge Capacity / Ah</c>, <c>Temperature T1 / degC</c>, <c>Unix Time / s</c>, …); the names
/// and units are read through the shared header grammar, and <c>Unix Time</c>, when present, gives the start as a UTC
/// instant.
/// </summary>
internal sealed class BatteryDataFormatReader : ICyclerFormatReader
{
    private static readonly VendorColumn[] Columns =
    [
        new("Cycle Count", RecordingQuantity.CycleIndex),
        new("Step Count", RecordingQuantity.StepIndex),
        new("Step Type", RecordingQuantity.Other, IsStepType: true),
        new("Temperature T1", RecordingQuantity.Temperature),
        new("Ambient Temperature", RecordingQuantity.Temperature),
    ];

    public CyclerFileFormat Format => CyclerFileFormat.BatteryDataFormatCsv;

    public string Description => "Battery Data Format CSV";

    public bool Matches(CyclerSource source)
    {
        if (source.FirstLines.IsEmpty || DelimitedText.Delimiter(source.FirstLines[0]) is not { } d)
        {
            return false;
        }

        string[] fields = DelimitedText.Fields(source.FirstLines[0], d);
        return fields.All(f => f.Contains(" / ", StringComparison.Ordinal))
            && fields.Any(f => f.StartsWith("Test Time / ", StringComparison.Ordinal))
            && fields.Contains("Current / A") && fields.Contains("Voltage / V");
    }

    public DataFileResult<CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken) =>
        DelimitedCyclerReader.ReadWith(source, options, Description, RecordingMetadata.Empty, Columns, UnixStart, cancellationToken);

    private static RecordingMetadata UnixStart(RawTable raw, RecordingMetadata metadata)
    {
        RawColumn? unix = raw.Columns.Find(c => !c.IsText && HeaderGrammar.MatchKey(HeaderGrammar.Split(c.Plan.Header).Name) == "unixtime");
        if (unix?.Numbers is { Length: > 0 } values && double.IsFinite(values.Span[0]))
        {
            return metadata with { StartTime = ArbinCsvReader.UnixStart(values.Span[0], unix.Plan.Header) };
        }

        return metadata;
    }
}
