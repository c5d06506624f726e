using System.Collections.Immutable;
using Electrochem.Impedance;

namespace Electrochem.IO.Impedance;

/// <summary>
/// One frequency sweep of an impedance file. A file may hold several (BioLogic loops, Modulo Bat sequences, repeated
/// sweeps in one table); the reader splits them where the file's loop or cycle column changes and where the frequency
/// restarts (jumps back toward the sweep's first frequency), so each sweep is one spectrum to fit.
/// </summary>
/// <param name="Index">1-based position of the sweep in the file.</param>
/// <param name="Spectrum">The sweep's points: f in Hz, Z′ and Z″ in Ω (capacitive Z″ &lt; 0), in file order.</param>
/// <param name="LineNumbers">The 1-based line of each point.</param>
/// <param name="StartTime">The file's time at the sweep's first point, in seconds, or null when the file has no time column with a unit.</param>
/// <param name="DcPotential">The mean DC potential over the sweep, in volts (e.g. EC-Lab's <c>&lt;Ewe&gt;/V</c>, Gamry's <c>Vdc</c>), or null when the file has none.</param>
/// <param name="DcCurrent">The mean DC current over the sweep, in amperes (e.g. <c>&lt;I&gt;/mA</c>, Gamry's <c>Idc</c>), or null when the file has none.</param>
/// <param name="Cycle">The value of the file's loop or cycle column for this sweep (e.g. EC-Lab's <c>cycle number</c>), or null when the file has none.</param>
public sealed record ImpedanceSweep(
    int Index,
    ImpedanceSpectrum Spectrum,
    ImmutableArray<int> LineNumbers,
    double? StartTime,
    double? DcPotential,
    double? DcCurrent,
    double? Cycle);
