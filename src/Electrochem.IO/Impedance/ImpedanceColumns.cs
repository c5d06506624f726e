using System.Collections.Immutable;

namespace Electrochem.IO.Impedance;

/// <summary>The three columns a spectrum was read from, and the conversions applied to them (internal: surfaced through <see cref="ImpedanceData"/>).</summary>
internal sealed record ImpedanceColumns(string Frequency, string Real, string Imaginary, ImmutableArray<string> Conversions);
