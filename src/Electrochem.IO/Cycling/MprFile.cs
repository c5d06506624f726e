using System.Collections.Immutable;

namespace Electrochem.IO.Cycling;

/// <summary>An EC-Lab <c>.mpr</c> file as read: its modules, the data module's columns, its settings and what the reader noticed.</summary>
/// <param name="Modules">Every module, in file order.</param>
/// <param name="DataModule">The data module.</param>
/// <param name="Columns">The data columns in the order the file lists them (each flag its own column).</param>
/// <param name="PointCount">The number of data points.</param>
/// <param name="Settings">The settings and log entries read.</param>
/// <param name="LoopStarts">The first point of each loop (the <c>VMP loop</c> module), empty when there is none.</param>
/// <param name="Warnings">What the reader noticed and kept going.</param>
internal sealed record MprFile(
    ImmutableArray<MprModuleHeader> Modules,
    MprModuleHeader DataModule,
    ImmutableArray<MprColumn> Columns,
    int PointCount,
    MprSettings Settings,
    ImmutableArray<int> LoopStarts,
    ImmutableArray<string> Warnings);
