using Electrochem.Plotting;

namespace Electrochem.Cli.Demo;

/// <summary>A figure of a demo section, with the caption printed under it in the HTML report.</summary>
/// <param name="Caption">What the figure shows, in a sentence.</param>
/// <param name="Figure">The figure.</param>
internal sealed record DemoFigure(string Caption, Figure Figure);
