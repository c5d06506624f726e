namespace Electrochem.IO.Cycling;

/// <summary>How one technique parameter of an EC-Lab settings module is stored.</summary>
internal enum MprParameterKind
{
    /// <summary>A little-endian 32-bit float, written as a number; NaN is EC-Lab's <c>pass</c> (no limit).</summary>
    Single,

    /// <summary>A little-endian 32-bit float of seconds, written as EC-Lab writes a duration (<c>h:mm:s.ffff</c>).</summary>
    Duration,

    /// <summary>One byte, written as a whole number.</summary>
    Byte,

    /// <summary>A little-endian 32-bit signed integer, written as a whole number.</summary>
    Int32,

    /// <summary>One byte naming a choice (a unit, a range, <c>vs.</c>), written as the choice's text.</summary>
    Code,
}
