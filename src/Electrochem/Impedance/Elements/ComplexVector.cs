using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// Four complex numbers held as separate real and imaginary <see cref="Vector256{T}"/> lanes, with the arithmetic the
/// element kernels need (System.Numerics.Tensors has no vectorised complex functions). Lane-wise, so every lane equals
/// the scalar complex operation on that lane's values.
/// </summary>
internal readonly struct ComplexVector(Vector256<double> real, Vector256<double> imaginary)
{
    public Vector256<double> Real { get; } = real;

    public Vector256<double> Imaginary { get; } = imaginary;

    public static ComplexVector FromReal(Vector256<double> real) => new(real, Vector256<double>.Zero);

    public static ComplexVector Broadcast(double real, double imaginary) => new(Vector256.Create(real), Vector256.Create(imaginary));

    /// <summary>|z|² = x² + y².</summary>
    public Vector256<double> SquaredModulus
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (Real * Real) + (Imaginary * Imaginary);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator +(ComplexVector a, ComplexVector b) => new(a.Real + b.Real, a.Imaginary + b.Imaginary);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator -(ComplexVector a, ComplexVector b) => new(a.Real - b.Real, a.Imaginary - b.Imaginary);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator -(ComplexVector a) => new(-a.Real, -a.Imaginary);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator +(ComplexVector a, Vector256<double> b) => new(a.Real + b, a.Imaginary);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator *(ComplexVector a, ComplexVector b) =>
        new((a.Real * b.Real) - (a.Imaginary * b.Imaginary), (a.Real * b.Imaginary) + (a.Imaginary * b.Real));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator *(ComplexVector a, Vector256<double> b) => new(a.Real * b, a.Imaginary * b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator *(ComplexVector a, double b) => new(a.Real * b, a.Imaginary * b);

    /// <summary>a/b = a·b̄/|b|².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector operator /(ComplexVector a, ComplexVector b)
    {
        Vector256<double> inverse = Vector256<double>.One / b.SquaredModulus;
        return new(((a.Real * b.Real) + (a.Imaginary * b.Imaginary)) * inverse, ((a.Imaginary * b.Real) - (a.Real * b.Imaginary)) * inverse);
    }

    /// <summary>1/z = z̄/|z|².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ComplexVector Reciprocal()
    {
        Vector256<double> inverse = Vector256<double>.One / SquaredModulus;
        return new(Real * inverse, -Imaginary * inverse);
    }

    /// <summary>z·j = (−y, x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ComplexVector TimesImaginaryUnit() => new(-Imaginary, Real);

    /// <summary>z².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ComplexVector Square() => new((Real * Real) - (Imaginary * Imaginary), 2 * Real * Imaginary);

    /// <summary>
    /// Principal square root (branch cut on the negative real axis, Re ≥ 0): with r = |z|, t = √((r + |x|)/2);
    /// x ≥ 0 gives (t, y/(2t)), x &lt; 0 gives (|y|/(2t), ±t) with the sign of y. √0 = 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ComplexVector Sqrt()
    {
        Vector256<double> modulus = Vector256.Hypot(Real, Imaginary);
        Vector256<double> t = Vector256.Sqrt((modulus + Vector256.Abs(Real)) * 0.5);
        Vector256<double> other = Imaginary / (t + t);
        other = Vector256.ConditionalSelect(Vector256.Equals(t, Vector256<double>.Zero), Vector256<double>.Zero, other);
        Vector256<double> negative = Vector256.LessThan(Real, Vector256<double>.Zero);
        Vector256<double> real = Vector256.ConditionalSelect(negative, Vector256.Abs(other), t);
        Vector256<double> imaginary = Vector256.ConditionalSelect(negative, Vector256.CopySign(t, Imaginary), other);
        return new(real, imaginary);
    }

    /// <summary>Lane-wise choice: whenTrue where the condition's lane is all ones, else whenFalse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector Select(Vector256<double> condition, ComplexVector whenTrue, ComplexVector whenFalse) =>
        new(Vector256.ConditionalSelect(condition, whenTrue.Real, whenFalse.Real), Vector256.ConditionalSelect(condition, whenTrue.Imaginary, whenFalse.Imaginary));

    /// <summary>Loads lanes index…index+3 without bounds checks: callers loop over padded blocks whose spans hold them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexVector Load(ReadOnlySpan<double> real, ReadOnlySpan<double> imaginary, int index)
    {
        Debug.Assert(index >= 0 && index + Vector256<double>.Count <= real.Length && index + Vector256<double>.Count <= imaginary.Length);
        return new(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(real), (nuint)index), Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(imaginary), (nuint)index));
    }

    /// <summary>Loads four lanes of a real array without bounds checks (see <see cref="Load(ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LoadReal(ReadOnlySpan<double> values, int index)
    {
        Debug.Assert(index >= 0 && index + Vector256<double>.Count <= values.Length);
        return Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)index);
    }

    /// <summary>Stores lanes index…index+3 without bounds checks: callers loop over padded blocks whose spans hold them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<double> real, Span<double> imaginary, int index)
    {
        Debug.Assert(index >= 0 && index + Vector256<double>.Count <= real.Length && index + Vector256<double>.Count <= imaginary.Length);
        Real.StoreUnsafe(ref MemoryMarshal.GetReference(real), (nuint)index);
        Imaginary.StoreUnsafe(ref MemoryMarshal.GetReference(imaginary), (nuint)index);
    }
}
