using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>How a file column is read.</summary>
internal enum ColumnKind
{
    /// <summary>Numbers; an unparsable field is an error naming the line.</summary>
    Numeric,

    /// <summary>Text, dictionary-encoded.</summary>
    Text,

    /// <summary>Numbers while every field is a number; text (with a warning) from the first field that is not.</summary>
    NumericOrText,
}

/// <summary>
/// What one column of a file becomes: its kind, the recording quantity and name, and the conversion from the written
/// unit (<c>stored = written × Scale + Offset</c>).
/// </summary>
internal sealed record ColumnPlan(
    string Header,
    ColumnKind Kind,
    RecordingQuantity Quantity,
    string Name,
    string Unit,
    double Scale = 1,
    double Offset = 0,
    string? WrittenUnit = null,
    string? Note = null,
    bool IsStepType = false)
{
    /// <summary>True for test time, current and voltage: every row needs a finite value.</summary>
    internal bool IsRequired => Quantity is RecordingQuantity.TestTime or RecordingQuantity.Current or RecordingQuantity.Voltage;

    internal ColumnOrigin Origin => new(Header, WrittenUnit, Scale, Offset, Note);

    /// <summary>A column kept as written under its own name: numeric when it is, text otherwise.</summary>
    internal static ColumnPlan Kept(string header)
    {
        // A slash or bracket that is not followed by a unit this library knows is part of the name (dV/dt).
        (string name, string? unit) = Tables.HeaderGrammar.Split(header);
        if (unit is not null && !Tables.MeasurementUnit.IsKnown(unit))
        {
            (name, unit) = (header.Trim(), null);
        }

        return new ColumnPlan(header, ColumnKind.NumericOrText, RecordingQuantity.Other, header.Trim(), unit ?? string.Empty, WrittenUnit: unit) { DisplayName = name };
    }

    /// <summary>The name without its unit, for messages and for kept columns' reports.</summary>
    internal string DisplayName { get; init; } = Name;
}
