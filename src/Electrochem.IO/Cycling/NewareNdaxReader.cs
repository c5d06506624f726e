using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Neware <c>.ndax</c> files (BTS 8), read natively: a zip archive (first bytes <c>PK\x03\x04</c>) holding
/// <c>data.ndc</c>. The main-data records (voltage, current) become the rows, in record order; the step file
/// (<c>data_step.ndc</c>) gives each row's cycle, step and step type; the run information (<c>data_runInfo.ndc</c>) its
/// step time, test time, capacities and energies (see <see cref="NdaxTimeline"/> for the rows it does not hold);
/// each auxiliary channel (<c>data_AUX_*.ndc</c>) is an extra column; the XML entries give the metadata. Columns are
/// named, united and signed as the <see cref="NewareCsvReader"/> reads BTS's CSV export (current negative on
/// discharge). Only the <c>.ndc</c> versions in <see cref="NdcLayout.Known"/> are read; any other is refused.
/// </summary>
internal sealed partial class NewareNdaxReader : ICyclerFormatReader
{
    internal const string DataEntry = "data.ndc";
    internal const string StepEntry = "data_step.ndc";
    internal const string RunInfoEntry = "data_runInfo.ndc";

    /// <summary>The largest <c>.ndc</c> entry read (512 MiB: 64 million main-data records); a larger claim is refused before anything is read.</summary>
    internal const long MaximumEntryBytes = 512L << 20;

    /// <summary>The bytes of one main-data record (version 17: voltage and current, float32 each).</summary>
    private const int MainDataRecordBytes = 8;

    public CyclerFileFormat Format => CyclerFileFormat.NewareNdax;

    public string Description => "Neware .ndax (zip of XML and .ndc records)";

    /// <summary>True when the first bytes are a zip archive's local file header.</summary>
    internal static bool IsZip(ReadOnlySpan<byte> magic) => magic.StartsWith("PK\x03\x04"u8);

    public bool Matches(CyclerSource source) => IsNdax(source);

    /// <summary>True when the file is a zip archive holding <c>data.ndc</c> (so another zip is not taken for an .ndax).</summary>
    internal static bool IsNdax(CyclerSource source)
    {
        if (!IsZip(source.Magic.Span))
        {
            return false;
        }

        try
        {
            using Stream stream = source.OpenBinary();
            if (!stream.CanSeek)
            {
                return false;
            }

            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            return archive.GetEntry(DataEntry) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public DataFileResult<CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        try
        {
            using Stream stream = source.OpenSeekable();
            long archiveBytes = stream.Length;
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            return Read(archive, source.Name, archiveBytes, options, cancellationToken);
        }
        catch (DataFileException e)
        {
            return RecordingAssembler.Fail(source.Name, e.LineNumber, e.Problem);
        }
        catch (InvalidDataException e)
        {
            return RecordingAssembler.Fail(source.Name, 1, $"the .ndax archive is damaged or not a zip archive ({e.Message})");
        }
    }

    private DataFileResult<CyclerRecording> Read(ZipArchive archive, string source, long archiveBytes, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        ZipArchiveEntry data = archive.GetEntry(DataEntry) ?? throw new DataFileException(source, 1, $"the archive has no '{DataEntry}', so it is not a Neware .ndax");
        CheckSize(data, source);

        // The columns start at the size the entry claims, but no larger than a few times the archive: a claim is not trusted further.
        int expected = (int)Math.Min(data.Length / MainDataRecordBytes, Math.Max(1 << 16, 4 * archiveBytes / MainDataRecordBytes));
        var memo = new PrintedSingleMemo();
        var voltageColumn = new NdcColumn(expected);
        var currentColumn = new NdcColumn(expected);
        Entry(data, source, NdcLayout.MainData, (records, count, size) =>
        {
            PrintedSingle.Widen(records, size, 0, voltageColumn.Append(count), memo);
            PrintedSingle.Widen(records, size, 4, currentColumn.Append(count), memo);
        }, cancellationToken);
        if (voltageColumn.Count == 0)
        {
            throw new DataFileException(source, 1, $"'{DataEntry}' holds no records: the test recorded no data");
        }

        if (archive.GetEntry(StepEntry) is not { } stepEntry || archive.GetEntry(RunInfoEntry) is not { } runEntry)
        {
            throw new DataFileException(source, 1, $"the archive has '{DataEntry}' but not both '{StepEntry}' and '{RunInfoEntry}'; this reader reads .ndc version {NdcLayout.Versions}, whose main data hold only voltage and current, and no time or step can be placed without them");
        }

        var steps = new List<NdaxStep>();
        int emptySteps = 0;
        Entry(stepEntry, source, NdcLayout.Steps, (records, count, size) =>
        {
            for (int k = 0; k < count; k++)
            {
                NdaxStep step = NdaxStep.Read(records.Slice(k * size, size));
                if (step.StepId == 0 && step.FirstIndex == 0)
                {
                    emptySteps++;
                }
                else
                {
                    steps.Add(step);
                }
            }
        }, cancellationToken);
        var runInfo = new List<NdaxRunInfo>();
        int emptyRuns = 0;
        Entry(runEntry, source, NdcLayout.RunInfo, (records, count, size) =>
        {
            for (int k = 0; k < count; k++)
            {
                NdaxRunInfo info = NdaxRunInfo.Read(records.Slice(k * size, size));
                if (info.Index == 0)
                {
                    emptyRuns++;
                }
                else
                {
                    runInfo.Add(info);
                }
            }
        }, cancellationToken);
        if (emptySteps + emptyRuns > 0)
        {
            notes.Add($"{emptySteps} step records and {emptyRuns} run-information records are empty (all zero) and were skipped");
        }

        Memory<double> v = voltageColumn.ToMemory();
        Memory<double> i = currentColumn.ToMemory();
        NdaxTimeline timeline = NdaxTimeline.Build(source, steps, runInfo, v.Span, i.Span, notes);
        var used = new HashSet<string>(StringComparer.Ordinal) { DataEntry, StepEntry, RunInfoEntry, "TestInfo.xml", "Step.xml", "VersionInfo.xml" };
        List<(string Header, double[] Values)> auxiliary = Auxiliary(archive, source, v.Length, used, memo, notes, cancellationToken);
        string[] ignored = [.. archive.Entries.Select(e => e.FullName).Where(name => !used.Contains(name))];
        if (ignored.Length > 0)
        {
            notes.Add($"the archive's entries {string.Join(", ", ignored.Select(n => $"'{n}'"))} are not part of the recording (logs, edited step plans, comments)");
        }

        RecordingMetadata metadata = NewareNdaxMetadata.Read(archive, runInfo.Count > 0 ? runInfo[0].UnixSeconds : null, notes);
        return Assemble(source, metadata, steps, timeline, v, i, auxiliary, notes, options);
    }

    private DataFileResult<CyclerRecording> Assemble(string source, RecordingMetadata metadata, List<NdaxStep> steps, NdaxTimeline t, Memory<double> voltage, Memory<double> current, List<(string Header, double[] Values)> auxiliary, List<string> notes, CyclerReadOptions options)
    {
        int n = voltage.Length;
        double[] points = GC.AllocateUninitializedArray<double>(n);
        double[] cycle = GC.AllocateUninitializedArray<double>(n);
        double[] stepIndex = GC.AllocateUninitializedArray<double>(n);
        double[] programStep = GC.AllocateUninitializedArray<double>(n);
        int[] rowLines = GC.AllocateUninitializedArray<int>(n);
        int[] codes = GC.AllocateUninitializedArray<int>(n);

        for (int r = 0; r < n; r++)
        {
            points[r] = r + 1;
            rowLines[r] = r + 1;
        }

        // A step's type is text, coded in order of first appearance in the rows (as a text column is read); every row of a step shares its code.
        var categories = ImmutableArray.CreateBuilder<string>();
        var codeOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < t.StepCount; s++)
        {
            int a = t.FirstRows[s], length = t.FirstRows[s + 1] - a;
            NdaxStep step = steps[s];
            cycle.AsSpan(a, length).Fill(step.Cycle);
            stepIndex.AsSpan(a, length).Fill(s + 1);
            programStep.AsSpan(a, length).Fill(step.StepId);
            codes.AsSpan(a, length).Fill(Code(NewareStepTypes.Name(step.Type), codeOfName, categories));
        }

        List<(string Header, Memory<double>? Numbers)> columns =
        [
            ("DataPoint", points),
            ("Cycle Index", cycle),
            ("Step Index", stepIndex),
            ("Program Step", programStep),
            ("Step Type", null),
            ("Time", t.StepTime),
            ("Cumulative Time", t.TestTime),
            ("Current(A)", current),
            ("Voltage(V)", voltage),
            ("Chg. Cap.(Ah)", t.ChargeCapacity),
            ("DChg. Cap.(Ah)", t.DischargeCapacity),
            ("Chg. Energy(Wh)", t.ChargeEnergy),
            ("DChg. Energy(Wh)", t.DischargeEnergy),
            ("runInfo Record", t.Stored),
        ];
        columns.AddRange(auxiliary.Select(a => (a.Header, (Memory<double>?)a.Values)));
        (ColumnPlan[]? plans, string? problem) = CyclerColumnPlanner.Plan([.. columns.Select(c => c.Header)], options.ColumnMap, NewareCsvReader.Columns, useSynonyms: true, notes);
        if (plans is null)
        {
            return RecordingAssembler.Fail(source, 1, problem!);
        }

        ImmutableArray<string> names = categories.ToImmutable();
        var raw = new List<RawColumn>(columns.Count);
        for (int c = 0; c < columns.Count; c++)
        {
            raw.Add(columns[c].Numbers is { } numbers
                ? new RawColumn(plans[c] with { Kind = ColumnKind.Numeric }, numbers, null, [])
                : new RawColumn(plans[c] with { Kind = ColumnKind.Text }, null, codes, names));
        }

        return TableBlock.Assemble(source, Description, metadata, 1, new RawTable(raw, rowLines, []), notes, options);
    }

    /// <summary>The code of a text (trimmed; −1 when empty), a new one, in order, for a text not met before.</summary>
    private static int Code(string text, Dictionary<string, int> codes, ImmutableArray<string>.Builder categories)
    {
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return -1;
        }

        if (!codes.TryGetValue(trimmed, out int code))
        {
            code = categories.Count;
            categories.Add(trimmed);
            codes.Add(trimmed, code);
        }

        return code;
    }

    /// <summary>Each auxiliary channel's values, one per main-data record, under the entry's name (<c>AUX 144_3_1</c>: channel 144, type 3, number 1), as stored, without a unit.</summary>
    private static List<(string Header, double[] Values)> Auxiliary(ZipArchive archive, string source, int rows, HashSet<string> used, PrintedSingleMemo memo, List<string> notes, CancellationToken cancellationToken)
    {
        var result = new List<(string, double[])>();
        foreach (ZipArchiveEntry entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            Match m = AuxiliaryName().Match(entry.FullName);
            if (!m.Success)
            {
                continue;
            }

            used.Add(entry.FullName);
            double[] values = GC.AllocateUninitializedArray<double>(rows);
            int count = 0;
            Entry(entry, source, NdcLayout.Auxiliary, (records, pageCount, size) =>
            {
                if (count < rows)
                {
                    PrintedSingle.Widen(records, size, 0, values.AsSpan(count, Math.Min(pageCount, rows - count)), memo);
                }

                count += pageCount;
            }, cancellationToken);
            if (count != rows)
            {
                values.AsSpan(Math.Min(count, rows)).Fill(double.NaN);
                notes.Add(count < rows
                    ? $"the auxiliary channel '{entry.FullName}' holds {count} values for {rows} main-data records; the last {rows - count} rows have none (empty)"
                    : $"the auxiliary channel '{entry.FullName}' holds {count} values for {rows} main-data records; the {count - rows} values after the last record are not part of the recording");
            }

            result.Add(("AUX " + m.Groups[1].Value, values));
        }

        if (result.Count > 0)
        {
            notes.Add($"the auxiliary channels ({string.Join(", ", result.Select(r => r.Item1))}) are kept as stored, without a unit: the .ndax does not state their quantity (TestInfo.xml's Aux entries give each channel's type)");
        }

        return result;
    }

    /// <summary>Refuses an entry whose stated size is more than <see cref="MaximumEntryBytes"/>.</summary>
    private static void CheckSize(ZipArchiveEntry entry, string source)
    {
        if (entry.Length > MaximumEntryBytes || entry.Length < 0)
        {
            throw NdcFile.Fail(source, entry.FullName, $"claims {entry.Length} bytes uncompressed, more than the {MaximumEntryBytes} this reader accepts for one .ndc file");
        }
    }

    /// <summary>Reads one <c>.ndc</c> entry after checking its stated size against <see cref="MaximumEntryBytes"/>.</summary>
    private static void Entry(ZipArchiveEntry entry, string source, int fileType, NdcPageHandler onPage, CancellationToken cancellationToken)
    {
        CheckSize(entry, source);
        using Stream stream = entry.Open();
        NdcFile.Read(stream, entry.Length, source, entry.FullName, fileType, onPage, cancellationToken);
    }

    [GeneratedRegex(@"^data_AUX_([0-9]+_[0-9]+_[0-9]+)\.ndc$", RegexOptions.CultureInvariant)]
    private static partial Regex AuxiliaryName();
}
