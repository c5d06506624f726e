namespace Electrochem.Voltammetry;

/// <summary>Which way a potential sweep runs.</summary>
public enum SweepDirection
{
    /// <summary>Toward higher potentials: oxidation.</summary>
    Anodic,

    /// <summary>Toward lower potentials: reduction.</summary>
    Cathodic,
}
