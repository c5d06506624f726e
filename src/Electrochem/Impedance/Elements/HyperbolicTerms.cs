using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// The pieces from which tanh, coth and csch of four complex arguments are built without overflow. The argument is
/// first folded into the right half-plane, z = ±ζ with Re z ≥ 0 (every element uses even functions of ζ such as
/// coth ζ/ζ, so the fold changes nothing); then with −2z = a + ib:
/// E = e^{−z} = e^{a/2}(cos(b/2) + i sin(b/2)), w = e^{−2z} = E², and m = 1 − w = −expm1(−2z) computed as
/// (2 sin²(b/2) − expm1(a)·cos b, −e^{a}·sin b), exact for small z where 1 − w would cancel.
/// Then tanh z = m/(1 + w), coth z = (1 + w)/m, csch z = 2E/m, sech² z = 4w/(1 + w)², csch² z = 4w/m²:
/// |w| ≤ 1 and |E| ≤ 1, so nothing overflows at large |z| and the limits tanh → 1, csch → 0 come out exactly.
/// </summary>
internal readonly struct HyperbolicTerms
{
    /// <summary>Below this |a| the series of expm1(a) is used (its truncation error is below 3·10⁻¹⁶ there).</summary>
    private const double SeriesLimit = 0.1;

    /// <summary>Below this |z|² the Laurent series of coth z / z is used (truncation error below 10⁻¹⁸ of its value).</summary>
    private const double SmallArgumentSquared = 0.05 * 0.05;

    /// <summary>Beyond this Re z, e^{−2z} is below 4·10⁻¹⁸ and is taken as 0.</summary>
    private const double NegligibleWBeyond = 20;

    private HyperbolicTerms(ComplexVector argument, ComplexVector expMinusArgument, ComplexVector w, ComplexVector oneMinusW)
    {
        Argument = argument;
        ExpMinusArgument = expMinusArgument;
        W = w;
        OneMinusW = oneMinusW;
    }

    /// <summary>The folded argument z (Re z ≥ 0).</summary>
    public ComplexVector Argument { get; }

    /// <summary>E = e^{−z}.</summary>
    public ComplexVector ExpMinusArgument { get; }

    /// <summary>w = e^{−2z}.</summary>
    public ComplexVector W { get; }

    /// <summary>m = 1 − e^{−2z}, accurate for small z.</summary>
    public ComplexVector OneMinusW { get; }

    /// <summary>1 + w.</summary>
    public ComplexVector OnePlusW => W + Vector256<double>.One;

    /// <summary>
    /// coth z / z = (1 + w)/(m·z); for |z| &lt; 0.05 the Laurent series 1/z² + 1/3 − z²/45 + 2z⁴/945 − z⁶/4725 + 2z⁸/93555,
    /// which keeps the small real part (→ 1/3 when z² is imaginary) exact beside the large 1/z².
    /// </summary>
    public ComplexVector CothOverArgument
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            ComplexVector direct = OnePlusW / (OneMinusW * Argument);
            Vector256<double> small = Vector256.LessThan(Argument.SquaredModulus, Vector256.Create(SmallArgumentSquared));
            if (small == Vector256<double>.Zero)
            {
                return direct;
            }

            ComplexVector s = Argument.Square();
            ComplexVector series = ComplexVector.Broadcast(2.0 / 93555, 0);
            series = (series * s) + Vector256.Create(-1.0 / 4725);
            series = (series * s) + Vector256.Create(2.0 / 945);
            series = (series * s) + Vector256.Create(-1.0 / 45);
            series = (series * s) + Vector256.Create(1.0 / 3);
            series += s.Reciprocal();
            return ComplexVector.Select(small, series, direct);
        }
    }

    /// <summary>csch z / z = 2E/(m·z).</summary>
    public ComplexVector CschOverArgument
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ExpMinusArgument * 2.0 / (OneMinusW * Argument);
    }

    /// <summary>coth z = (1 + w)/m.</summary>
    public ComplexVector Coth
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => OnePlusW / OneMinusW;
    }

    /// <summary>tanh z = m/(1 + w).</summary>
    public ComplexVector Tanh
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => OneMinusW / OnePlusW;
    }

    /// <summary>sech² z = 4w/(1 + w)².</summary>
    public ComplexVector SechSquared
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => W * 4.0 / OnePlusW.Square();
    }

    /// <summary>csch² z = 4w/m².</summary>
    public ComplexVector CschSquared
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => W * 4.0 / OneMinusW.Square();
    }

    /// <summary>
    /// u·d/du (coth u / u) = −csch² u − coth u / u: the logarithmic derivative that every coth-type element's
    /// Jacobian needs. No cancellation: both terms are ≈ −1/u² at small u and the first vanishes at large u.
    /// </summary>
    public ComplexVector ArgumentTimesDerivativeOfCothOverArgument
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => -(CschSquared + CothOverArgument);
    }

    /// <summary>
    /// The terms for ±z folded into Re ≥ 0. When every lane has Re z &gt; 20, |w| &lt; e^{−40} ≈ 4·10⁻¹⁸ vanishes
    /// against 1 in double precision, so w = 0 and m = 1 exactly and the exponentials are skipped unless
    /// <paramref name="needExpMinusArgument"/> (csch needs E itself, however small).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperbolicTerms Of(ComplexVector z, bool needExpMinusArgument = false)
    {
        Vector256<double> sign = Vector256.CopySign(Vector256<double>.One, z.Real);
        var folded = new ComplexVector(z.Real * sign, z.Imaginary * sign);
        if (!needExpMinusArgument && Vector256.GreaterThanAll(folded.Real, Vector256.Create(NegligibleWBeyond)))
        {
            var zero = ComplexVector.Broadcast(0, 0);
            return new HyperbolicTerms(folded, zero, zero, ComplexVector.Broadcast(1, 0));
        }

        Vector256<double> halfExp = Vector256.Exp(-folded.Real);
        (Vector256<double> sinHalf, Vector256<double> cosHalf) = BoundedMath.SinCos(-folded.Imaginary);
        Vector256<double> a = folded.Real * -2.0;
        Vector256<double> expA = halfExp * halfExp;
        Vector256<double> expm1A = ExpM1(a, expA);
        Vector256<double> twoSinSquared = 2.0 * sinHalf * sinHalf;
        Vector256<double> sinB = 2.0 * sinHalf * cosHalf;
        Vector256<double> cosB = Vector256<double>.One - twoSinSquared;
        var e = new ComplexVector(halfExp * cosHalf, halfExp * sinHalf);
        var w = new ComplexVector(expA * cosB, expA * sinB);
        var m = new ComplexVector(twoSinSquared - (expm1A * cosB), -expA * sinB);
        return new HyperbolicTerms(folded, e, w, m);
    }

    /// <summary>e^a − 1: the degree-9 Taylor series for |a| &lt; 0.1, else e^a − 1 from the given e^a (the series is skipped when no lane needs it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> ExpM1(Vector256<double> a, Vector256<double> expA)
    {
        if (!Vector256.LessThanAny(Vector256.Abs(a), Vector256.Create(SeriesLimit)))
        {
            return expA - Vector256<double>.One;
        }

        Vector256<double> series = Vector256.Create(1.0 / 362880);
        series = (series * a) + Vector256.Create(1.0 / 40320);
        series = (series * a) + Vector256.Create(1.0 / 5040);
        series = (series * a) + Vector256.Create(1.0 / 720);
        series = (series * a) + Vector256.Create(1.0 / 120);
        series = (series * a) + Vector256.Create(1.0 / 24);
        series = (series * a) + Vector256.Create(1.0 / 6);
        series = (series * a) + Vector256.Create(0.5);
        series = (series * a) + Vector256<double>.One;
        series *= a;
        return Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(a), Vector256.Create(SeriesLimit)), series, expA - Vector256<double>.One);
    }
}
