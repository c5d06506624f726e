using System.Collections.Immutable;

namespace Electrochem.Cycling;

/// <summary>
/// The critical current density of a symmetric cell under stepped current: the current levels (consecutive
/// half-cycles whose |I| agrees within 2 %), the step in which the first short was found (by the criteria of
/// <see cref="SymmetricCycling"/>), and the CCD — the current density of the last step completed before it.
/// </summary>
/// <param name="Steps">The current levels in order.</param>
/// <param name="FailedStep">The step holding the first short, or null when the cell survived every step.</param>
/// <param name="CriticalDensity">The last completed step's |I|/area (A/m²; ×0.1 for mA/cm²); null when it failed in the first step, when it never failed (then the CCD exceeds the last step: see <see cref="SurvivedAll"/>), or without an area.</param>
/// <param name="CriticalCurrentAmperes">The same as a current (A).</param>
/// <param name="Cycling">The half-cycle analysis it rests on.</param>
public sealed record CriticalCurrentDensity(ImmutableArray<CurrentDensityStep> Steps, CurrentDensityStep? FailedStep, double? CriticalDensity, double? CriticalCurrentAmperes, SymmetricCycling Cycling)
{
    /// <summary>True when no step failed: the CCD is above the highest current tried.</summary>
    public bool SurvivedAll => FailedStep is null;

    /// <summary>Groups a symmetric-cell analysis into current levels and finds the CCD.</summary>
    /// <param name="cycling">The half-cycles with their short signatures.</param>
    /// <returns>The steps and the CCD.</returns>
    public static CriticalCurrentDensity From(SymmetricCycling cycling)
    {
        ArgumentNullException.ThrowIfNull(cycling);
        var steps = ImmutableArray.CreateBuilder<CurrentDensityStep>();
        int first = 0;
        ImmutableArray<PolarizationHalfCycle> h = cycling.HalfCycles;
        for (int k = 1; k <= h.Length; k++)
        {
            if (k < h.Length && Math.Abs(Math.Abs(h[k].CurrentAmperes) - Math.Abs(h[first].CurrentAmperes)) <= 0.02 * Math.Abs(h[first].CurrentAmperes))
            {
                continue;
            }

            PolarizationHalfCycle[] members = [.. h.Skip(first).Take(k - first)];
            double amperes = members.Average(m => Math.Abs(m.CurrentAmperes));
            double? area = cycling.Options.AreaSquareMetres;
            bool failed = cycling.FirstShort is { } s && s.HalfCycle >= first && s.HalfCycle < k;
            steps.Add(new CurrentDensityStep(
                steps.Count,
                amperes,
                area is { } a ? amperes / a : null,
                first,
                members.Length,
                area is { } a2 ? members.Average(m => m.CapacityAmpereHours) / a2 : null,
                members.Average(m => m.PlateauVolts),
                failed));
            first = k;
        }

        ImmutableArray<CurrentDensityStep> all = steps.ToImmutable();
        CurrentDensityStep? failedStep = all.FirstOrDefault(s => s.Failed);
        CurrentDensityStep? last = failedStep is { Index: > 0 } f ? all[f.Index - 1] : null;
        return new CriticalCurrentDensity(all, failedStep, last?.CurrentDensity, last?.CurrentAmperes, cycling);
    }
}
