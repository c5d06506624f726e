namespace Electrochem.Plotting;

/// <summary>
/// Ticks for an axis whose data are plotted as log₁₀ values: labelled decades (10ⁿ) with unlabelled ticks at 2–9 × 10ⁿ
/// between them; over less than about three decades the 2 × 10ⁿ and 5 × 10ⁿ ticks are labelled too (and every k × 10ⁿ
/// below half a decade), and over a range too narrow even for those, evenly spaced values written in full, so that a
/// narrow axis never shows fewer than two numbers. An axis that stays between 0.01 and 10⁴ is labelled in plain
/// numbers (0.5, 1, 2, 5, 10, …). Over many decades only every m-th decade is labelled, keeping about ten labels.
/// </summary>
internal sealed class LogarithmicTicks : ScottPlot.ITickGenerator
{
    /// <summary>The ticks of the latest range.</summary>
    public ScottPlot.Tick[] Ticks { get; set; } = [];

    /// <summary>Largest number of ticks kept (ScottPlot's setting; the labelled ones are fewer).</summary>
    public int MaxTickCount { get; set; } = 10_000;

    /// <summary>Recomputes the ticks for a range of log₁₀ values.</summary>
    /// <param name="range">The axis range, in log₁₀ of the data.</param>
    /// <param name="edge">Which edge the axis is on (not used).</param>
    /// <param name="size">The axis length in pixels (not used).</param>
    /// <param name="paint">The paint (not used).</param>
    /// <param name="labelStyle">The label style (not used).</param>
    public void Regenerate(ScottPlot.CoordinateRange range, ScottPlot.Edge edge, ScottPlot.PixelLength size, ScottPlot.Paint paint, ScottPlot.LabelStyle labelStyle)
    {
        Ticks = Generate(range.Min, range.Max);
    }

    /// <summary>The ticks between two log₁₀ values.</summary>
    internal static ScottPlot.Tick[] Generate(double low, double high)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || high <= low)
        {
            return [];
        }

        double decades = high - low;
        int[] labelled = decades switch
        {
            < 0.6 => [1, 2, 3, 4, 5, 6, 7, 8, 9],
            < 3.1 => [1, 2, 5],
            _ => [1],
        };
        int every = Math.Max(1, (int)Math.Ceiling(decades / 10));
        bool plain = low >= -2 - 1e-9 && high < 4;
        var ticks = new List<ScottPlot.Tick>();
        for (int n = (int)Math.Floor(low); n <= (int)Math.Ceiling(high); n++)
        {
            for (int k = 1; k <= 9; k++)
            {
                double position = n + Math.Log10(k);
                if (position < low - 1e-9 || position > high + 1e-9)
                {
                    continue;
                }

                bool major = k == 1 ? n % every == 0 : every == 1 && labelled.Contains(k);
                if (major)
                {
                    string label = plain ? (k * Math.Pow(10, n)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)
                        : k == 1 ? FigureBuilder.PowerOfTen(n)
                        : k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "×" + FigureBuilder.PowerOfTen(n);
                    ticks.Add(ScottPlot.Tick.Major(position, label));
                }
                else if (every == 1 || k == 1)
                {
                    ticks.Add(ScottPlot.Tick.Minor(position));
                }
            }
        }

        return ticks.Count(t => t.IsMajor) >= 2 ? [.. ticks] : Linear(low, high);
    }

    /// <summary>Over a range too narrow for two k × 10ⁿ labels: evenly spaced round values (1, 2 or 5 × 10ᵐ apart), labelled in full.</summary>
    private static ScottPlot.Tick[] Linear(double low, double high)
    {
        double from = Math.Pow(10, low);
        double to = Math.Pow(10, high);
        double raw = (to - from) / 5;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1.0, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        int digits = Math.Max(2, (int)Math.Floor(Math.Log10(Math.Abs(to) / step)) + 1);
        var ticks = new List<ScottPlot.Tick>();
        for (double value = Math.Ceiling(from / step) * step; value <= to; value += step)
        {
            ticks.Add(ScottPlot.Tick.Major(Math.Log10(value), FigureText.Number(value, digits)));
        }

        return [.. ticks];
    }
}
