namespace Electrochem.IO.Impedance;

/// <summary>One setting from an impedance file's header, as written (values are text: units and locales vary by instrument).</summary>
/// <param name="Name">The setting's name as the file writes it, e.g. <c>Va (mV)</c>, <c>VAC: AC Voltage (mV rms)</c>, <c>Action1/Amplitude (mV RMS)</c>.</param>
/// <param name="Value">The value as written, trimmed (several fields are joined by a space).</param>
/// <param name="LineNumber">The 1-based line the setting is on.</param>
public sealed record ImpedanceSetting(string Name, string Value, int LineNumber)
{
    /// <summary>The setting as <c>Name = Value</c>.</summary>
    /// <returns>Text for people.</returns>
    public override string ToString() => $"{Name} = {Value}";
}
