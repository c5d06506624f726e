namespace Electrochem.IO.Impedance;

/// <summary>
/// The impedance file formats <see cref="ImpedanceFile"/> reads. Each is detected from the file's content, never
/// from its extension; see <c>docs/impedance-files.md</c> for the layout, detection rule and quirks of each.
/// </summary>
public enum ImpedanceFileFormat
{
    /// <summary>Gamry Framework <c>.DTA</c>: first line <c>EXPLAIN</c>, settings as <c>KEY\tTYPE\tVALUE</c>, the spectrum in the <c>ZCURVE</c> table.</summary>
    Gamry,

    /// <summary>BioLogic EC-Lab text export <c>.mpt</c>: first line <c>EC-Lab ASCII FILE</c>, then <c>Nb header lines : N</c>; columns found by name (<c>freq/Hz</c>, <c>Re(Z)/Ohm</c>, <c>-Im(Z)/Ohm</c>).</summary>
    BioLogic,

    /// <summary>Scribner ZPlot <c>.z</c> with a settings header: first line <c>ZPLOT2 ASCII</c>, data after <c>End Comments</c>.</summary>
    ZPlot,

    /// <summary>
    /// Scribner ZPlot/ZView for Windows text: first line a quoted <c>"… Data File: Version …"</c> (<c>Z60W</c>,
    /// <c>ZPlotW</c>), a quoted column header, comma-separated data. impedance.py's "Autolab" example and its ZPlot file
    /// "without comments" are both this format.
    /// </summary>
    ZPlotWindows,

    /// <summary>Princeton Applied Research VersaStudio <c>.par</c>: <c>&lt;Application&gt;</c> sections; data in <c>&lt;SegmentN&gt;</c> under a <c>Definition=</c> line.</summary>
    VersaStudio,

    /// <summary>CH Instruments text export: settings, then the header <c>Freq/Hz, Z'/ohm, Z"/ohm, …</c> and comma-separated data.</summary>
    CHInstruments,

    /// <summary>Princeton Applied Research Parstat text export of DC and AC records: a tab-separated table with <c>Potential (V)</c>, <c>Frequency (Hz)</c>, <c>Zre (ohms)</c>, <c>Zim (ohms)</c>; DC records have frequency 0.</summary>
    Parstat,

    /// <summary>PowerSuite text export: the tab-separated header <c>Frequency, Zre, Zimg</c>.</summary>
    PowerSuite,

    /// <summary>A delimited table without a header: three numeric columns f (Hz), Z′ (Ω), Z″ (Ω), as impedance.py's <c>readCSV</c>/<c>saveCSV</c>.</summary>
    HeaderlessCsv,

    /// <summary>
    /// A delimited table with a header row (read by <see cref="Tables.DelimitedTable"/>): comma, semicolon or tab,
    /// with frequency, real and imaginary columns found by name and unit.
    /// </summary>
    DelimitedTable,

    /// <summary>Maccor AC-impedance export (<c>MACCOR, INC.    AC Impedance Test</c>, <c>Freq(Hz) … Z'(a) Z''(b) …</c>).</summary>
    MaccorEis,

    /// <summary>
    /// BioLogic EC-Lab binary <c>.mpr</c> (first bytes <c>BIO-LOGIC MODULAR FILE</c>), read natively from a file path: its
    /// columns named as the <c>.mpt</c> export names them, then read as <see cref="BioLogic"/> is.
    /// </summary>
    BioLogicBinary,
}
