namespace Electrochem.Transport;

/// <summary>A condition a transference-number analysis found in the data, with the numbers and what to do.</summary>
/// <param name="Kind">What the warning is about.</param>
/// <param name="Message">What was found, the threshold, and what to do.</param>
public sealed record TransferenceWarning(TransferenceWarningKind Kind, string Message);
