namespace Electrochem.Impedance.Drt;

/// <summary>One evaluation of a λ criterion.</summary>
/// <param name="Lambda">λ.</param>
/// <param name="Score">The criterion's value there (smaller is better for GCV).</param>
public readonly record struct DrtCriterionPoint(double Lambda, double Score);
