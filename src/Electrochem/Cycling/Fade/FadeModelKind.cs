namespace Electrochem.Cycling;

/// <summary>
/// The capacity-fade laws <see cref="CapacityFade"/> fits, Q(N) with N the cycle number (Q in the capacities' unit:
/// A·h, mA·h/g or % — unit-transparent).
/// </summary>
public enum FadeModelKind
{
    /// <summary>Q = Q₀ − k·N: constant loss per cycle.</summary>
    Linear,

    /// <summary>Q = Q₀ − k·√N: loss limited by SEI growth (diffusion through a thickening film).</summary>
    SquareRoot,

    /// <summary>Q = Q₀ − k·N^z, 0.05 ≤ z ≤ 5: the empirical power law (z ≈ 0.5 SEI-limited, z &gt; 1 accelerating).</summary>
    PowerLaw,

    /// <summary>Q = Q₀·exp(−k·N): a constant fraction lost per cycle.</summary>
    Exponential,

    /// <summary>Q = A·exp(b·N) + C·exp(d·N): He et al.'s double exponential (a slow fade plus an accelerating term).</summary>
    DoubleExponential,

    /// <summary>
    /// Q = Q₀ − a·N − b·max(0, N − N_k)², b ≥ 0: linear fade, then accelerating from the knee cycle N_k (the curve and
    /// its slope are continuous at N_k).
    /// </summary>
    TwoRegime,
}
