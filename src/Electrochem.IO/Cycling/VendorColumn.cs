using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>
/// A column a format reader knows by its exact header (compared after <see cref="Tables.HeaderGrammar.MatchKey"/> of the
/// name without unit), with the unit the vendor writes when the header does not say.
/// </summary>
internal sealed record VendorColumn(string Name, RecordingQuantity Quantity, string? DefaultUnit = null, bool IsStepType = false);
