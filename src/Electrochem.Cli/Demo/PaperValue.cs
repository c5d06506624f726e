namespace Electrochem.Cli.Demo;

/// <summary>A value reported in the reference study, with the text the paper (PAPER.md) gives for it.</summary>
/// <param name="Value">The value as a number, in the unit of <paramref name="Text"/>.</param>
/// <param name="Text">The value as reported, with its unit, e.g. <c>3.6e-4 S/cm</c>.</param>
internal sealed record PaperValue(double Value, string Text);
