namespace Electrochem.Kinetics;

/// <summary>What a <see cref="KineticsWarning"/> is about.</summary>
public enum KineticsWarningKind
{
    /// <summary>A Tafel branch had no region meeting the selection criterion (too few points, too narrow a current range, or no points far enough from equilibrium).</summary>
    BranchNotFound,

    /// <summary>Points whose current has the wrong sign for their overpotential (anodic η with cathodic current or vice versa) were left out.</summary>
    WrongSignCurrentExcluded,

    /// <summary>The anodic and cathodic branches give exchange current densities that disagree beyond their uncertainties.</summary>
    BranchesDisagree,

    /// <summary>The low-field window reaches overpotentials where the linearised Butler–Volmer equation is off by more than the stated tolerance.</summary>
    LinearisationErrorExceeded,
}
