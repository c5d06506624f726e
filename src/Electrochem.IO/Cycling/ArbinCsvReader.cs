using System.Globalization;
using Electrochem.Cycling;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Arbin CSV exports: the header <c>Data_Point,Test_Time,…,Step_Index,Cycle_Index,…,Current,Voltage,Charge_Capacity,…</c>
/// on the first line, with or without units (<c>Test_Time(s)</c>, <c>Current(A)</c>); without them Arbin writes s, A,
/// V, Ah, Wh and °C. Arbin's current is already positive on charge. <c>DateTime</c> is kept as written; the start time
/// comes from its first value (Unix seconds, UTC, as beep's exports write it; or an OLE automation date in days since
/// 1899-12-30, local clock, as MS Access stores it in a .res).
/// </summary>
internal sealed class ArbinCsvReader : ICyclerFormatReader
{
    internal static readonly VendorColumn[] Columns =
    [
        new("Data_Point", RecordingQuantity.DataPoint),
        new("Test_Time", RecordingQuantity.TestTime, "s"),
        new("Step_Time", RecordingQuantity.StepTime, "s"),
        new("Step_Index", RecordingQuantity.StepIndex),
        new("Cycle_Index", RecordingQuantity.CycleIndex),
        new("Current", RecordingQuantity.Current, "A"),
        new("Voltage", RecordingQuantity.Voltage, "V"),
        new("Charge_Capacity", RecordingQuantity.ChargeCapacity, "Ah"),
        new("Discharge_Capacity", RecordingQuantity.DischargeCapacity, "Ah"),
        new("Charge_Energy", RecordingQuantity.ChargeEnergy, "Wh"),
        new("Discharge_Energy", RecordingQuantity.DischargeEnergy, "Wh"),
        new("Temperature", RecordingQuantity.Temperature, "°C"),
        new("Aux_Temperature_1", RecordingQuantity.Temperature, "°C"),
        new("Aux_Voltage_1", RecordingQuantity.AuxiliaryVoltage, "V"),
    ];

    public CyclerFileFormat Format => CyclerFileFormat.ArbinCsv;

    public string Description => "Arbin CSV export";

    public bool Matches(CyclerSource source)
    {
        if (source.FirstLines.IsEmpty || DelimitedText.Delimiter(source.FirstLines[0]) != ',')
        {
            return false;
        }

        HashSet<string> keys = [.. DelimitedText.Fields(source.FirstLines[0], ',').Select(f => HeaderGrammar.MatchKey(HeaderGrammar.Split(f).Name))];
        return keys.IsSupersetOf(["datapoint", "testtime", "stepindex", "cycleindex", "current", "voltage"]);
    }

    public DataFileResult<CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken) =>
        TableBlock.ReadRecording(source, Description, RecordingMetadata.Empty, 1, ',', '.', Columns, useSynonyms: false, options, cancellationToken, StartTime);

    private static RecordingMetadata StartTime(RawTable raw, RecordingMetadata metadata)
    {
        RawColumn? stamp = raw.Columns.Find(c => !c.IsText && HeaderGrammar.MatchKey(HeaderGrammar.Split(c.Plan.Header).Name) is "datetime");
        if (stamp?.Numbers is not { Length: > 0 } values || !double.IsFinite(values.Span[0]))
        {
            return metadata;
        }

        double first = values.Span[0];
        if (first > 1e8 && first < 1e11)
        {
            return metadata with { StartTime = UnixStart(first, stamp.Plan.Header) };
        }

        if (first > 1 && first < 2958465)
        {
            DateTime local = DateTime.FromOADate(first);
            return metadata with { StartTime = new RecordingStartTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), null, $"first '{stamp.Plan.Header}' value (OLE date, local clock, zone not stated)") };
        }

        return metadata;
    }

    /// <summary>A start time from Unix seconds (UTC by definition), to the microsecond: a double carries no more.</summary>
    internal static RecordingStartTime UnixStart(double seconds, string header)
    {
        DateTime utc = DateTime.UnixEpoch.AddTicks(10 * (long)Math.Round(seconds * 1e6));
        return new RecordingStartTime(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero, $"first '{header}' value (Unix seconds, UTC)");
    }
}
