using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Reads a cycler's file into a <see cref="CyclerRecording"/>, detecting the format from the content (never from
/// the file name): BioLogic EC-Lab binary (<c>.mpr</c>), Arbin .res databases (Jet 4, read natively), Neware .ndax archives (read natively), HDF5 files holding pandas frames (cellpy's Arbin SQL exports, Indigo), Arbin CSV, BioLogic EC-Lab/BT-Lab text, Maccor text, Neware CSV, PEC CSV, Novonix CSV, Battery Data
/// Format CSV, or any delimited table whose columns are recognised by name and unit or named in a
/// <see cref="CyclerColumnMap"/>. Units are converted to the recording's (s, A, V, Ah, Wh, K) and current is signed
/// positive on charge; every other column is kept. A malformed file is a <see cref="DataFileError"/> naming the file,
/// line and column; nothing is dropped silently. Memory grows with the data, not with what a header claims; a line
/// longer than <see cref="CyclerReadOptions.MaximumLineLength"/> is refused before it is buffered. Thread-safe.
/// </summary>
/// <example><code>
/// CyclerRecording r = CyclerFile.Read("cell01.csv");
/// ReadOnlySpan&lt;double&gt; volts = r.Voltage.Values;
/// DataFileResult&lt;CyclerRecording&gt; maybe = CyclerFile.TryRead("odd.txt", CyclerReadOptions.Default with { TimeOrder = RecordingTimeOrder.Sort });
/// </code></example>
public static class CyclerFile
{
    // Most specific first: the generic reader accepts anything with time, current and voltage columns.
    private static readonly ICyclerFormatReader[] Readers =
    [
        new BioLogicBinaryReader(),
        new ArbinResReader(),
        new NewareNdaxReader(),
        new Hdf5CyclerReader(),
        new ArbinCsvReader(),
        new MaccorTextReader(),
        new BioLogicTextReader(),
        new NovonixCsvReader(),
        new NewareCsvReader(),
        new PecCsvReader(),
        new BatteryDataFormatReader(),
        new DelimitedCyclerReader(),
    ];

    /// <summary>Reads a file.</summary>
    /// <param name="path">The file's path; it appears in messages as given.</param>
    /// <param name="options">Format, column map, time order, limits; null for <see cref="CyclerReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    /// <returns>The recording.</returns>
    /// <exception cref="DataFileException">The content is malformed; the message is <c>file:line: problem</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or the options are invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static CyclerRecording Read(string path, CyclerReadOptions? options = null, CancellationToken cancellationToken = default) =>
        TryRead(path, options, cancellationToken).Value;

    /// <summary>Reads a file, returning the problem instead of throwing when the content is malformed.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Format, column map, time order, limits; null for the defaults.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    /// <returns>The recording, or the first problem found.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or the options are invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static DataFileResult<CyclerRecording> TryRead(string path, CyclerReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return TryRead(CyclerSource.Create(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), path), options, cancellationToken);
    }

    /// <summary>Reads from a seekable stream (e.g. a file or a <see cref="MemoryStream"/>); the stream is read from its start and not disposed.</summary>
    /// <param name="stream">The data; must be seekable, because the header is read before the data.</param>
    /// <param name="sourceName">The name to use in messages.</param>
    /// <param name="options">Format, column map, time order, limits; null for the defaults.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    /// <returns>The recording, or the first problem found.</returns>
    /// <exception cref="ArgumentException">The stream is not seekable, the name is empty, or the options are invalid.</exception>
    public static DataFileResult<CyclerRecording> TryRead(Stream stream, string sourceName, CyclerReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable and seekable; copy it into a MemoryStream or a file first.", nameof(stream));
        }

        long origin = stream.Position;
        return TryRead(CyclerSource.Create(sourceName, () => { stream.Position = origin; return new NonClosingStream(stream, origin); }, knownLength: stream.Length - origin), options, cancellationToken);
    }

    /// <summary>The format of a file as detection sees it, without reading the data.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The detected format, or <see cref="CyclerFileFormat.Auto"/> when no reader recognises it.</returns>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static CyclerFileFormat Detect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CyclerSource source = CyclerSource.Create(path, () => File.OpenRead(path));
        return Array.Find(Readers, r => r.Matches(source))?.Format ?? CyclerFileFormat.Auto;
    }

    /// <summary>A one-line description of a format, e.g. <c>Arbin CSV export</c>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The description.</returns>
    public static string Describe(CyclerFileFormat format) =>
        format == CyclerFileFormat.Auto ? "detected from the content" : Array.Find(Readers, r => r.Format == format)?.Description ?? format.ToString();

    private static DataFileResult<CyclerRecording> TryRead(CyclerSource source, CyclerReadOptions? options, CancellationToken cancellationToken)
    {
        options ??= CyclerReadOptions.Default;
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        if (source.LooksBinary && !source.IsBioLogicBinary && !source.IsHdf5 && options.Format is not (CyclerFileFormat.BioLogicBinary or CyclerFileFormat.ArbinRes or CyclerFileFormat.NewareNdax or CyclerFileFormat.Hdf5) && !ArbinResReader.IsDatabase(source) && !NewareNdaxReader.IsNdax(source))
        {
            return RecordingAssembler.Fail(source.Name, 1, "this looks like a binary file (it holds NUL bytes), not a text export; of the binary cycler files BioLogic's .mpr, Arbin's .res, Neware's .ndax (BTS 8) and HDF5 files holding pandas frames are read — export the data as text from the instrument's software");
        }

        if (options.Format != CyclerFileFormat.Auto)
        {
            ICyclerFormatReader? named = Array.Find(Readers, r => r.Format == options.Format);
            return named is null
                ? RecordingAssembler.Fail(source.Name, 1, $"the {options.Format} format is not read by this version")
                : named.Read(source, options, cancellationToken);
        }

        ICyclerFormatReader? reader = Array.Find(Readers, r => r.Matches(source));
        if (reader is null)
        {
            // Nothing matched on its own: the generic reader (with the caller's column map, if any) explains why.
            return new DelimitedCyclerReader().Read(source, options, cancellationToken);
        }

        return reader.Read(source, options, cancellationToken);
    }

    /// <summary>Wraps a caller's stream so the readers' disposal does not close it; positions are relative to where the caller's data start.</summary>
    private sealed class NonClosingStream(Stream inner, long origin) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length - origin;

        public override long Position { get => inner.Position - origin; set => inner.Position = origin + value; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override long Seek(long offset, SeekOrigin loc) => loc switch
        {
            SeekOrigin.Begin => inner.Seek(origin + offset, SeekOrigin.Begin) - origin,
            SeekOrigin.Current => inner.Seek(offset, SeekOrigin.Current) - origin,
            _ => inner.Seek(offset, SeekOrigin.End) - origin,
        };

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
