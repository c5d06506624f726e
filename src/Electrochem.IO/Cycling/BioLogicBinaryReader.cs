using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>
/// BioLogic EC-Lab binary files (<c>.mpr</c>), recognised by their first bytes (<c>BIO-LOGIC MODULAR FILE</c>). The data
/// module's columns get the headers the <c>.mpt</c> export gives them (<c>time/s</c>, <c>Ewe/V</c>, <c>I/mA</c>,
/// <c>control/V/mA</c>, <c>(Q-Qo)/mA.h</c>, <c>cycle number</c>; the flags byte unpacked to <c>mode</c>, <c>ox/red</c>,
/// <c>error</c>, <c>control changes</c>, <c>Ns changes</c>, <c>counter inc.</c>) and are then read exactly as the
/// <c>.mpt</c> reader reads them, so a <c>.mpr</c> and its export give the same recording. A column ID this reader
/// does not know is kept as <c>unknown column ID</c>, with a warning. Settings (technique, active mass, battery
/// capacity, comments, the technique's parameter rows such as <c>vs.</c> and <c>I Range</c>) and the log (acquisition start, channel, EC-Lab version) become metadata.
/// </summary>
internal sealed class BioLogicBinaryReader : ICyclerFormatReader
{
    /// <summary>EC-Lab's default active mass, written when none was entered: read as not stated.</summary>
    internal const double DefaultMassMilligrams = 0.001;

    public CyclerFileFormat Format => CyclerFileFormat.BioLogicBinary;

    public string Description => "BioLogic EC-Lab binary file (.mpr)";

    public bool Matches(CyclerSource source) => source.IsBioLogicBinary;

    public DataFileResult<CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        if (source.Length is not { } length)
        {
            return RecordingAssembler.Fail(source.Name, 1, "an EC-Lab binary file is read from a file or a seekable stream whose length is known");
        }

        MprFile file;
        try
        {
            using Stream stream = source.OpenBinary();
            file = MprParser.Read(stream, length, source.Name, cancellationToken);
        }
        catch (DataFileException e)
        {
            return RecordingAssembler.Fail(source.Name, e.LineNumber, e.Problem);
        }

        return Assemble(file, source.Name, options);
    }

    /// <summary>The recording of a parsed file: its columns planned as the <c>.mpt</c> reader plans the export's.</summary>
    private DataFileResult<CyclerRecording> Assemble(MprFile file, string sourceName, CyclerReadOptions options)
    {
        var notes = new List<string>(file.Warnings);
        bool ocv = file.Settings.Technique?.Contains("Open Circuit Voltage", StringComparison.OrdinalIgnoreCase) == true;
        List<MprColumn> read = [.. file.Columns];
        MprColumn? derived = DerivedCurrent(read, notes);
        if (derived is not null)
        {
            read.Add(derived);
        }

        string[] headers = [.. read.Select(c => c.Header)];
        (ColumnPlan[]? plans, string? problem) = CyclerColumnPlanner.Plan(headers, options.ColumnMap, BioLogicTextReader.Columns, useSynonyms: true, notes, currentOptional: ocv);
        if (plans is null)
        {
            return RecordingAssembler.Fail(sourceName, 1, problem!);
        }

        if (derived is not null)
        {
            plans[^1] = plans[^1] with { Note = DerivedNote };
        }

        var columns = new List<RawColumn>(plans.Length);
        for (int i = 0; i < plans.Length; i++)
        {
            double[] values = read[i].Values;
            if (plans[i].Kind == ColumnKind.Text)
            {
                (int[] codes, ImmutableArray<string> categories) = AsText(values);
                columns.Add(new RawColumn(plans[i], null, codes, categories));
            }
            else
            {
                columns.Add(new RawColumn(plans[i], values, null, []));
            }
        }

        int[] points = new int[file.PointCount];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = i + 1;
        }

        if (file.Settings.TechniqueId is { } id && file.Settings.Technique is null)
        {
            notes.Add($"technique ID {id} of the settings module is not known to this reader; the recording names no technique");
        }

        var raw = new RawTable(columns, points, []);
        return TableBlock.Assemble(sourceName, Description, Metadata(file), 1, raw, notes, options, transform: (numeric, _, n) => BioLogicTextReader.ChooseVoltageAndCurrent(numeric, n, ocv));
    }

    /// <summary>
    /// EC-Lab ≥ 11.50 (and some older GCPL files) store the charge passed since the previous point (<c>dq/mA.h</c>), not
    /// the current; the export writes <c>&lt;I&gt;/mA</c> = dq / Δt (checked against paired exports to 1e-6). That column,
    /// when the file has no current of its own; 0 at the first point and wherever no charge passed.
    /// </summary>
    private static MprColumn? DerivedCurrent(List<MprColumn> columns, List<string> notes)
    {
        if (columns.Exists(c => c.Header is "I/mA" or "<I>/mA")
            || columns.Find(c => c.Header == "time/s") is not { } time
            || columns.Find(c => c.Header == "dq/mA.h") is not { } dq)
        {
            return null;
        }

        double[] t = time.Values;
        double[] q = dq.Values;
        double[] current = new double[t.Length];
        int stalled = 0;
        for (int i = 1; i < t.Length; i++)
        {
            double dt = t[i] - t[i - 1];
            if (dt > 0)
            {
                current[i] = q[i] * 3600 / dt;
            }
            else if (q[i] != 0)
            {
                current[i] = current[i - 1];
                stalled++;
            }
        }

        notes.Add("the file stores the charge of each interval (dq/mA.h), not the current; '<I>/mA' is dq / Δt, as EC-Lab's export computes it"
            + (stalled > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({stalled} points where time does not advance but charge passed keep the previous current)") : string.Empty));
        return new MprColumn("<I>/mA", 0, current);
    }

    private const string DerivedNote = "derived: <I> = dq / Δt (the file stores dq, not the current), as EC-Lab's export computes it";

    /// <summary>The recording's metadata: what the settings and log modules say, and every entry as text.</summary>
    private static RecordingMetadata Metadata(MprFile file)
    {
        MprSettings s = file.Settings;
        DateTime? start = s.StartClockTime;
        return RecordingMetadata.Empty with
        {
            Technique = s.Technique,
            Channel = s.Channel?.ToString(CultureInfo.InvariantCulture),
            Software = s.SoftwareVersion is { } version ? "EC-Lab v" + version : null,
            ActiveMassGrams = ActiveMassGrams(s),
            NominalCapacityAmpereHours = s.BatteryCapacityMilliampereHours is > 0 and var capacity ? capacity / 1000 : null,
            StartTime = start is { } clock ? new RecordingStartTime(clock, null, "the log module's acquisition start (an OLE date, local clock)") : null,
            HeaderEntries = Entries(file),
        };
    }

    /// <summary>The active mass in g, or null when the file holds none or EC-Lab's default of 0.001 mg.</summary>
    internal static double? ActiveMassGrams(MprSettings settings) =>
        settings.ActiveMassMilligrams is > 0 and var mg && mg != DefaultMassMilligrams ? mg / 1000 : null;

    /// <summary>Every entry read from the settings, log and loop modules, named as the <c>.mpt</c> header names them where it does.</summary>
    internal static ImmutableArray<KeyValuePair<string, string>> Entries(MprFile file)
    {
        MprSettings s = file.Settings;
        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (value is { Length: > 0 })
            {
                entries.Add(new(key, value));
            }
        }

        Add("Technique", s.Technique ?? s.TechniqueId?.ToString("'ID '0", CultureInfo.InvariantCulture));
        Add("Run on channel", s.Channel?.ToString(CultureInfo.InvariantCulture));
        Add("Acquisition started on", s.StartText);
        Add("EC-Lab version", s.SoftwareVersion);
        Add("Device serial number", s.DeviceSerial);
        Add("Electrode material", s.ElectrodeMaterial);
        Add("Electrolyte", s.Electrolyte);
        Add("Comments", s.Comments);
        Add("Mass of active material", ActiveMassGrams(s) is not null ? string.Create(CultureInfo.InvariantCulture, $"{s.ActiveMassMilligrams:0.000} mg") : null);
        Add("Battery capacity", s.BatteryCapacityMilliampereHours is > 0 and var mah ? Capacity(mah, s.BatteryCapacityUnit) : null);
        foreach (KeyValuePair<string, string> parameter in s.Parameters)
        {
            Add(parameter.Key, parameter.Value);
        }

        Add("Loops", file.LoopStarts.Length > 1 ? string.Create(CultureInfo.InvariantCulture, $"{file.LoopStarts.Length} starting at points {string.Join(", ", file.LoopStarts.Take(20).Select(p => p + 1))}{(file.LoopStarts.Length > 20 ? ", …" : string.Empty)}") : null);
        Add("Settings module date", file.Modules.FirstOrDefault(m => m.ShortName == MprModuleHeader.Settings)?.Date);
        Add("Log module date", file.Modules.FirstOrDefault(m => m.ShortName == MprModuleHeader.Log)?.Date);
        Add("Data module version", file.DataModule.Version.ToString(CultureInfo.InvariantCulture));
        Add("Modules", string.Join("; ", file.Modules));
        return entries.ToImmutable();
    }

    /// <summary>The capacity in the unit EC-Lab shows it in (0 A·h, 1 mA·h, 2 µA·h), e.g. <c>120.000 µA.h</c>.</summary>
    private static string Capacity(double milliampereHours, int? unit) => unit switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{milliampereHours / 1000:0.000} A.h"),
        2 => string.Create(CultureInfo.InvariantCulture, $"{milliampereHours * 1000:0.000} µA.h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{milliampereHours:0.000} mA.h"),
    };

    /// <summary>Whole numbers (a flag, a counter) as text categories in order of first appearance, as a text export's column would be.</summary>
    private static (int[] Codes, ImmutableArray<string> Categories) AsText(double[] values)
    {
        var codes = new int[values.Length];
        var categories = ImmutableArray.CreateBuilder<string>();
        var seen = new Dictionary<double, int>();
        double previous = double.NaN;
        int code = -1;
        for (int i = 0; i < values.Length; i++)
        {
            // A flag or counter keeps its value over long runs of points: the value before is looked up only when it changes.
            if (code < 0 || !values[i].Equals(previous))
            {
                previous = values[i];
                if (!seen.TryGetValue(previous, out code))
                {
                    code = categories.Count;
                    categories.Add(previous.ToString("R", CultureInfo.InvariantCulture));
                    seen.Add(previous, code);
                }
            }

            codes[i] = code;
        }

        return (codes, categories.ToImmutable());
    }
}
