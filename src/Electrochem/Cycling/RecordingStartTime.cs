namespace Electrochem.Cycling;

/// <summary>
/// When a recording started, as the file states it. Instruments write local wall-clock time, usually without the
/// offset from UTC; it is kept exactly as written, never shifted to UTC or to this machine's zone.
/// <see cref="UtcOffset"/> is set only when the file gives it (an ISO 8601 offset, a Unix time stamp, a time-zone
/// field). Immutable.
/// </summary>
/// <param name="ClockTime">The start time as written (its <see cref="DateTime.Kind"/> is <see cref="DateTimeKind.Unspecified"/>).</param>
/// <param name="UtcOffset">The offset of <paramref name="ClockTime"/> from UTC when the file states it; null when unknown.</param>
/// <param name="Source">Where it was read, e.g. <c>header 'Acquisition started on'</c> or <c>first 'DateTime' value</c>.</param>
public sealed record RecordingStartTime(DateTime ClockTime, TimeSpan? UtcOffset, string Source)
{
    /// <summary>The start as an absolute instant, when the offset is known.</summary>
    public DateTimeOffset? Instant => UtcOffset is { } offset ? new DateTimeOffset(DateTime.SpecifyKind(ClockTime, DateTimeKind.Unspecified), offset) : null;

    /// <summary>ISO 8601: with the offset when known (<c>2019-02-22T16:21:35+01:00</c>), without it otherwise (local, zone unknown).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Instant is { } instant
        ? instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture)
        : ClockTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}
