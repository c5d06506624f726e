using System.Collections.Immutable;

namespace Electrochem.Cycling;

/// <summary>An ICI test as <see cref="IciAnalysis.Analyse"/> found it.</summary>
/// <param name="SourceName">The recording analysed.</param>
/// <param name="Interruptions">Every interruption that follows a current segment, in time order.</param>
/// <param name="RestCurrentAmperes">|I| at or below this was taken as an interruption (A).</param>
/// <param name="Warnings">What the analysis noticed.</param>
/// <param name="Options">The options used.</param>
public sealed record IciTitration(string SourceName, ImmutableArray<IciInterruption> Interruptions, double RestCurrentAmperes, ImmutableArray<string> Warnings, IciOptions Options);
