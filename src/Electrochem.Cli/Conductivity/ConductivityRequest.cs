using Electrochem.IO.Transport;
using Electrochem.Transport;

namespace Electrochem.Cli.Conductivity;

/// <summary>What a <c>conductivity</c> subcommand was asked to do.</summary>
/// <param name="File">The data file, as typed.</param>
/// <param name="Form">The Arrhenius form (only the <c>arrhenius</c> subcommand offers a choice).</param>
/// <param name="TemperatureUnit">The temperature unit given with <c>--temperature-unit</c>, or null to take it from the header.</param>
/// <param name="Level">Confidence level of the intervals, in (0, 1).</param>
/// <param name="Json">True for one JSON document instead of text.</param>
/// <param name="Columns">Columns named on the command line (--temperature-column, …), or null.</param>
internal sealed record ConductivityRequest(string File, ArrheniusForm Form, TemperatureUnit? TemperatureUnit, double Level, bool Json, ConductivityColumns? Columns = null)
{
    /// <summary>Reads the file as a conductivity table.</summary>
    internal ConductivityTable ReadTable() => ConductivityTable.Read(File, TemperatureUnit, columns: Columns);
}
