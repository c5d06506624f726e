using System.Globalization;
using Electrochem.Cycling;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Maccor text exports: a few header lines (<c>Today's Date … Date of Test: … Filename: … Procedure: …</c>, or the
/// key/value lines of newer exports: <c>Name:</c>, <c>Channel:</c>, <c>Tester</c>, <c>Procedure</c>, <c>Started</c>),
/// then a tab-separated table with <c>Rec#</c>, <c>Cyc#</c>, <c>Step</c>, <c>Test (Sec)</c>/<c>TestTime</c>,
/// <c>Amp-hr</c>, <c>Watt-hr</c>, <c>Amps</c>, <c>Volts</c>, <c>State</c> (or <c>Rec</c>, <c>Cycle C</c>, <c>Cap. [Ah]</c>,
/// <c>Current [A]</c>, <c>Voltage [V]</c>, <c>Md</c>). Times may be seconds or <c>0d 00:00:05.05</c> durations; decimal
/// commas are detected.
/// </summary>
/// <remarks>
/// <para><b>Sign.</b> Some Maccor exports write the current's magnitude and the state (C, D, R, O, …); others write it
/// signed. When every non-zero current on discharge (state D) rows is positive the export is unsigned and the reader
/// negates the current on D rows; when they are negative it is kept. The column origin says which.</para>
/// <para><b>Capacities and energies.</b> Maccor accumulates <c>Amp-hr</c> and <c>Watt-hr</c> within each charge or
/// discharge state and resets them when the state changes. The recording's charge capacity is <c>Amp-hr</c> on C rows
/// and 0 elsewhere, its discharge capacity <c>Amp-hr</c> on D rows and 0 elsewhere (and the same for energies); the
/// original <c>Amp-hr</c> and <c>Watt-hr</c> columns are kept as they are.</para>
/// </remarks>
internal sealed class MaccorTextReader : ICyclerFormatReader
{
    private const int HeaderSearchLines = 20;

    private static readonly VendorColumn[] Columns =
    [
        new("Rec#", RecordingQuantity.DataPoint),
        new("Rec", RecordingQuantity.DataPoint),
        new("Cyc#", RecordingQuantity.CycleIndex),
        new("Step", RecordingQuantity.StepIndex),
        new("Test (Sec)", RecordingQuantity.TestTime, "s"),
        new("TestTime", RecordingQuantity.TestTime, "s"),
        new("Step (Sec)", RecordingQuantity.StepTime, "s"),
        new("StepTime", RecordingQuantity.StepTime, "s"),
        new("Amps", RecordingQuantity.Current, "A"),
        new("Current", RecordingQuantity.Current, "A"),
        new("Volts", RecordingQuantity.Voltage, "V"),
        new("Voltage", RecordingQuantity.Voltage, "V"),
        new("State", RecordingQuantity.Other, IsStepType: true),
        new("Md", RecordingQuantity.Other, IsStepType: true),
        new("Temp 1", RecordingQuantity.Temperature, "°C"),
    ];

    public CyclerFileFormat Format => CyclerFileFormat.MaccorText;

    public string Description => "Maccor text export";

    public bool Matches(CyclerSource source) => HeaderIndex(source) >= 0;

    public DataFileResult<CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        int header = HeaderIndex(source);
        if (header < 0)
        {
            return RecordingAssembler.Fail(source.Name, 1, $"no Maccor column header (Rec#, Cyc#, Step, Amps, Volts, State) in the first {HeaderSearchLines} lines");
        }

        RecordingMetadata metadata = Metadata(source.FirstLines.Take(header));
        char decimalSeparator = options.DecimalSeparator ?? DelimitedText.DecimalSeparator(source.FirstLines.Skip(header + 1), '\t');
        return TableBlock.ReadRecording(source, Description, metadata, header + 1, '\t', decimalSeparator, Columns, useSynonyms: false, options, cancellationToken, StartFromData, SignAndSplit);
    }

    private static int HeaderIndex(CyclerSource source)
    {
        for (int i = 0; i < Math.Min(HeaderSearchLines, source.FirstLines.Length); i++)
        {
            string line = source.FirstLines[i];
            if (!line.Contains('\t', StringComparison.Ordinal))
            {
                continue;
            }

            HashSet<string> keys = [.. DelimitedText.Fields(line, '\t').Select(f => HeaderGrammar.MatchKey(HeaderGrammar.Split(f).Name))];
            bool record = keys.Contains("rec");
            bool state = keys.Contains("state") || keys.Contains("md");
            bool current = keys.Contains("amps") || keys.Contains("current");
            bool capacity = keys.Contains("amp-hr") || keys.Contains("cap");
            if (record && state && current && capacity)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The header lines' key/value pairs (tab-separated, keys usually ending in ':').</summary>
    private static RecordingMetadata Metadata(IEnumerable<string> lines)
    {
        var entries = new List<KeyValuePair<string, string>>();
        foreach (string line in lines)
        {
            string[] tokens = [.. line.Split('\t').Select(t => t.Trim()).Where(t => t.Length > 0)];
            for (int i = 0; i < tokens.Length; i++)
            {
                string token = tokens[i];
                if (token.EndsWith(':') && token.Length > 1)
                {
                    string key = token[..^1];
                    int gap = key.LastIndexOf("  ", StringComparison.Ordinal);
                    if (gap >= 0)
                    {
                        // "Today's Date 07/17/2019  Date of Test:" holds a pair and the next key.
                        string first = key[..gap].Trim();
                        int lastSpace = first.LastIndexOf(' ');
                        if (lastSpace > 0)
                        {
                            entries.Add(new(first[..lastSpace], first[(lastSpace + 1)..]));
                        }

                        key = key[(gap + 2)..].Trim();
                    }

                    string value = i + 1 < tokens.Length && !tokens[i + 1].EndsWith(':') ? tokens[++i] : string.Empty;

                    // "C:\…\CELL.070 Procedure: CELL.000": a value followed by the next pair in the same field.
                    int colon = value.IndexOf(": ", StringComparison.Ordinal);
                    int keyStart = colon > 0 ? value.LastIndexOf(' ', colon - 1) + 1 : 0;
                    if (colon > 0 && keyStart > 0)
                    {
                        entries.Add(new(key, value[..keyStart].Trim()));
                        entries.Add(new(value[keyStart..colon], value[(colon + 2)..].Trim()));
                    }
                    else
                    {
                        entries.Add(new(key, value));
                    }
                }
                else if (token.IndexOf(": ", StringComparison.Ordinal) is int colon and > 0)
                {
                    entries.Add(new(token[..colon].Trim(), token[(colon + 2)..].Trim()));
                }
                else if (tokens.Length == 2 && i == 0)
                {
                    entries.Add(new(token, tokens[1]));
                    i++;
                }
            }
        }

        string? Get(params string[] keys) => entries.FirstOrDefault(e => keys.Contains(e.Key, StringComparer.OrdinalIgnoreCase)).Value is { Length: > 0 } v ? v : null;
        string? file = Get("Filename", "Name");
        string? testName = file is null ? null : file[(file.LastIndexOfAny(['\\', '/']) + 1)..];

        // Older exports state the channel only in the recorded file name: Maccor names a test's data file
        // <test>.<channel>, so xTESLADIAG_000019_CH70.070 was written by channel 70.
        string? extension = testName is null ? null : Path.GetExtension(testName).TrimStart('.');
        string? channel = Get("Channel", "Tester Channel")
            ?? (extension is { Length: > 0 } && extension.All(char.IsAsciiDigit) ? int.Parse(extension, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : null);
        return RecordingMetadata.Empty with
        {
            Instrument = Get("Tester") ?? "Maccor",
            Channel = channel,
            TestName = testName,
            ProcedureName = Get("Procedure"),
            HeaderEntries = [.. entries],
        };
    }

    /// <summary>The start time from the first <c>DPt Time</c> (local clock, month/day/year as Maccor writes it).</summary>
    private static RecordingMetadata StartFromData(RawTable raw, RecordingMetadata metadata)
    {
        RawColumn? stamp = raw.Columns.Find(c => c.IsText && HeaderGrammar.MatchKey(c.Plan.Header) is "dpttime");
        if (stamp?.Codes is not { Length: > 0 } codes || codes[0] < 0)
        {
            return metadata;
        }

        string text = stamp.Categories[codes[0]];
        string[] formats = ["MM/dd/yyyy HH:mm:ss", "M/d/yyyy h:mm:ss tt", "M/d/yyyy H:mm:ss", "MM/dd/yyyy hh:mm:ss tt"];
        return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime start)
            ? metadata with { StartTime = new RecordingStartTime(start, null, $"first '{stamp.Plan.Header}' value (local clock, month/day/year)") }
            : metadata;
    }

    /// <summary>Signs the current from the state when the export is unsigned, and splits Amp-hr and Watt-hr by state.</summary>
    private static string? SignAndSplit(List<RecordingColumn> numeric, List<RecordingTextColumn> text, List<string> notes)
    {
        RecordingTextColumn? state = text.Find(c => c.IsStepType);
        int currentIndex = numeric.FindIndex(c => c.Quantity == RecordingQuantity.Current);
        if (state is null || currentIndex < 0)
        {
            return "a Maccor export needs its State (or Md) column to sign the current; the file has none";
        }

        int charge = state.Categories.IndexOf("C");
        int discharge = state.Categories.IndexOf("D");
        ReadOnlySpan<int> codes = state.Codes;
        RecordingColumn current = numeric[currentIndex];
        double[] amps = current.Values.ToArray();
        int positive = 0;
        int negative = 0;
        for (int i = 0; i < amps.Length; i++)
        {
            if (codes[i] == discharge && discharge >= 0)
            {
                positive += amps[i] > 0 ? 1 : 0;
                negative += amps[i] < 0 ? 1 : 0;
            }
        }

        if (positive > 0 && negative == 0)
        {
            for (int i = 0; i < amps.Length; i++)
            {
                if (codes[i] == discharge)
                {
                    amps[i] = -amps[i];
                }
            }

            numeric[currentIndex] = new RecordingColumn(current.Name, current.Quantity, current.Unit, amps, current.Origin with { Note = "negated on discharge (state D) rows: this export writes the current's magnitude" });
        }
        else if (positive > 0 && negative > 0)
        {
            notes.Add($"the current on discharge (state D) rows is positive in {positive} rows and negative in {negative}; it is kept as written, so check its sign");
        }

        foreach ((string header, RecordingQuantity onCharge, RecordingQuantity onDischarge) in (ReadOnlySpan<(string, RecordingQuantity, RecordingQuantity)>)[
            ("amp-hr", RecordingQuantity.ChargeCapacity, RecordingQuantity.DischargeCapacity),
            ("cap", RecordingQuantity.ChargeCapacity, RecordingQuantity.DischargeCapacity),
            ("watt-hr", RecordingQuantity.ChargeEnergy, RecordingQuantity.DischargeEnergy),
            ("ener", RecordingQuantity.ChargeEnergy, RecordingQuantity.DischargeEnergy)])
        {
            RecordingColumn? source = numeric.Find(c => c.Quantity == RecordingQuantity.Other && HeaderGrammar.MatchKey(HeaderGrammar.Split(c.Origin.Header).Name) == header);
            if (source is null || numeric.Exists(c => c.Quantity == onCharge))
            {
                continue;
            }

            UnitDimension dimension = onCharge is RecordingQuantity.ChargeCapacity ? UnitDimension.Charge : UnitDimension.Energy;
            string writtenUnit = source.Origin.WrittenUnit ?? (dimension == UnitDimension.Charge ? "Ah" : "Wh");
            double scale = MeasurementUnit.Parse(writtenUnit, dimension)?.Scale ?? 1;
            ReadOnlySpan<double> values = source.Values;
            double[] charged = new double[values.Length];
            double[] discharged = new double[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                charged[i] = codes[i] == charge && charge >= 0 ? Math.Abs(values[i]) * scale : 0;
                discharged[i] = codes[i] == discharge && discharge >= 0 ? Math.Abs(values[i]) * scale : 0;
            }

            numeric.Add(new RecordingColumn(RecordingQuantities.CanonicalName(onCharge), onCharge, RecordingQuantities.Unit(onCharge), charged, new ColumnOrigin(source.Origin.Header, writtenUnit, scale, 0, $"'{source.Origin.Header}' on charge (state C) rows, 0 elsewhere (Maccor resets it at every state change)")));
            numeric.Add(new RecordingColumn(RecordingQuantities.CanonicalName(onDischarge), onDischarge, RecordingQuantities.Unit(onDischarge), discharged, new ColumnOrigin(source.Origin.Header, writtenUnit, scale, 0, $"'{source.Origin.Header}' on discharge (state D) rows, 0 elsewhere (Maccor resets it at every state change)")));
        }

        return null;
    }
}
