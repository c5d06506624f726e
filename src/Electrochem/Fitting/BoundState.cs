namespace Electrochem.Fitting;

/// <summary>Where a fitted parameter ended relative to its box bounds.</summary>
public enum BoundState
{
    /// <summary>Strictly inside its bounds (or unbounded).</summary>
    Interior,

    /// <summary>At its lower bound: the optimum lies at or below it, and its standard error is not meaningful.</summary>
    AtLowerBound,

    /// <summary>At its upper bound: the optimum lies at or above it, and its standard error is not meaningful.</summary>
    AtUpperBound,
}
