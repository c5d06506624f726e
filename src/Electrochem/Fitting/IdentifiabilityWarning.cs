namespace Electrochem.Fitting;

/// <summary>A parameter the data do not pin down, and why.</summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="Reason">What was found.</param>
/// <param name="RelativeStandardError">|SE/value| of the parameter (∞ for a zero estimate with non-zero SE).</param>
/// <param name="CorrelatedWith">The parameter it is most strongly correlated with, or null.</param>
/// <param name="Correlation">That correlation coefficient (NaN when none).</param>
public sealed record IdentifiabilityWarning(string Parameter, string Reason, double RelativeStandardError, string? CorrelatedWith, double Correlation);
