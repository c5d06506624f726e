namespace Electrochem.IO.Cycling;

/// <summary>One format: how to recognise it from the first lines (or bytes), and how to read it.</summary>
internal interface ICyclerFormatReader
{
    /// <summary>The format this reader reads.</summary>
    CyclerFileFormat Format { get; }

    /// <summary>The format in words, for recordings and messages (e.g. <c>Arbin CSV export</c>).</summary>
    string Description { get; }

    /// <summary>True when the first lines are this format's (content only, never the file name).</summary>
    bool Matches(CyclerSource source);

    /// <summary>Reads the file.</summary>
    DataFileResult<Electrochem.Cycling.CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken);
}
