using System.Collections.Immutable;

namespace Electrochem.Cycling;

/// <summary>A GITT titration as <see cref="GittAnalysis.Analyse"/> found it: every pulse in time order, the threshold used to tell rest from current, and what was noticed.</summary>
/// <param name="SourceName">The recording analysed.</param>
/// <param name="Pulses">Every pulse, charge and discharge, in time order.</param>
/// <param name="RestCurrentAmperes">|I| at or below this was taken as rest (A).</param>
/// <param name="Warnings">What the analysis noticed about the recording as a whole.</param>
/// <param name="Options">The options used.</param>
public sealed record GittTitration(string SourceName, ImmutableArray<GittPulse> Pulses, double RestCurrentAmperes, ImmutableArray<string> Warnings, GittOptions Options)
{
    /// <summary>The charge pulses, in time order.</summary>
    public ImmutableArray<GittPulse> ChargePulses => [.. Pulses.Where(p => p.Direction == PulseDirection.Charge)];

    /// <summary>The discharge pulses, in time order.</summary>
    public ImmutableArray<GittPulse> DischargePulses => [.. Pulses.Where(p => p.Direction == PulseDirection.Discharge)];
}
