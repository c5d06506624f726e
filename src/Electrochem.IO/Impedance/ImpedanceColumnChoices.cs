using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// The columns of an impedance table named by the caller, for headers the reader does not recognise
/// (e.g. <c>new ImpedanceColumnChoices { Frequency = new("Frequenz", "kHz"), Real = new("R", "Ohm"), Imaginary = new("X", "Ohm"), ImaginaryIsNegated = true }</c>).
/// A role left null is found by its header as usual. Applies to tables with a header row (delimited tables, and the
/// column headers of instrument exports); a table without a header is always f, Z′, Z″.
/// </summary>
public sealed record ImpedanceColumnChoices
{
    /// <summary>The frequency column, and its unit (Hz, kHz, MHz, mHz, or rad/s for ω) when its header does not give one; null to find it by its header.</summary>
    public ColumnChoice? Frequency { get; init; }

    /// <summary>The Z′ column, and its unit (Ω, mΩ, kΩ, MΩ) when its header does not give one; null to find it by its header.</summary>
    public ColumnChoice? Real { get; init; }

    /// <summary>The Z″ column, and its unit when its header does not give one; null to find it by its header.</summary>
    public ColumnChoice? Imaginary { get; init; }

    /// <summary>True when the named <see cref="Imaginary"/> column holds −Z″ (as EC-Lab's <c>-Im(Z)</c> does): it is negated on reading. A header written with a leading minus is negated either way.</summary>
    public bool ImaginaryIsNegated { get; init; }
}
