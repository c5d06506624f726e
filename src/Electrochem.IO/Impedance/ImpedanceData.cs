using System.Collections.Immutable;
using Electrochem.Impedance;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// What was read from an impedance file: the spectrum and everything needed to trust it — the format detected, the
/// columns used and how their values were converted, the header's settings (date, instrument, AC amplitude, DC
/// potential when written), every other data column, every row that is not in the spectrum and why, and warnings
/// about the file. Immutable.
/// </summary>
public sealed class ImpedanceData
{
    internal ImpedanceData(
        string sourceName,
        ImpedanceFileFormat format,
        ImpedanceSpectrum spectrum,
        ImmutableArray<int> lineNumbers,
        ImpedanceColumns columns,
        ImmutableArray<TableColumn> otherColumns,
        ImmutableArray<DroppedPoint> droppedPoints,
        ImpedanceFileHeader header,
        ImmutableArray<ImpedanceSweep> sweeps)
    {
        SourceName = sourceName;
        Format = format;
        Spectrum = spectrum;
        LineNumbers = lineNumbers;
        FrequencyColumn = columns.Frequency;
        RealColumn = columns.Real;
        ImaginaryColumn = columns.Imaginary;
        Conversions = columns.Conversions;
        OtherColumns = otherColumns;
        DroppedPoints = droppedPoints;
        Settings = header.Settings.ToImmutable();
        Instrument = header.Instrument;
        MeasurementDate = header.MeasurementDate;
        AcAmplitude = header.AcAmplitude;
        DcPotential = header.DcPotential;
        Warnings = header.Warnings;
        Sweeps = sweeps;
    }

    /// <summary>The file path as the caller gave it, or the source name given with a text reader.</summary>
    public string SourceName { get; }

    /// <summary>The format, detected from the content or given by the caller.</summary>
    public ImpedanceFileFormat Format { get; }

    /// <summary>The format in words, e.g. <c>Gamry .DTA (ZCURVE table)</c>.</summary>
    public string FormatName => ImpedanceFile.DescribeFormat(Format);

    /// <summary>
    /// Every point of the file: f in Hz, Z′ and Z″ in Ω with the physical sign (capacitive Z″ &lt; 0), in file order.
    /// When the file holds several sweeps this joins them (and <see cref="Warnings"/> says so): fit each of
    /// <see cref="Sweeps"/> instead.
    /// </summary>
    public ImpedanceSpectrum Spectrum { get; }

    /// <summary>
    /// The file's frequency sweeps, in file order, at least one: split where a loop or cycle column changes and where the
    /// frequency restarts. A file with one sweep has one whose spectrum is <see cref="Spectrum"/>.
    /// </summary>
    public ImmutableArray<ImpedanceSweep> Sweeps { get; }

    /// <summary>The 1-based line of each point of <see cref="Spectrum"/>, in order.</summary>
    public ImmutableArray<int> LineNumbers { get; }

    /// <summary>The header of the column the frequencies came from, as written (e.g. <c>freq/Hz</c>, <c>Freq</c>).</summary>
    public string FrequencyColumn { get; }

    /// <summary>The header of the column Z′ came from, as written.</summary>
    public string RealColumn { get; }

    /// <summary>The header of the column Z″ came from, as written (e.g. <c>-Im(Z)/Ohm</c>, negated).</summary>
    public string ImaginaryColumn { get; }

    /// <summary>
    /// Every conversion applied to reach Hz and Ω with the physical sign, and every unit assumed because the file does
    /// not write one, in words (e.g. <c>Z″ = −(-Im(Z)/Ohm): EC-Lab writes −Im(Z)</c>). Empty when the values were used as written.
    /// </summary>
    public ImmutableArray<string> Conversions { get; }

    /// <summary>Every other named data column, in file order, with one value per point of <see cref="Spectrum"/> (dropped rows excluded).</summary>
    public ImmutableArray<TableColumn> OtherColumns { get; }

    /// <summary>Data rows that are not in the spectrum, each with its line and reason (e.g. frequency 0 in a DC record).</summary>
    public ImmutableArray<DroppedPoint> DroppedPoints { get; }

    /// <summary>Every setting of the file's header, in file order, as written.</summary>
    public ImmutableArray<ImpedanceSetting> Settings { get; }

    /// <summary>The instrument as the file names it (e.g. <c>SP-150 (SN 10791079)</c>, <c>REF3000-34128</c>), or null when it does not.</summary>
    public string? Instrument { get; }

    /// <summary>
    /// When the measurement was made, as written (e.g. <c>4/23/2018 16:43:15</c>), or null. Kept as text: instruments
    /// write dates in the operator's locale (day and month order cannot be told apart in general).
    /// </summary>
    public string? MeasurementDate { get; }

    /// <summary>The AC perturbation amplitude setting (voltage or current, unit as named in the setting), or null when the file has none.</summary>
    public ImpedanceSetting? AcAmplitude { get; }

    /// <summary>The DC potential (or DC current) setting, or null when the file has none.</summary>
    public ImpedanceSetting? DcPotential { get; }

    /// <summary>Things the reader noticed and kept going: an aborted run, fewer points than the header announces.</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>The other column with that header text or quantity name (ignoring case), or null.</summary>
    /// <param name="name">A header text such as <c>Idc</c> or <c>cycle number</c>.</param>
    /// <returns>The column, or null when there is none.</returns>
    public TableColumn? FindColumn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (TableColumn column in OtherColumns)
        {
            if (string.Equals(column.Header.Text, name, StringComparison.OrdinalIgnoreCase) || string.Equals(column.Header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return column;
            }
        }

        return null;
    }
}
