using System.Collections.Immutable;

namespace Electrochem.IO.Cycling;

/// <summary>
/// What this reader takes from an EC-Lab <c>.mpr</c> file's settings (<c>VMP Set</c>) and log (<c>VMP LOG</c>) modules;
/// each is null when the module is absent or too short to hold it.
/// </summary>
/// <param name="TechniqueId">The technique's ID (the settings module's first byte).</param>
/// <param name="Comments">The comments entered in EC-Lab.</param>
/// <param name="ElectrodeMaterial">The electrode material entered.</param>
/// <param name="Electrolyte">The electrolyte entered.</param>
/// <param name="ActiveMassMilligrams">The mass of active material, in mg, as stored (EC-Lab's default is 0.001 mg).</param>
/// <param name="BatteryCapacityMilliampereHours">The battery capacity, in mA·h, as stored (0 when none was entered).</param>
/// <param name="BatteryCapacityUnit">The unit EC-Lab shows the capacity in: 0 A·h, 1 mA·h, 2 µA·h.</param>
/// <param name="AcquisitionStart">The start of the acquisition as an OLE date (days since 1899-12-30, local clock).</param>
/// <param name="Channel">The channel, counted from 1 as EC-Lab shows it.</param>
/// <param name="SoftwareVersion">The EC-Lab version (e.g. <c>11.50</c>).</param>
/// <param name="DeviceSerial">The instrument's serial number.</param>
internal sealed record MprSettings(
    int? TechniqueId,
    string? Comments,
    string? ElectrodeMaterial,
    string? Electrolyte,
    double? ActiveMassMilligrams,
    double? BatteryCapacityMilliampereHours,
    int? BatteryCapacityUnit,
    double? AcquisitionStart,
    int? Channel,
    string? SoftwareVersion,
    string? DeviceSerial)
{
    internal static MprSettings None { get; } = new(null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>
    /// The technique's parameters as the <c>.mpt</c> header prints them (<c>Ei (V)</c>, <c>vs.</c>, <c>I Range</c>, …;
    /// keyed <c>Technique.vs.</c>, or <c>Technique[Ns 1].Is</c> per sequence for GCPL), in the form <see cref="BioLogicParameterText"/> gives; empty when
    /// the module holds none this reader can place.
    /// </summary>
    internal ImmutableArray<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>The technique's name as the <c>.mpt</c> export writes it, or null.</summary>
    internal string? Technique => TechniqueId is { } id ? MprTechniques.Name(id) : null;

    /// <summary>The acquisition start on the local clock, or null.</summary>
    internal DateTime? StartClockTime => AcquisitionStart is { } ole ? DateTime.FromOADate(ole) : null;

    /// <summary>The start as EC-Lab 11.18 and later write it in the <c>.mpt</c> header (<c>01/10/2024 11:02:29.886</c>), or null.</summary>
    internal string? StartText => StartClockTime?.ToString("MM/dd/yyyy HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
}
