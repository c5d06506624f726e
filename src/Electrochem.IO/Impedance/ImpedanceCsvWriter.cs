using Electrochem.Impedance;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// Writes a spectrum as a delimited table that <see cref="ImpedanceFile"/> reads back exactly: the header
/// <c>f (Hz),Re(Z) (Ohm),Im(Z) (Ohm)</c>, then one row per point in shortest round-trip form (via
/// <see cref="DelimitedTableWriter"/>). Z″ keeps the physical sign (capacitive Z″ &lt; 0).
/// </summary>
public static class ImpedanceCsvWriter
{
    /// <summary>Header of the frequency column.</summary>
    public const string FrequencyHeader = "f (Hz)";

    /// <summary>Header of the real-part column.</summary>
    public const string RealHeader = "Re(Z) (Ohm)";

    /// <summary>Header of the imaginary-part column.</summary>
    public const string ImaginaryHeader = "Im(Z) (Ohm)";

    /// <summary>Writes the spectrum.</summary>
    /// <param name="writer">Destination; not disposed. Lines end with \n.</param>
    /// <param name="spectrum">The spectrum, written in its order.</param>
    /// <param name="delimiter">',', ';' or '\t'.</param>
    /// <param name="decimalSeparator">'.' or ','; ',' is not allowed with the ',' delimiter.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The separators are invalid.</exception>
    public static void Write(TextWriter writer, ImpedanceSpectrum spectrum, char delimiter = ',', char decimalSeparator = '.')
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(spectrum);
        DelimitedTableWriter.Write(
            writer,
            [
                new TableColumn(ColumnHeader.Parse(FrequencyHeader), [.. spectrum.Frequency]),
                new TableColumn(ColumnHeader.Parse(RealHeader), [.. spectrum.Real]),
                new TableColumn(ColumnHeader.Parse(ImaginaryHeader), [.. spectrum.Imaginary]),
            ],
            delimiter,
            decimalSeparator);
    }
}
