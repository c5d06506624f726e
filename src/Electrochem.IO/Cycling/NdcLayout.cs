namespace Electrochem.IO.Cycling;

/// <summary>
/// The layout of one kind of Neware <c>.ndc</c> record file of one version, as learned from the public descriptions of
/// the format and checked against a BTS 8 file: a 4096-byte file header (byte 0 the file type, byte 2 the version),
/// then 4096-byte pages, each a 2-byte page type, a 2-byte record count, a validity bitmap, and fixed-size records from
/// byte 132 on. Only layouts checked against a real file are listed; any other version or file type is refused.
/// </summary>
/// <param name="FileType">Byte 0 of the file header: 1 main data, 5 auxiliary channel, 7 steps, 18 run information.</param>
/// <param name="Version">Byte 2 of the file header.</param>
/// <param name="PageType">The type every data page of such a file carries in its first two bytes.</param>
/// <param name="RecordSize">The bytes of one record.</param>
/// <param name="Trailer">The bytes after the last record slot of a page.</param>
internal sealed record NdcLayout(int FileType, int Version, int PageType, int RecordSize, int Trailer)
{
    internal const int HeaderBytes = 4096;
    internal const int PageBytes = 4096;
    internal const int RecordsStart = 132;

    internal const int MainData = 1;
    internal const int Auxiliary = 5;
    internal const int Steps = 7;
    internal const int RunInfo = 18;

    /// <summary>The versions read (BTS 8.0: version 17).</summary>
    internal static readonly NdcLayout[] Known =
    [
        new(MainData, 17, 2, 8, 4),      // voltage (V, float32), current (A, float32)
        new(Auxiliary, 17, 6, 4, 4),     // one float32 per main-data record
        new(Steps, 17, 8, 100, 64),      // cycle, step ID, step type, start time, first record index
        new(RunInfo, 17, 19, 100, 64),   // step time, capacities, energies, clock, step, record index
    ];

    /// <summary>The record slots of one page.</summary>
    internal int Capacity => (PageBytes - RecordsStart - Trailer) / RecordSize;

    /// <summary>The versions read, in words, for messages.</summary>
    internal static string Versions => string.Join(", ", Known.Select(k => k.Version).Distinct());

    /// <summary>The layout of a file type and version, or null when it is not one this reader knows.</summary>
    internal static NdcLayout? Find(int fileType, int version) => Array.Find(Known, k => k.FileType == fileType && k.Version == version);

    /// <summary>The kind of file in words, for messages.</summary>
    internal static string Describe(int fileType) => fileType switch
    {
        MainData => "main data",
        Auxiliary => "auxiliary channel",
        Steps => "step",
        RunInfo => "run information",
        _ => $"type {fileType}",
    };
}
