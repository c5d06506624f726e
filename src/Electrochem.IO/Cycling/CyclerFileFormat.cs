namespace Electrochem.IO.Cycling;

/// <summary>The cycler file formats <see cref="CyclerFile"/> reads: text exports, BioLogic's binary <c>.mpr</c>, Arbin's <c>.res</c> databases, Neware's <c>.ndax</c> archives and HDF5 files holding pandas frames.</summary>
public enum CyclerFileFormat
{
    /// <summary>Detect the format from the file's content (never from its name).</summary>
    Auto = 0,

    /// <summary>Any delimited table whose columns are recognised by name and unit, or named by a <see cref="CyclerColumnMap"/>.</summary>
    Delimited,

    /// <summary>Arbin CSV exports (<c>Data_Point,Test_Time,…,Current,Voltage,Charge_Capacity,…</c>, including the Channel_Normal_Table of a .res exported as CSV).</summary>
    ArbinCsv,

    /// <summary>BioLogic EC-Lab / BT-Lab text exports (<c>.mpt</c>, and BT-Lab's <c>;</c>-separated <c>.csv</c>).</summary>
    BioLogicText,

    /// <summary>Maccor text exports (tab-separated; one metadata line, or a key/value header).</summary>
    MaccorText,

    /// <summary>Neware BTS CSV exports.</summary>
    NewareCsv,

    /// <summary>PEC (SBT) CSV exports, in mV/mA/mAh/mWh.</summary>
    PecCsv,

    /// <summary>Novonix HPC CSV exports (<c>[Summary]</c> and <c>[Protocol]</c> blocks, time in hours).</summary>
    NovonixCsv,

    /// <summary>Battery Data Format CSV (<c>Test Time / h</c>, <c>Current / A</c>, …).</summary>
    BatteryDataFormatCsv,

    /// <summary>BioLogic EC-Lab binary files (<c>.mpr</c>, first bytes <c>BIO-LOGIC MODULAR FILE</c>), read natively with the columns named as the <c>.mpt</c> export names them.</summary>
    BioLogicBinary,

    /// <summary>Arbin <c>.res</c> files: Microsoft Jet 4 (Access) databases, read natively (<c>Channel_Normal_Table</c>, <c>Global_Table</c>, statistics).</summary>
    ArbinRes,

    /// <summary>Neware <c>.ndax</c> files (BTS 8): zip archives of XML metadata and binary <c>.ndc</c> records, read natively (main data, steps, run information, auxiliary channels).</summary>
    NewareNdax,

    /// <summary>HDF5 files holding a pandas frame (fixed or table layout), read natively: cellpy's Arbin SQL exports and Indigo's files.</summary>
    Hdf5,
}
