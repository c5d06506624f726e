namespace Electrochem.Diffusion;

/// <summary>What charging the cell (positive current) does to the diffusing species in the simulated electrode.</summary>
public enum ChargingDirection
{
    /// <summary>Charging removes the species (a positive electrode such as NCM or LFP delithiates on charge).</summary>
    Extraction,

    /// <summary>Charging inserts the species (a negative electrode such as graphite lithiates on charge).</summary>
    Insertion,
}
