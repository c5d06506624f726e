using System.Collections.Immutable;

namespace Electrochem.Cycling;

/// <summary>
/// What a cycler file says about its test besides the data. Every item is optional and absent unless the file
/// states it: an active mass or a nominal capacity is never defaulted. <see cref="HeaderEntries"/> keeps every
/// key/value the file's header held, as written. Immutable.
/// </summary>
public sealed record RecordingMetadata
{
    /// <summary>Nothing known.</summary>
    public static RecordingMetadata Empty { get; } = new();

    /// <summary>The instrument or cycler model (e.g. <c>BCS-815</c>, <c>Maccor</c>, <c>SBT0550</c>).</summary>
    public string? Instrument { get; init; }

    /// <summary>The channel as the file names it (e.g. <c>70</c>, <c>CH01</c>).</summary>
    public string? Channel { get; init; }

    /// <summary>The test or cell name.</summary>
    public string? TestName { get; init; }

    /// <summary>The technique(s) as the file names them (e.g. <c>Galvanostatic Cycling with Potential Limitation</c>).</summary>
    public string? Technique { get; init; }

    /// <summary>The schedule or protocol file name.</summary>
    public string? ScheduleName { get; init; }

    /// <summary>The procedure name (Maccor procedures, Novonix protocols).</summary>
    public string? ProcedureName { get; init; }

    /// <summary>The active material mass in grams, when the file states it; null otherwise (never defaulted).</summary>
    public double? ActiveMassGrams { get; init; }

    /// <summary>The nominal (rated) capacity in ampere-hours, when the file states it; null otherwise (never defaulted).</summary>
    public double? NominalCapacityAmpereHours { get; init; }

    /// <summary>When the test started, as written; null when the file does not say.</summary>
    public RecordingStartTime? StartTime { get; init; }

    /// <summary>The software that wrote the file and its version, when stated (e.g. <c>EC-Lab 11.50</c>).</summary>
    public string? Software { get; init; }

    /// <summary>Every key/value pair of the file's header, as written (keys in file order; a repeated key keeps its first value).</summary>
    public ImmutableArray<KeyValuePair<string, string>> HeaderEntries { get; init; } = [];
}
