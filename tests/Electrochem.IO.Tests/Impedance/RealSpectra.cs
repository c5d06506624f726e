namespace Electrochem.Shared;

/// <summary>
/// The real spectra automatic circuit fits are checked on (tests) and counted on (benchmarks, <c>--iterations</c>):
/// every impedance file in the shared data that reads as one spectrum and is copied into Data/ — impedance.py's 13
/// example files and pyDRTtools' 8 tutorial spectra (both MIT; see Data/*/SOURCE.md) — and the circuits fitted to each.
/// One file, compiled into both projects.
/// </summary>
internal static class RealSpectra
{
    /// <summary>Paths under Data/ (tests) or eis/ (benchmarks).</summary>
    public static readonly string[] Files =
    [
        "impedancepy/exampleData.csv", "impedancepy/Circuit1_EIS_1.z", "impedancepy/Circuit1_EIS_2.z", "impedancepy/Circuit2_EIS_1.z",
        "impedancepy/Circuit2_EIS_2.z", "impedancepy/Circuit3_EIS_1.z", "impedancepy/Circuit3_EIS_2.z", "impedancepy/exampleDataGamry.DTA",
        "impedancepy/exampleDataAutolab.txt", "impedancepy/exampleDataParstat.txt", "impedancepy/exampleDataCHInstruments.txt",
        "impedancepy/exampleDataPowersuite.txt", "impedancepy/exampleDataBioLogic.mpr", "pydrttools/1ZARC.csv", "pydrttools/2ZARC0.csv",
        "pydrttools/2ZARC1.csv", "pydrttools/2ZARC2.csv", "pydrttools/2ZARC3.csv", "pydrttools/2ZARC4.csv", "pydrttools/2ZARC5.csv",
        "pydrttools/2XZARCequal.csv",
    ];

    /// <summary>Two arcs, one arc, and impedance.py's getting-started circuit (an arc, then an arc with a finite Warburg).</summary>
    public static readonly string[] Circuits = ["R0-p(R1,CPE1)-p(R2,CPE2)", "R0-p(R1,CPE1)", "R0-p(R1,C1)-p(R2-Wo1,C2)"];
}
