using Electrochem.Constants;

namespace Electrochem.Diffusion;

/// <summary>
/// An insertion electrode for the titration simulator: Fickian diffusion of one species in a film or in spherical
/// particles, entered through <see cref="SurfaceAreaSquareMetres"/>, with an open-circuit curve and a series
/// resistance. The cell voltage is V = U(x_s) + I·R_s, x_s the stoichiometry at the surface and I &gt; 0 on charge.
/// The flux density through the surface is j = I/(z·F·S) (mol m⁻² s⁻¹); its sign is set by <see cref="Charging"/>.
/// </summary>
/// <param name="Geometry">Film or spheres.</param>
/// <param name="LengthMetres">Film thickness L or particle radius r (m).</param>
/// <param name="SurfaceAreaSquareMetres">
/// The area the species enters through (m²): the film's face area, or the total surface of the particles, which for
/// spheres of radius r filling a fraction ε of an electrode of thickness L_e and area A is 3·ε·A·L_e/r
/// (<see cref="ParticleSurfaceArea"/>).
/// </param>
/// <param name="MaximumConcentration">c_max (mol/m³), the concentration at x = 1.</param>
/// <param name="InitialStoichiometry">x at the start, uniform.</param>
/// <param name="Diffusivity">D, constant or D(x).</param>
/// <param name="OpenCircuitVoltage">U(x).</param>
/// <param name="Charging">Whether charging extracts or inserts the species.</param>
public sealed record InsertionElectrode(
    DiffusionGeometry Geometry,
    double LengthMetres,
    double SurfaceAreaSquareMetres,
    double MaximumConcentration,
    double InitialStoichiometry,
    Diffusivity Diffusivity,
    OpenCircuitCurve OpenCircuitVoltage,
    ChargingDirection Charging)
{
    /// <summary>The series (ohmic) resistance R_s (Ω, ≥ 0), 0 unless set.</summary>
    public double SeriesResistanceOhms { get; init; }

    /// <summary>The charge number z of the inserted ion (1 for Li⁺).</summary>
    public int ChargeNumber { get; init; } = 1;

    /// <summary>The diffusion length the Weppner–Huggins equation needs (m): volume/surface, L for a film and r/3 for spheres.</summary>
    public double DiffusionLengthMetres => Geometry == DiffusionGeometry.Planar ? LengthMetres : LengthMetres / 3;

    /// <summary>The volume of active material (m³): surface area × diffusion length.</summary>
    public double ActiveVolumeCubicMetres => SurfaceAreaSquareMetres * DiffusionLengthMetres;

    /// <summary>The charge (A·h) that moves x by 1: z·F·c_max·V/3600.</summary>
    public double AmpereHoursPerUnitStoichiometry => ChargeNumber * PhysicalConstants.FaradayConstant * MaximumConcentration * ActiveVolumeCubicMetres / 3600;

    /// <summary>The total particle surface (m²) of spheres of radius r filling a volume fraction ε of an electrode of thickness L_e and area A: 3·ε·A·L_e/r.</summary>
    /// <param name="radiusMetres">r (m).</param>
    /// <param name="activeVolumeFraction">ε ∈ (0, 1].</param>
    /// <param name="electrodeThicknessMetres">L_e (m).</param>
    /// <param name="electrodeAreaSquareMetres">A (m²).</param>
    /// <returns>The surface area (m²).</returns>
    public static double ParticleSurfaceArea(double radiusMetres, double activeVolumeFraction, double electrodeThicknessMetres, double electrodeAreaSquareMetres)
    {
        Preconditions.CheckPositive(radiusMetres);
        Preconditions.CheckPositive(electrodeThicknessMetres);
        Preconditions.CheckPositive(electrodeAreaSquareMetres);
        if (!(activeVolumeFraction > 0 && activeVolumeFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(activeVolumeFraction), activeVolumeFraction, $"The active volume fraction must lie in (0, 1] but was {Preconditions.Format(activeVolumeFraction)}.");
        }

        return 3 * activeVolumeFraction * electrodeAreaSquareMetres * electrodeThicknessMetres / radiusMetres;
    }

    /// <summary>Checks every parameter, with a message naming the one that is wrong.</summary>
    /// <exception cref="ArgumentException">A parameter is missing, not finite, or out of range.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Geometry) || !Enum.IsDefined(Charging))
        {
            throw new ArgumentException($"Geometry {Geometry} or charging direction {Charging} is not one the simulator knows.");
        }

        Preconditions.CheckPositive(LengthMetres, nameof(LengthMetres));
        Preconditions.CheckPositive(SurfaceAreaSquareMetres, nameof(SurfaceAreaSquareMetres));
        Preconditions.CheckPositive(MaximumConcentration, nameof(MaximumConcentration));
        Preconditions.CheckNonNegative(SeriesResistanceOhms, nameof(SeriesResistanceOhms));
        ArgumentNullException.ThrowIfNull(Diffusivity);
        ArgumentNullException.ThrowIfNull(OpenCircuitVoltage);
        if (ChargeNumber < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ChargeNumber), ChargeNumber, "The charge number z must be 1 or more.");
        }

        if (!OpenCircuitVoltage.Contains(InitialStoichiometry))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialStoichiometry), InitialStoichiometry, $"The initial stoichiometry {Preconditions.Format(InitialStoichiometry)} lies outside the open-circuit curve's range [{Preconditions.Format(OpenCircuitVoltage.MinimumStoichiometry)}, {Preconditions.Format(OpenCircuitVoltage.MaximumStoichiometry)}].");
        }
    }
}
