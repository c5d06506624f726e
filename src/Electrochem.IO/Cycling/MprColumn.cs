namespace Electrochem.IO.Cycling;

/// <summary>One column of an EC-Lab <c>.mpr</c> data module as read: its header as the <c>.mpt</c> export names it, the ID it came from, one value per point.</summary>
/// <param name="Header">E.g. <c>Ewe/V</c>, <c>mode</c>, or <c>unknown column 1234</c>.</param>
/// <param name="Id">The column ID in the file.</param>
/// <param name="Values">One value per data point (flags and integers as whole numbers).</param>
internal sealed record MprColumn(string Header, int Id, double[] Values);
