using System.Globalization;
using Electrochem.Impedance;
using Electrochem.IO.Impedance;

namespace Electrochem.Cli.Impedance;

/// <summary>One spectrum an <c>eis</c> command analyses: a sweep of a file, cropped to the frequency range asked for.</summary>
/// <param name="Data">What was read from the file.</param>
/// <param name="Sweep">The sweep.</param>
/// <param name="Spectrum">The sweep's points within <c>--fmin</c>/<c>--fmax</c> (the whole sweep when neither is given).</param>
internal sealed record SelectedSpectrum(ImpedanceData Data, ImpedanceSweep Sweep, ImpedanceSpectrum Spectrum)
{
    /// <summary>The file, and <c>#N</c> when the file holds several sweeps.</summary>
    internal string Label => Data.Sweeps.Length > 1 ? string.Create(CultureInfo.InvariantCulture, $"{Data.SourceName} #{Sweep.Index}") : Data.SourceName;

    /// <summary>Points of the sweep outside the frequency range asked for.</summary>
    internal int CroppedCount => Sweep.Spectrum.Count - Spectrum.Count;
}
