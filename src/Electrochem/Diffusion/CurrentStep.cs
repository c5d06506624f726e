namespace Electrochem.Diffusion;

/// <summary>One step of a simulated current program: a constant current held for a time.</summary>
/// <param name="Seconds">How long the step lasts (s, &gt; 0).</param>
/// <param name="Amperes">The current (A): &gt; 0 charges the cell, 0 is a rest (zero flux), &lt; 0 discharges.</param>
public readonly record struct CurrentStep(double Seconds, double Amperes);
