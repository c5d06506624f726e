using System.Collections.Frozen;

namespace Electrochem.IO.Cycling;

/// <summary>One technique parameter of an EC-Lab settings module: where it is in a sequence's bytes and how it is stored.</summary>
/// <param name="Name">The row name the <c>.mpt</c> header prints (e.g. <c>Ei (V)</c>, <c>vs.</c>, <c>I Range</c>).</param>
/// <param name="Kind">How the value is stored.</param>
/// <param name="Offset">Where the value starts, in bytes from the start of its sequence's values.</param>
/// <param name="Codes">
/// For <see cref="MprParameterKind.Code"/>: the texts of the codes seen in paired exports; null otherwise, and for a
/// control's unit or <c>vs.</c>, whose codes depend on the control type (<see cref="MprControlTypes"/>).
/// </param>
/// <param name="Show">When the export prints the parameter.</param>
/// <param name="Slot">The control, limit or record the parameter belongs to (from 0), for <paramref name="Show"/> other than always.</param>
internal sealed record MprParameterField(string Name, MprParameterKind Kind, int Offset, FrozenDictionary<int, string>? Codes = null, MprParameterShow Show = MprParameterShow.Always, int Slot = 0)
{
    /// <summary>The bytes the value takes.</summary>
    internal int Width => Kind is MprParameterKind.Single or MprParameterKind.Duration or MprParameterKind.Int32 ? 4 : 1;
}
