namespace Electrochem.Diffusion;

/// <summary>Current programs for <see cref="TitrationSimulator"/>: the step lists of the common titrations.</summary>
public static class TitrationProgram
{
    /// <summary>GITT: <paramref name="pulses"/> times a pulse of I for τ followed by a rest.</summary>
    /// <param name="pulseAmperes">I (A, &gt; 0 charge, &lt; 0 discharge, non-zero).</param>
    /// <param name="pulseSeconds">τ (s).</param>
    /// <param name="restSeconds">The rest after each pulse (s).</param>
    /// <param name="pulses">How many pulses (≥ 1).</param>
    /// <returns>The steps: pulse, rest, pulse, rest, …</returns>
    public static CurrentStep[] Gitt(double pulseAmperes, double pulseSeconds, double restSeconds, int pulses)
    {
        CheckCurrent(pulseAmperes);
        Preconditions.CheckPositive(pulseSeconds);
        Preconditions.CheckPositive(restSeconds);
        CheckCount(pulses);
        var steps = new CurrentStep[2 * pulses];
        for (int k = 0; k < pulses; k++)
        {
            steps[2 * k] = new CurrentStep(pulseSeconds, pulseAmperes);
            steps[(2 * k) + 1] = new CurrentStep(restSeconds, 0);
        }

        return steps;
    }

    /// <summary>
    /// Intermittent current interruption (ICI): a constant current held for <paramref name="currentSeconds"/>, then
    /// interrupted (0 A) for <paramref name="interruptionSeconds"/>, <paramref name="interruptions"/> times.
    /// </summary>
    /// <param name="amperes">The constant current (A, non-zero).</param>
    /// <param name="currentSeconds">Current time between interruptions (s).</param>
    /// <param name="interruptionSeconds">Length of each interruption (s), typically 1–10 s.</param>
    /// <param name="interruptions">How many interruptions (≥ 1).</param>
    /// <returns>The steps: current, interruption, current, …, ending with a current step.</returns>
    public static CurrentStep[] Interrupted(double amperes, double currentSeconds, double interruptionSeconds, int interruptions)
    {
        CheckCurrent(amperes);
        Preconditions.CheckPositive(currentSeconds);
        Preconditions.CheckPositive(interruptionSeconds);
        CheckCount(interruptions);
        var steps = new CurrentStep[(2 * interruptions) + 1];
        for (int k = 0; k < interruptions; k++)
        {
            steps[2 * k] = new CurrentStep(currentSeconds, amperes);
            steps[(2 * k) + 1] = new CurrentStep(interruptionSeconds, 0);
        }

        steps[^1] = new CurrentStep(currentSeconds, amperes);
        return steps;
    }

    private static void CheckCurrent(double amperes)
    {
        if (!double.IsFinite(amperes) || amperes == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amperes), amperes, $"The current must be finite and non-zero but was {Preconditions.Format(amperes)} A.");
        }
    }

    private static void CheckCount(int count)
    {
        if (count < 1 || count > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The number of pulses or interruptions must lie between 1 and 1,000,000.");
        }
    }
}
