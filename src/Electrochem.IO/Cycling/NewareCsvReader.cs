using Electrochem.Cycling;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Neware BTS CSV exports (<c>DataPoint, Cycle Index, Step Index, Step Type, Time, Cumulative Time, Current(A),
/// Voltage(V), Capacity(Ah), …, Chg. Cap.(Ah), DChg. Cap.(Ah), …</c>): test time is <c>Cumulative Time</c> and step time
/// <c>Time</c>, both written as hh:mm:ss and read as seconds; current is signed (negative on discharge) as Neware
/// writes it; the start time is the first date-and-time stamp (local clock).
/// </summary>
internal sealed class NewareCsvReader : ICyclerFormatReader
{
    internal static readonly VendorColumn[] Columns =
    [
        new("Cumulative Time", RecordingQuantity.TestTime, "s"),
        new("Time", RecordingQuantity.StepTime, "s"),
        new("Step Type", RecordingQuantity.Other, IsStepType: true),
    ];

    public CyclerFileFormat Format => CyclerFileFormat.NewareCsv;

    public string Description => "Neware BTS CSV export";

    public bool Matches(CyclerSource source)
    {
        if (source.FirstLines.IsEmpty || DelimitedText.Delimiter(source.FirstLines[0]) is not { } d)
        {
            return false;
        }

        HashSet<string> keys = [.. DelimitedText.Fields(source.FirstLines[0], d).Select(f => HeaderGrammar.MatchKey(HeaderGrammar.Split(f).Name))];
        return keys.IsSupersetOf(["datapoint", "cycleindex", "stepindex", "steptype", "cumulativetime", "chgcap"]);
    }

    public DataFileResult<CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken) =>
        DelimitedCyclerReader.ReadWith(source, options, Description, RecordingMetadata.Empty with { Instrument = "Neware" }, Columns,
            (raw, metadata) => DelimitedCyclerReader.StartFromFirstStamp(raw, metadata, ["date", "realtime", "absolutetime", "systemtime"], ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFF", "yyyy/MM/dd HH:mm:ss"]),
            cancellationToken);
}
