namespace Electrochem.Cli.Demo;

/// <summary>One line of the demo: a quantity for one material, Electrochem's result beside the paper's value.</summary>
/// <param name="Quantity">What is reported, e.g. <c>σ(28 °C)</c>.</param>
/// <param name="Material">The electrolyte, e.g. <c>Base-PTA</c>.</param>
/// <param name="Electrochem">Electrochem's value with its uncertainty (and confidence interval where it is a fit), with unit.</param>
/// <param name="Paper">The paper's value as reported, or a dash when the paper does not report one.</param>
/// <param name="Note">How the value was obtained, or what to notice.</param>
internal sealed record DemoRow(string Quantity, string Material, string Electrochem, string Paper, string Note);
