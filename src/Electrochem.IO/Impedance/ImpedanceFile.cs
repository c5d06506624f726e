using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// Reads impedance spectra from instrument files, detecting the format from the content (never from the extension):
/// Gamry <c>.DTA</c>, BioLogic EC-Lab <c>.mpt</c> and binary <c>.mpr</c>, ZPlot <c>.z</c>, ZPlot for Windows text (impedance.py's "Autolab"),
/// VersaStudio <c>.par</c>, CH Instruments, Parstat, PowerSuite, and delimited tables with or without a header.
/// Malformed content is a <see cref="DataFileError"/> naming the file, the line and the problem; memory is bounded by the
/// size and line limits of <see cref="DelimitedTableOptions"/>. Every format is also readable directly, by passing it.
/// </summary>
/// <example><code>
/// DataFileResult&lt;ImpedanceData&gt; read = ImpedanceFile.TryRead("cell.mpt");
/// if (!read.IsSuccess) { Console.Error.WriteLine(read.Error); return; }      // cell.mpt:61: no frequency column; …
/// ImpedanceData data = read.Value;                                            // data.Format == ImpedanceFileFormat.BioLogic
/// ImpedanceSpectrum spectrum = data.Spectrum;                                  // Hz, Ω, capacitive Z″ &lt; 0
/// ImpedanceData gamry = ImpedanceFile.Read("run.DTA", ImpedanceFileFormat.Gamry);   // no detection
/// </code></example>
public static class ImpedanceFile
{
    /// <summary>Reads a file, detecting its format from the content.</summary>
    /// <param name="path">The file's path; it appears in error messages as given.</param>
    /// <param name="options">Size and line limits (and, for headed tables, delimiter and decimal separator); null for the defaults.</param>
    /// <returns>The spectrum and what else was read.</returns>
    /// <param name="columns">Columns named by the caller instead of found by their headers; null to find them all.</param>
    /// <exception cref="DataFileException">The content is malformed or not an impedance format this reader knows.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the options are invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened or read (e.g. <see cref="FileNotFoundException"/>).</exception>
    public static ImpedanceData Read(string path, DelimitedTableOptions? options = null, ImpedanceColumnChoices? columns = null) => TryRead(path, options, columns).Value;

    /// <summary>Reads a file as the given format, without detection.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="format">The format to read it as.</param>
    /// <param name="options">Limits; null for the defaults.</param>
    /// <returns>The spectrum and what else was read.</returns>
    /// <param name="columns">Columns named by the caller instead of found by their headers; null to find them all.</param>
    /// <exception cref="DataFileException">The content is malformed or not in that format.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, the format is undefined, or the options are invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static ImpedanceData Read(string path, ImpedanceFileFormat format, DelimitedTableOptions? options = null, ImpedanceColumnChoices? columns = null) => TryRead(path, format, options, columns).Value;

    /// <summary>Reads a file, detecting its format, returning the problem instead of throwing when the content is malformed.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Limits; null for the defaults.</param>
    /// <returns>The data, or the first problem found.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the options are invalid.</exception>
    /// <param name="columns">Columns named by the caller instead of found by their headers; null to find them all.</param>
    /// <exception cref="IOException">The file cannot be opened or read; I/O failures are not content errors.</exception>
    public static DataFileResult<ImpedanceData> TryRead(string path, DelimitedTableOptions? options = null, ImpedanceColumnChoices? columns = null) => TryReadFile(path, null, options, columns);

    /// <summary>Reads a file as the given format, returning the problem instead of throwing when the content is malformed.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="format">The format to read it as.</param>
    /// <param name="options">Limits; null for the defaults.</param>
    /// <returns>The data, or the first problem found.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, the format is undefined, or the options are invalid.</exception>
    /// <param name="columns">Columns named by the caller instead of found by their headers; null to find them all.</param>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static DataFileResult<ImpedanceData> TryRead(string path, ImpedanceFileFormat format, DelimitedTableOptions? options = null, ImpedanceColumnChoices? columns = null)
    {
        CheckFormat(format);
        return TryReadFile(path, format, options, columns);
    }

    /// <summary>Reads text (e.g. a string or an embedded resource), detecting its format.</summary>
    /// <param name="reader">The text; read to its end, not disposed.</param>
    /// <param name="sourceName">The name to use in error messages, e.g. a file name.</param>
    /// <param name="options">Limits (the size limit counts characters); null for the defaults.</param>
    /// <returns>The data, or the first problem found.</returns>
    /// <param name="columns">Columns named by the caller instead of found by their headers; null to find them all.</param>
    /// <exception cref="ArgumentException"><paramref name="sourceName"/> is empty, or the options are invalid.</exception>
    public static DataFileResult<ImpedanceData> TryRead(TextReader reader, string sourceName, DelimitedTableOptions? options = null, ImpedanceColumnChoices? columns = null) =>
        TryReadText(reader, sourceName, null, options, columns);

    /// <summary>Reads text as the given format.</summary>
    /// <param name="reader">The text; read to its end, not disposed.</param>
    /// <param name="sourceName">The name to use in error messages.</param>
    /// <param name="format">The format to read it as.</param>
    /// <param name="options">Limits (the size limit counts characters); null for the defaults.</param>
    /// <returns>The data, or the first problem found.</returns>
    /// <exception cref="ArgumentException"><paramref name="sourceName"/> is empty, the format is undefined, or the options are invalid.</exception>
    /// <param name="columns">Columns named by the caller instead of found by their headers; null to find them all.</param>
    public static DataFileResult<ImpedanceData> TryRead(TextReader reader, string sourceName, ImpedanceFileFormat format, DelimitedTableOptions? options = null, ImpedanceColumnChoices? columns = null)
    {
        CheckFormat(format);
        return TryReadText(reader, sourceName, format, options, columns);
    }

    /// <summary>The format of a file's content, or null when it is not one this reader knows (or cannot be read as text within the limits).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Limits; null for the defaults.</param>
    /// <returns>The format detected, or null.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the options are invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static ImpedanceFileFormat? DetectFormat(string path, DelimitedTableOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= DelimitedTableOptions.Default;
        options.Validate();
        if (BioLogicBinaryImpedanceReader.Detect(path))
        {
            return ImpedanceFileFormat.BioLogicBinary;
        }

        DataFileResult<ImpedanceText> text = ImpedanceText.ReadFile(path, options);
        return text.IsSuccess ? Detect(text.Value) : null;
    }

    /// <summary>The format in words, for reports.</summary>
    /// <param name="format">A format.</param>
    /// <returns>E.g. <c>BioLogic EC-Lab text (.mpt)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The format is not a defined value.</exception>
    public static string DescribeFormat(ImpedanceFileFormat format) => format switch
    {
        ImpedanceFileFormat.Gamry => "Gamry .DTA (ZCURVE table)",
        ImpedanceFileFormat.BioLogic => "BioLogic EC-Lab text (.mpt)",
        ImpedanceFileFormat.ZPlot => "ZPlot .z (ZPLOT2 ASCII, with comments)",
        ImpedanceFileFormat.ZPlotWindows => "ZView/ZPlot for Windows text (a \"Z60W\" or \"ZPlotW\" data file, as Autolab and other FRA software export it; impedance.py's \"Autolab\")",
        ImpedanceFileFormat.VersaStudio => "VersaStudio .par",
        ImpedanceFileFormat.CHInstruments => "CH Instruments text",
        ImpedanceFileFormat.Parstat => "Parstat text (DC and AC records)",
        ImpedanceFileFormat.PowerSuite => "PowerSuite text (Frequency, Zre, Zimg)",
        ImpedanceFileFormat.HeaderlessCsv => "delimited table without header (f, Z′, Z″)",
        ImpedanceFileFormat.DelimitedTable => "delimited table with header",
        ImpedanceFileFormat.MaccorEis => "Maccor AC impedance export",
        ImpedanceFileFormat.BioLogicBinary => "BioLogic EC-Lab binary (.mpr)",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"{format} is not an ImpedanceFileFormat."),
    };

    private static DataFileResult<ImpedanceData> TryReadFile(string path, ImpedanceFileFormat? format, DelimitedTableOptions? options, ImpedanceColumnChoices? columns)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= DelimitedTableOptions.Default;
        options.Validate();
        if (format == ImpedanceFileFormat.BioLogicBinary || (format is null && BioLogicBinaryImpedanceReader.Detect(path)))
        {
            return BioLogicBinaryImpedanceReader.Read(path, options, columns);
        }

        DataFileResult<ImpedanceText> text = ImpedanceText.ReadFile(path, options);
        return text.IsSuccess ? Parse(text.Value, format, columns) : DataFileResult.Failure<ImpedanceData>(text.Error);
    }

    private static DataFileResult<ImpedanceData> TryReadText(TextReader reader, string sourceName, ImpedanceFileFormat? format, DelimitedTableOptions? options, ImpedanceColumnChoices? columns)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        options ??= DelimitedTableOptions.Default;
        options.Validate();
        DataFileResult<ImpedanceText> text = ImpedanceText.Read(reader, sourceName, options);
        return text.IsSuccess ? Parse(text.Value, format, columns) : DataFileResult.Failure<ImpedanceData>(text.Error);
    }

    private static DataFileResult<ImpedanceData> Parse(ImpedanceText text, ImpedanceFileFormat? format, ImpedanceColumnChoices? columns)
    {
        text.Columns = columns;
        ImpedanceFileFormat? chosen = format ?? Detect(text);
        return chosen is null ? Unrecognised(text) : ParseAs(text, chosen.Value);
    }

    /// <summary>
    /// The error for content no format recognises: every reader is tried, and the one that got furthest into the file
    /// (the latest line of its error) is named as the most likely format, with its precise reason.
    /// </summary>
    private static DataFileResult<ImpedanceData> Unrecognised(ImpedanceText text)
    {
        ImpedanceFileFormat? best = null;
        DataFileResult<ImpedanceData>? bestResult = null;
        foreach (ImpedanceFileFormat candidate in Enum.GetValues<ImpedanceFileFormat>())
        {
            DataFileResult<ImpedanceData> attempt = ParseAs(text, candidate);
            int reached = attempt.IsSuccess ? int.MaxValue : attempt.Error.LineNumber;
            if (bestResult is null || reached > (bestResult.IsSuccess ? int.MaxValue : bestResult.Error.LineNumber))
            {
                best = candidate;
                bestResult = attempt;
            }
        }

        if (bestResult is { IsSuccess: false } && TableReader.HasHeaderRow(text))
        {
            DataFileResult<ImpedanceData> table = ParseAs(text, ImpedanceFileFormat.DelimitedTable);
            if (!table.IsSuccess && table.Error.LineNumber >= bestResult.Error.LineNumber)
            {
                return text.Fail<ImpedanceData>(table.Error.LineNumber, $"not recognised as an instrument's impedance file, and read as a table with a header row: {table.Error.Problem}");
            }
        }

        string known = "a Gamry .DTA, BioLogic EC-Lab .mpt or .mpr, ZPlot .z, ZPlot for Windows text, VersaStudio .par, CH Instruments, Parstat, PowerSuite or Maccor export, "
            + "or a delimited table of f, Z′ and Z″ (with a header naming them, or three numeric columns)";
        if (best is not { } likely || bestResult is null || (!bestResult.IsSuccess && bestResult.Error.LineNumber <= 1))
        {
            return text.Fail<ImpedanceData>(1, $"not an impedance file format this reader knows; expected {known}");
        }

        return bestResult.IsSuccess
            ? text.Fail<ImpedanceData>(1, $"the content was not recognised from its first lines, but it reads as {DescribeFormat(likely)}: name that format explicitly to read it (the command line's --format)")
            : text.Fail<ImpedanceData>(bestResult.Error.LineNumber,
                $"not recognised as an impedance file; it is closest to {DescribeFormat(likely)}, whose reader stops here: {bestResult.Error.Problem}");
    }

    private static DataFileResult<ImpedanceData> ParseAs(ImpedanceText text, ImpedanceFileFormat format)
    {
        return format switch
        {
            ImpedanceFileFormat.Gamry => GamryReader.Read(text),
            ImpedanceFileFormat.BioLogic => BioLogicReader.Read(text),
            ImpedanceFileFormat.ZPlot => ZPlotReader.Read(text),
            ImpedanceFileFormat.ZPlotWindows => ZPlotWindowsReader.Read(text),
            ImpedanceFileFormat.VersaStudio => VersaStudioReader.Read(text),
            ImpedanceFileFormat.CHInstruments => CHInstrumentsReader.Read(text),
            ImpedanceFileFormat.Parstat => TableReader.ReadParstat(text),
            ImpedanceFileFormat.PowerSuite => TableReader.ReadHeaded(text, ImpedanceFileFormat.PowerSuite),
            ImpedanceFileFormat.HeaderlessCsv => TableReader.ReadHeaderless(text),
            ImpedanceFileFormat.DelimitedTable => TableReader.ReadHeaded(text, ImpedanceFileFormat.DelimitedTable),
            ImpedanceFileFormat.MaccorEis => MaccorEisReader.Read(text),
            ImpedanceFileFormat.BioLogicBinary => text.Fail<ImpedanceData>(1, "an EC-Lab binary file (.mpr) is read from its path, not from text"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"{format} is not an ImpedanceFileFormat."),
        };
    }

    private static ImpedanceFileFormat? Detect(ImpedanceText text) =>
        GamryReader.Detect(text) ? ImpedanceFileFormat.Gamry
        : BioLogicReader.Detect(text) ? ImpedanceFileFormat.BioLogic
        : ZPlotReader.Detect(text) ? ImpedanceFileFormat.ZPlot
        : ZPlotWindowsReader.Detect(text) ? ImpedanceFileFormat.ZPlotWindows
        : VersaStudioReader.Detect(text) ? ImpedanceFileFormat.VersaStudio
        : CHInstrumentsReader.Detect(text) ? ImpedanceFileFormat.CHInstruments
        : MaccorEisReader.Detect(text) ? ImpedanceFileFormat.MaccorEis
        : TableReader.Detect(text);

    private static void CheckFormat(ImpedanceFileFormat format)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, $"{format} is not an ImpedanceFileFormat.");
        }
    }
}
