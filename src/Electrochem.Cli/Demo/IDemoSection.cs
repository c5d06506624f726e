using System.Collections.Immutable;

namespace Electrochem.Cli.Demo;

/// <summary>
/// One analysis of the reference study in <c>electrochem demo</c>. Each domain (transport, kinetics, transference and
/// impedance now; GITT and cycling later) adds its sections to <see cref="DemoSections.All"/>.
/// </summary>
internal interface IDemoSection
{
    /// <summary>The section's heading: the quantity and the method.</summary>
    string Title { get; }

    /// <summary>Runs the analysis on the example data.</summary>
    /// <param name="data">The example data.</param>
    /// <returns>The rows to print, in order.</returns>
    ImmutableArray<DemoRow> Run(DemoData data);

    /// <summary>The section's figures for <c>electrochem demo --report</c>; none unless the section draws some.</summary>
    /// <param name="data">The example data.</param>
    /// <returns>The figures, in order.</returns>
    ImmutableArray<DemoFigure> Figures(DemoData data) => [];
}
