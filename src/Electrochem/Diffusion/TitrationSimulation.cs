using System.Collections.Immutable;
using Electrochem.Cycling;

namespace Electrochem.Diffusion;

/// <summary>
/// A simulated titration: the <see cref="Recording"/> a cycler would have written (test time, current, voltage, step
/// index and step time; row 0 is the relaxed state before the program, step 0 at no current), and beside it the
/// stoichiometry at the surface and on average at each recorded instant.
/// </summary>
public sealed class TitrationSimulation
{
    internal TitrationSimulation(CyclerRecording recording, ReadOnlyMemory<double> surface, ReadOnlyMemory<double> mean, ImmutableArray<string> warnings, InsertionElectrode electrode, DiffusionSolverOptions options)
    {
        Recording = recording;
        SurfaceStoichiometry = surface;
        MeanStoichiometry = mean;
        Warnings = warnings;
        Electrode = electrode;
        Options = options;
    }

    /// <summary>The simulated record: time (s), current (A, &gt; 0 on charge), voltage (V), step index (0 before the program, then 1, 2, … per current step) and step time (s).</summary>
    public CyclerRecording Recording { get; }

    /// <summary>x at the surface at each recorded instant.</summary>
    public ReadOnlyMemory<double> SurfaceStoichiometry { get; }

    /// <summary>The volume-averaged x at each recorded instant.</summary>
    public ReadOnlyMemory<double> MeanStoichiometry { get; }

    /// <summary>What happened that the program did not ask for (steps ended by a voltage limit).</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>The electrode simulated.</summary>
    public InsertionElectrode Electrode { get; }

    /// <summary>The discretisation used.</summary>
    public DiffusionSolverOptions Options { get; }
}
