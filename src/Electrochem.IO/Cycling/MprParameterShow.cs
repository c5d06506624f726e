namespace Electrochem.IO.Cycling;

/// <summary>
/// When the <c>.mpt</c> export prints a technique parameter of a sequence. Modulo Bat prints a control's value, unit and
/// <c>vs.</c> only where the sequence's control type uses them, and the limits and records up to the most any sequence
/// uses (at least one); every other parameter is always printed.
/// </summary>
internal enum MprParameterShow
{
    /// <summary>Always printed.</summary>
    Always,

    /// <summary>The value of control <see cref="MprParameterField.Slot"/>, printed when the control type uses it.</summary>
    ControlValue,

    /// <summary>The unit of control <see cref="MprParameterField.Slot"/>, printed when the control type gives it one.</summary>
    ControlUnit,

    /// <summary>The <c>vs.</c> of control <see cref="MprParameterField.Slot"/>, printed when the control type gives it one.</summary>
    ControlReference,

    /// <summary>Limit <see cref="MprParameterField.Slot"/> (from 0), printed when some sequence has more limits (or it is the first).</summary>
    Limit,

    /// <summary>Record condition <see cref="MprParameterField.Slot"/> (from 0), printed as limits are.</summary>
    Record,
}
