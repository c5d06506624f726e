namespace Electrochem.Impedance;

/// <summary>
/// One cache-sized block of angular frequencies with the quantities several elements share, computed once per block:
/// ω (rad s⁻¹), ln ω and √ω. <see cref="Length"/> is a multiple of the vector width (the tail is padded with a valid
/// frequency), so element kernels run whole vectors only.
/// </summary>
internal readonly ref struct FrequencyBlock(ReadOnlySpan<double> angularFrequency, ReadOnlySpan<double> logAngularFrequency, ReadOnlySpan<double> sqrtAngularFrequency)
{
    public ReadOnlySpan<double> AngularFrequency { get; } = angularFrequency;

    public ReadOnlySpan<double> LogAngularFrequency { get; } = logAngularFrequency;

    public ReadOnlySpan<double> SqrtAngularFrequency { get; } = sqrtAngularFrequency;

    public int Length => AngularFrequency.Length;
}
