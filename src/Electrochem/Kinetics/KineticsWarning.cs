namespace Electrochem.Kinetics;

/// <summary>A condition an electrode-kinetics analysis found in the data, with a message a person can act on.</summary>
/// <param name="Kind">What the warning is about.</param>
/// <param name="Message">What was found, the numbers involved, and what to do.</param>
public sealed record KineticsWarning(KineticsWarningKind Kind, string Message);
