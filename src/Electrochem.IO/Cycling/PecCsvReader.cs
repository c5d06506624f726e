using System.Globalization;
using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>
/// PEC (SBT) CSV exports: <c>Key:,Value</c> header lines (test number, regime, start time), a results block, then the
/// data in mV, mA, mAh and mWh (converted to V, A, Ah, Wh). PEC names its energies <c>Charge Capacity (mWh)</c> and
/// <c>Discharge Capacity (mWh)</c>: the unit decides, so they are read as energies. Current is signed as written.
/// </summary>
internal sealed class PecCsvReader : ICyclerFormatReader
{
    public CyclerFileFormat Format => CyclerFileFormat.PecCsv;

    public string Description => "PEC CSV export";

    public bool Matches(CyclerSource source) =>
        source.FirstLines.Take(5).Any(l => l.StartsWith("Test:,", StringComparison.Ordinal))
        && source.FirstLines.Any(l => l.StartsWith("Test,Cell,", StringComparison.Ordinal) && l.Contains("Voltage (mV)", StringComparison.Ordinal));

    public DataFileResult<CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        var entries = new List<KeyValuePair<string, string>>();
        foreach (string line in source.FirstLines.TakeWhile(l => !l.StartsWith('#') && !l.StartsWith("Test,Cell,", StringComparison.Ordinal)))
        {
            int colon = line.IndexOf(":,", StringComparison.Ordinal);
            if (colon > 0)
            {
                entries.Add(new(line[..colon].Trim(), line[(colon + 2)..].Trim().TrimEnd(',')));
            }
        }

        string? Get(string key) => entries.FirstOrDefault(e => e.Key == key).Value is { Length: > 0 } v ? v : null;
        RecordingStartTime? start = Get("Start Time") is { } s && DateTime.TryParseExact(s, ["MM/dd/yyyy HH:mm:ss", "M/d/yyyy H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime clock)
            ? new RecordingStartTime(clock, null, "header 'Start Time' (local clock)")
            : null;
        var metadata = new RecordingMetadata
        {
            Instrument = "PEC",
            TestName = Get("Test"),
            ProcedureName = Get("TestRegime Name"),
            StartTime = start,
            HeaderEntries = [.. entries],
        };
        return DelimitedCyclerReader.ReadWith(source, options, Description, metadata, [], null, cancellationToken);
    }
}
