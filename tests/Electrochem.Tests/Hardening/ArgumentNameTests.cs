using System.Collections.Immutable;
using System.Reflection;
using Electrochem.Diffusion;
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.Kinetics;
using Electrochem.Transport;

namespace Electrochem.Tests.Hardening;

/// <summary>
/// The convention: an <see cref="ArgumentException"/> thrown by a public entry names one of that entry's own parameters
/// (what the caller passed), never an internal helper's (<c>x</c>, <c>weights</c>, <c>factor</c>, <c>parameterCount</c>).
/// Each row feeds one public entry one kind of bad input; the entry's parameter names come from reflection, so a new
/// internal name leaking out fails the row.
/// </summary>
public sealed class ArgumentNameTests
{
    private static readonly double[] T = [300, 310, 320, 330, 340];
    private static readonly double[] Sigma = [1e-4, 2e-4, 3e-4, 4e-4, 5e-4];
    private static readonly double[] Eta = [-0.2, -0.15, -0.1, -0.05, 0.05, 0.1, 0.15, 0.2];
    private static readonly double[] Current = [-3, -2, -1, -0.5, 0.5, 1, 2, 3];

    /// <summary>Every parameter name of every public overload of a type's method (or constructors, for ".ctor").</summary>
    private static HashSet<string> ParameterNames(Type type, string method) =>
        [.. (method == ".ctor" ? type.GetConstructors().Cast<MethodBase>() : type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Where(m => m.Name == method))
            .SelectMany(m => m.GetParameters()).Select(p => p.Name!)];

    public static TheoryData<string, Type, string, Action> Calls() => new()
    {
        { "Arrhenius, lengths differ", typeof(Arrhenius), nameof(Arrhenius.Fit), () => Arrhenius.Fit(T, Sigma.AsSpan(0, 4), ArrheniusForm.Conductivity) },
        { "Arrhenius, too few points", typeof(Arrhenius), nameof(Arrhenius.Fit), () => Arrhenius.Fit(T.AsSpan(0, 2), Sigma.AsSpan(0, 2), ArrheniusForm.Conductivity) },
        { "Arrhenius, negative σ", typeof(Arrhenius), nameof(Arrhenius.Fit), () => Arrhenius.Fit(T, [1e-4, -2e-4, 3e-4, 4e-4, 5e-4], ArrheniusForm.Conductivity) },
        { "Arrhenius, one temperature", typeof(Arrhenius), nameof(Arrhenius.Fit), () => Arrhenius.Fit([300, 300, 300, 300, 300], Sigma, ArrheniusForm.Conductivity) },
        { "Arrhenius, NaN temperature", typeof(Arrhenius), nameof(Arrhenius.Fit), () => Arrhenius.Fit([300, double.NaN, 320, 330, 340], Sigma, ArrheniusForm.Conductivity) },
        { "Arrhenius, uncertainty length", typeof(Arrhenius), nameof(Arrhenius.Fit), () => Arrhenius.Fit(T, Sigma, ArrheniusForm.Conductivity, [1e-5, 1e-5]) },
        { "Arrhenius, zero uncertainty", typeof(Arrhenius), nameof(Arrhenius.Fit), () => Arrhenius.Fit(T, Sigma, ArrheniusForm.Conductivity, [1e-5, 0, 1e-5, 1e-5, 1e-5]) },
        { "VTF, lengths differ", typeof(VogelTammannFulcher), nameof(VogelTammannFulcher.Fit), () => VogelTammannFulcher.Fit(T, Sigma.AsSpan(0, 4)) },
        { "VTF, zero uncertainty", typeof(VogelTammannFulcher), nameof(VogelTammannFulcher.Fit), () => VogelTammannFulcher.Fit(T, Sigma, [1e-5, 0, 1e-5, 1e-5, 1e-5]) },
        { "Butler–Volmer, lengths differ", typeof(ButlerVolmer), nameof(ButlerVolmer.Fit), () => ButlerVolmer.Fit(Eta, Current.AsSpan(0, 5), 1, 298) },
        { "Butler–Volmer, bad uncertainty", typeof(ButlerVolmer), nameof(ButlerVolmer.Fit), () => ButlerVolmer.Fit(Eta, Current, 1, 298, [1, 1]) },
        { "Symmetric cell, bad uncertainty", typeof(SymmetricCell), nameof(SymmetricCell.Fit), () => SymmetricCell.Fit(Eta, Current, 1, 298, [1, 0, 1, 1, 1, 1, 1, 1]) },
        { "Low field, electrode resistance", typeof(LowFieldPolarization), nameof(LowFieldPolarization.ExchangeCurrentDensityFromElectrodeResistance), () => LowFieldPolarization.ExchangeCurrentDensityFromElectrodeResistance(new Measurement(10, 0), new Measurement(1, 0), 1, 298, -1) },
        { "Low field, cell resistance", typeof(LowFieldPolarization), nameof(LowFieldPolarization.ExchangeCurrentDensityFromSymmetricCellResistance), () => LowFieldPolarization.ExchangeCurrentDensityFromSymmetricCellResistance(new Measurement(-10, 0), new Measurement(1, 0), 1, 298) },
        { "Low field, analyse with few points", typeof(LowFieldPolarization), nameof(LowFieldPolarization.AnalyzeElectrode), () => LowFieldPolarization.AnalyzeElectrode([0.001, 0.002], [1.0, 2.0], 1, 298) },
        { "Tafel, lengths differ", typeof(TafelAnalysis), nameof(TafelAnalysis.AnalyzeElectrode), () => TafelAnalysis.AnalyzeElectrode(Eta, Current.AsSpan(0, 3), 1, 298) },
        { "Ionic conductivity, zero area", typeof(IonicConductivity), nameof(IonicConductivity.FromBulkResistance), () => IonicConductivity.FromBulkResistance(0.01, 0, 10) },
        { "Bruce–Vincent, bad current", typeof(BruceVincent), nameof(BruceVincent.TransferenceNumber), () => BruceVincent.TransferenceNumber(new(-1, 0), new(1, 0), new(0.01, 0), new(100, 0), new(100, 0)) },
        { "Bruce–Vincent analyse, lengths differ", typeof(BruceVincent), nameof(BruceVincent.Analyze), () => BruceVincent.Analyze([0.0, 1, 2], [1.0, 1], new Measurement(0.01, 0), PolarizationResistances.InterfacialOnly(new(100, 0), new(100, 0))) },
        { "Current relaxation, lengths differ", typeof(CurrentRelaxation), nameof(CurrentRelaxation.Fit), () => CurrentRelaxation.Fit([0.0, 1, 2, 3, 4], [1.0, 0.9], 0) },
        { "Spectrum, lengths differ", typeof(ImpedanceSpectrum), ".ctor", () => _ = new ImpedanceSpectrum([1.0, 2], [1.0], [1.0, 2]) },
        { "Spectrum, negative frequency", typeof(ImpedanceSpectrum), ".ctor", () => _ = new ImpedanceSpectrum([1.0, -2], [1.0, 1], [1.0, 2]) },
        { "Circuit fit, too few points", typeof(CircuitModel), nameof(CircuitModel.Fit), () => CircuitModel.Fit(Circuit.Parse("R0-p(R1,C1)-p(R2,C2)"), new ImpedanceSpectrum([1.0, 10], [1.0, 2], [-1.0, -2])) },
        { "Circuit fit, σ of the wrong length", typeof(CircuitModel), nameof(CircuitModel.Fit), () => CircuitModel.Fit(Circuit.Parse("R0-p(R1,C1)"), new ImpedanceSpectrum([1.0, 10, 100, 1000], [2.0, 1.9, 1.5, 1.1], [-0.1, -0.3, -0.4, -0.2]), CircuitFitOptions.Default with { Weighting = ImpedanceWeighting.StandardDeviation, RealStandardDeviation = [0.1], ImaginaryStandardDeviation = [0.1] }) },
        { "Circuit model, value count", typeof(CircuitModel), ".ctor", () => _ = new CircuitModel(Circuit.Parse("R0-p(R1,C1)"), [1.0, 2]) },
        { "Lin-KK, too few points", typeof(LinearKramersKronig), nameof(LinearKramersKronig.Test), () => LinearKramersKronig.Test(new ImpedanceSpectrum([1.0, 10], [1.0, 2], [-1.0, -2])) },
        { "Weppner–Huggins, zero length", typeof(WeppnerHuggins), nameof(WeppnerHuggins.FromLength), () => WeppnerHuggins.FromLength(new Measurement(0, 0), new Measurement(1, 0), new Measurement(0.01, 0), new Measurement(0.02, 0)) },
        { "Linear line fit, lengths differ", typeof(LinearLeastSquares), nameof(LinearLeastSquares.FitLine), () => LinearLeastSquares.FitLine([1.0, 2, 3], [1.0, 2]) },
        { "Linear line fit, bad weights", typeof(LinearLeastSquares), nameof(LinearLeastSquares.FitLine), () => LinearLeastSquares.FitLine([1.0, 2, 3], [1.0, 2, 3], [1.0, -1, 1]) },
        { "Estimate scaled by zero", typeof(ParameterEstimate), nameof(ParameterEstimate.Scaled), () => new ParameterEstimate("a", "V", 1, 0.1, 0.8, 1.2, false, BoundState.Interior).Scaled(0, "b", "mV") },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void An_argument_error_names_the_callers_argument(string what, Type type, string method, Action call)
    {
        ArgumentException error = Assert.ThrowsAny<ArgumentException>(call);
        HashSet<string> names = ParameterNames(type, method);
        Assert.True(error.ParamName is not null && names.Contains(error.ParamName),
            $"{what}: {type.Name}.{method} threw naming '{error.ParamName}', not one of its parameters ({string.Join(", ", names)}): {error.Message}");
    }
}
