using Electrochem.Fitting;

namespace Electrochem.Transport;

/// <summary>Options of <see cref="BruceVincent.Analyze"/>, with every threshold stated. Change one with <c>with</c>.</summary>
public sealed record BruceVincentOptions
{
    /// <summary>The defaults.</summary>
    public static BruceVincentOptions Default { get; } = new();

    /// <summary>How I₀ is obtained. Default <see cref="Transport.InitialCurrentMethod.OhmsLaw"/>.</summary>
    public InitialCurrentMethod InitialCurrentMethod { get; init; } = InitialCurrentMethod.OhmsLaw;

    /// <summary>How I_ss is obtained. Default <see cref="Transport.SteadyStateCurrentMethod.Plateau"/>.</summary>
    public SteadyStateCurrentMethod SteadyStateCurrentMethod { get; init; } = SteadyStateCurrentMethod.Plateau;

    /// <summary>The plateau window is the final fraction of the trace's duration, in (0, 1). Default 0.1 (the last 10 %).</summary>
    public double PlateauFraction { get; init; } = 0.1;

    /// <summary>Time of the potential step t₀ in s, to which I₀ is extrapolated; null (default) for the first time of the trace.</summary>
    public double? StepTimeSeconds { get; init; }

    /// <summary>Points before this time (s) are left out of the exponential fit (e.g. a double-layer spike); null (default) to use all.</summary>
    public double? FitStartSeconds { get; init; }

    /// <summary>
    /// Largest ΔV (V) treated as a small signal; above it a <see cref="TransferenceWarningKind.SmallSignalExceeded"/>
    /// warning is given. Default 0.020 V: with at most ΔV/2 across each interface, α = ½ and 298 K, the interfacial
    /// current–voltage relation departs from linear by at most 0.6 % (sinh x/x − 1, x = F·ΔV/(4RT)).
    /// </summary>
    public double SmallSignalLimitVolts { get; init; } = 0.020;

    /// <summary>
    /// Steady-state criterion: a straight line is fitted to I(t) over the plateau window; the current is not at steady
    /// state when the line's change over the window, |slope|·(window duration), exceeds this fraction of I_ss AND the
    /// slope differs from 0 by more than 2 standard errors. Default 0.01 (1 %).
    /// </summary>
    public double SteadyStateTolerance { get; init; } = 0.01;

    /// <summary>Largest tolerated relative change |R_i,ss − R_i,0|/R_i,0 of the interfacial resistance. Default 0.20.</summary>
    public double InterfacialDriftTolerance { get; init; } = 0.20;

    /// <summary>Largest tolerated relative change |R_b,ss − R_b,0|/R_b,0 of the bulk resistance. Default 0.05.</summary>
    public double BulkDriftTolerance { get; init; } = 0.05;

    /// <summary>Largest tolerated relative difference |I₀,extrapolated − I₀,Ohm|/I₀,Ohm. Default 0.10.</summary>
    public double InitialCurrentAgreementTolerance { get; init; } = 0.10;

    /// <summary>Options of the exponential fit of the decay. Default <see cref="NonlinearFitOptions.Default"/>.</summary>
    public NonlinearFitOptions Solver { get; init; } = NonlinearFitOptions.Default;

    internal void Validate()
    {
        if (!Enum.IsDefined(InitialCurrentMethod))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialCurrentMethod), InitialCurrentMethod, "InitialCurrentMethod must be OhmsLaw or Extrapolated.");
        }

        if (!Enum.IsDefined(SteadyStateCurrentMethod))
        {
            throw new ArgumentOutOfRangeException(nameof(SteadyStateCurrentMethod), SteadyStateCurrentMethod, "SteadyStateCurrentMethod must be Plateau or ExponentialFit.");
        }

        Preconditions.CheckOpenUnitInterval(PlateauFraction, nameof(PlateauFraction));
        Preconditions.CheckPositive(SmallSignalLimitVolts, nameof(SmallSignalLimitVolts));
        Preconditions.CheckPositive(SteadyStateTolerance, nameof(SteadyStateTolerance));
        Preconditions.CheckPositive(InterfacialDriftTolerance, nameof(InterfacialDriftTolerance));
        Preconditions.CheckPositive(BulkDriftTolerance, nameof(BulkDriftTolerance));
        Preconditions.CheckPositive(InitialCurrentAgreementTolerance, nameof(InitialCurrentAgreementTolerance));
        ArgumentNullException.ThrowIfNull(Solver, nameof(Solver));
    }
}
