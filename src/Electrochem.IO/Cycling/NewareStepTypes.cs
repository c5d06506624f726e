using System.Collections.Frozen;
using System.Globalization;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Neware's step type codes (the step file's and <c>Step.xml</c>'s <c>Step_Type</c>), named as BTS writes them in its
/// CSV export (<c>CC Chg</c>, <c>CC DChg</c>, <c>Rest</c>, …) so an <c>.ndax</c> and its export label steps alike. A
/// code not listed is named <c>Step type N</c>, never guessed.
/// </summary>
internal static class NewareStepTypes
{
    private static readonly FrozenDictionary<int, string> Names = new Dictionary<int, string>
    {
        [1] = "CC Chg",
        [2] = "CC DChg",
        [3] = "CV Chg",
        [4] = "Rest",
        [5] = "Cycle",
        [7] = "CCCV Chg",
        [8] = "CP DChg",
        [9] = "CP Chg",
        [10] = "CR DChg",
        [13] = "Pause",
        [16] = "Pulse",
        [17] = "SIM",
        [19] = "CV DChg",
        [20] = "CCCV DChg",
        [21] = "Control",
        [22] = "OCV",
        [26] = "CPCV DChg",
        [27] = "CPCV Chg",
    }.ToFrozenDictionary();

    /// <summary>The name of a step type code.</summary>
    internal static string Name(int code) => Names.TryGetValue(code, out string? name) ? name : "Step type " + code.ToString(CultureInfo.InvariantCulture);
}
