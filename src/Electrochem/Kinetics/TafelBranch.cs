namespace Electrochem.Kinetics;

/// <summary>Which branch of a polarisation curve a Tafel line belongs to.</summary>
public enum TafelBranch
{
    /// <summary>Positive voltage, positive (anodic, oxidation) current.</summary>
    Anodic,

    /// <summary>Negative voltage, negative (cathodic, reduction) current.</summary>
    Cathodic,
}
