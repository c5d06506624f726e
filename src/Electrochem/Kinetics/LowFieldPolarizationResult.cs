using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Kinetics;

/// <summary>
/// The outcome of a low-field (micro-polarisation) analysis: the straight line i = a + s·V fitted near equilibrium
/// and the exchange current density derived from its slope, with what a reviewer checks (the window, the points,
/// the linearisation error).
/// </summary>
/// <param name="Geometry">Whether V was one electrode's η or a symmetric cell's η_cell.</param>
/// <param name="LineFit">The straight-line fit i = Intercept + Slope·V (Slope in current-density unit per V).</param>
/// <param name="ExchangeCurrentDensity">
/// i₀ in the unit of the current density: s·R·T/(n·F·(α_a+α_c)) for one electrode, 2·s·R·T/(n·F·(α_a+α_c)) for a
/// symmetric cell; its interval is the exact (linear) image of the slope's.
/// </param>
/// <param name="AreaSpecificChargeTransferResistance">1/s in V per current-density unit (Ω·cm² for A/cm²): one electrode's R_ct·A, or the whole cell's for a symmetric cell.</param>
/// <param name="MaximumAbsoluteVoltageUsed">Largest |V| among the points used, in V.</param>
/// <param name="LinearisationError">sinh(x)/x − 1 at that voltage (x = (α_a+α_c)·n·F·η_electrode/(2RT)): how far the linear law is from Butler–Volmer there.</param>
/// <param name="Voltage">The voltages used, in V.</param>
/// <param name="CurrentDensity">The current densities used.</param>
/// <param name="Warnings">Conditions found in the data.</param>
public sealed record LowFieldPolarizationResult(
    PolarizationGeometry Geometry,
    FitResult LineFit,
    ParameterEstimate ExchangeCurrentDensity,
    double AreaSpecificChargeTransferResistance,
    double MaximumAbsoluteVoltageUsed,
    double LinearisationError,
    ImmutableArray<double> Voltage,
    ImmutableArray<double> CurrentDensity,
    ImmutableArray<KineticsWarning> Warnings);
