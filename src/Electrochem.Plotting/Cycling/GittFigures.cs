using Electrochem.Cycling;

namespace Electrochem.Plotting.Cycling;

/// <summary>
/// Titration figures: the voltage of a GITT recording against time with the pulses the analysis found shaded and the
/// relaxed voltages marked, and the diffusion coefficient of every pulse (GITT) or interruption (ICI) on a logarithmic
/// axis against the state of charge, or the charge passed when no capacity was given. D is drawn in cm²/s (the
/// library's m²/s × 10⁴) with its standard uncertainty as a bar, over at least one decade; pulses the analysis flagged
/// are drawn open; charge pulses as upward triangles, discharge pulses as downward ones.
/// </summary>
public static class GittFigures
{
    /// <summary>The voltage against time of the recording a titration was found in, with its pulses.</summary>
    /// <param name="titration">The GITT analysis of the recording.</param>
    /// <param name="recording">The recording analysed (its test time and voltage are drawn).</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    public static Figure Voltage(GittTitration titration, CyclerRecording recording, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return Voltage(titration, recording.TestTime.Values, recording.Voltage.Values, style);
    }

    /// <summary>
    /// E against t with each pulse shaded (charge and discharge in their own colours) and each pulse's relaxed voltage
    /// E_s at the end of its rest marked (open where the pulse was flagged).
    /// </summary>
    /// <param name="titration">The GITT analysis of these data.</param>
    /// <param name="timeSeconds">Test time in s.</param>
    /// <param name="voltage">E in V at each time.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, hold fewer than 2 points, or a value is not finite.</exception>
    public static Figure Voltage(GittTitration titration, ReadOnlySpan<double> timeSeconds, ReadOnlySpan<double> voltage, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(titration);
        FigureBuilder.CheckPairs(timeSeconds.Length, voltage.Length, nameof(timeSeconds), nameof(voltage), 2);
        double[] t = timeSeconds.ToArray();
        double[] e = voltage.ToArray();
        if (t.Any(v => !double.IsFinite(v)) || e.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Every time and voltage must be finite to be drawn.", nameof(voltage));
        }

        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        double origin = t[0];
        UnitScale time = UnitScale.Time(t[^1] - origin);
        double X(double seconds) => (seconds - origin) * time.Factor;
        foreach (PulseDirection direction in new[] { PulseDirection.Charge, PulseDirection.Discharge })
        {
            GittPulse[] pulses = [.. titration.Pulses.Where(p => p.Direction == direction)];
            for (int k = 0; k < pulses.Length; k++)
            {
                var span = plot.Add.HorizontalSpan(X(pulses[k].StartTime), X(pulses[k].EndTime), Colour(style, direction).WithAlpha(0.35));
                span.LineColor = Colour(style, direction).WithAlpha(0.6);
                span.LegendText = k == 0 ? $"{(direction == PulseDirection.Charge ? "charge" : "discharge")} pulses ({pulses.Length})" : string.Empty;
            }
        }

        FigureBuilder.Line(plot, [.. t.Select(X)], e, style.Colour(0), "E", 1.2f);
        GittPulse[] relaxed = [.. titration.Pulses.Where(p => p.RelaxedVoltage is not null && p.RestSeconds > 0)];
        foreach (bool usable in new[] { true, false })
        {
            GittPulse[] group = [.. relaxed.Where(p => (p.Concerns == GittConcerns.None) == usable)];
            if (group.Length > 0)
            {
                FigureBuilder.Points(plot, [.. group.Select(p => X(p.EndTime + p.RestSeconds))], [.. group.Select(p => p.RelaxedVoltage!.Value)], style.Colour(5), usable ? "E_s (end of rest)" : "E_s, pulse flagged", usable ? ScottPlot.MarkerShape.FilledCircle : ScottPlot.MarkerShape.OpenCircle, 7);
            }
        }

        plot.XLabel($"t ({time.Unit})");
        plot.YLabel("E (V)");
        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    /// <summary>
    /// D of every GITT pulse (Weppner–Huggins) against the state of charge after it (or the net charge passed, when no
    /// capacity was given), charge and discharge pulses apart; flagged pulses open.
    /// </summary>
    /// <param name="titration">The GITT analysis, made with the diffusion length so that D exists.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">No pulse has a diffusion coefficient (the analysis was not given the diffusion length, or no pulse qualified).</exception>
    public static Figure Diffusivity(GittTitration titration, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(titration);
        GittPulse[] pulses = [.. titration.Pulses.Where(p => p.DiffusionCoefficient is { Value: > 0 } d && double.IsFinite(d.Value))];
        if (pulses.Length == 0)
        {
            throw new ArgumentException($"{titration.SourceName}: no pulse has a diffusion coefficient to draw; analyse with the diffusion length (GittOptions.DiffusionLengthMetres).", nameof(titration));
        }

        bool soc = pulses.All(p => p.StateOfCharge is not null);
        UnitScale charge = UnitScale.Charge(pulses.Max(p => Math.Abs(p.CumulativeChargeAmpereHours)));
        var points = pulses.Select(p => new Point(
            soc ? p.StateOfCharge!.Value * 100 : p.CumulativeChargeAmpereHours * charge.Factor,
            p.DiffusionCoefficient!.Value,
            p.Direction == PulseDirection.Charge,
            p.Concerns == GittConcerns.None));
        return Draw(points, soc ? "state of charge (%)" : $"net charge passed ({charge.Unit})", "pulse", style);
    }

    /// <summary>D of every ICI interruption against the net charge passed before it; interruptions the analysis flagged open.</summary>
    /// <param name="titration">The ICI analysis, made with the diffusion length so that D exists.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">No interruption has a diffusion coefficient.</exception>
    public static Figure Diffusivity(IciTitration titration, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(titration);
        IciInterruption[] interruptions = [.. titration.Interruptions.Where(p => p.DiffusionCoefficient is { Value: > 0 } d && double.IsFinite(d.Value))];
        if (interruptions.Length == 0)
        {
            throw new ArgumentException($"{titration.SourceName}: no interruption has a diffusion coefficient to draw; analyse with the diffusion length (IciOptions.DiffusionLengthMetres).", nameof(titration));
        }

        UnitScale charge = UnitScale.Charge(interruptions.Max(p => Math.Abs(p.CumulativeChargeAmpereHours)));
        var points = interruptions.Select(p => new Point(p.CumulativeChargeAmpereHours * charge.Factor, p.DiffusionCoefficient!.Value, p.CurrentAmperes > 0, p.Concerns == GittConcerns.None));
        return Draw(points, $"net charge passed ({charge.Unit})", "interruption", style);
    }

    private static Figure Draw(IEnumerable<Point> points, string xLabel, string what, FigureStyle? style)
    {
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        Point[] all = [.. points];
        foreach (bool charge in new[] { true, false })
        {
            foreach (bool usable in new[] { true, false })
            {
                Point[] group = [.. all.Where(p => p.Charge == charge && p.Usable == usable)];
                if (group.Length == 0)
                {
                    continue;
                }

                PulseDirection direction = charge ? PulseDirection.Charge : PulseDirection.Discharge;
                double[] x = [.. group.Select(p => p.X)];
                double[] y = [.. group.Select(p => Math.Log10(p.Diffusivity.Value * 1e4))];
                double[] error = [.. group.Select(p => p.Diffusivity.StandardUncertainty > 0 ? p.Diffusivity.StandardUncertainty / (p.Diffusivity.Value * Math.Log(10)) : 0)];
                var bars = plot.Add.ErrorBar(x, y, error);
                bars.Color = Colour(style, direction);
                FigureBuilder.Points(plot, x, y, Colour(style, direction), $"{(charge ? "charge" : "discharge")}{(usable ? string.Empty : $", {what} flagged")}", Shape(charge, usable), 8);
            }
        }

        // At least a decade of D, centred on the data: a flat D should look flat, not like scatter magnified.
        double lowest = all.Min(p => Math.Log10(p.Diffusivity.Value * 1e4));
        double highest = all.Max(p => Math.Log10(p.Diffusivity.Value * 1e4));
        if (highest - lowest < 1)
        {
            double middle = (lowest + highest) / 2;
            plot.Axes.SetLimitsY(middle - 0.5, middle + 0.5);
        }

        FigureBuilder.LogarithmicLeft(plot);
        plot.XLabel(xLabel);
        plot.YLabel("D (cm²/s)");
        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    /// <summary>Triangles pointing the way the pulse moved the state of charge (up on charge), filled when usable.</summary>
    private static ScottPlot.MarkerShape Shape(bool charge, bool usable) => (charge, usable) switch
    {
        (true, true) => ScottPlot.MarkerShape.FilledTriangleUp,
        (true, false) => ScottPlot.MarkerShape.OpenTriangleUp,
        (false, true) => ScottPlot.MarkerShape.FilledTriangleDown,
        _ => ScottPlot.MarkerShape.OpenTriangleDown,
    };

    private static ScottPlot.Color Colour(FigureStyle style, PulseDirection direction) => style.Colour(direction == PulseDirection.Charge ? 1 : 4);

    /// <summary>One D to draw: where, its value in m²/s, and how to draw it.</summary>
    private readonly record struct Point(double X, Measurement Diffusivity, bool Charge, bool Usable);
}
