using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Checks the current's sign against the file's own step-type labels: when the rows a file labels as discharge carry
/// positive current and those it labels as charge negative (BattMo's Battery Data Format exports, some scripts), the
/// current is negated so that it is positive on charge, with a warning. Labels it cannot read leave the current alone.
/// </summary>
internal static class StepTypeSign
{
    /// <summary>The share of labelled rows (with current) that must disagree before the sign is changed.</summary>
    private const double Agreement = 0.9;

    internal static void Check(List<RecordingColumn> numeric, List<RecordingTextColumn> text, List<string> notes)
    {
        RecordingTextColumn? labels = text.Find(c => c.IsStepType);
        int index = numeric.FindIndex(c => c.Quantity == RecordingQuantity.Current);
        if (labels is null || index < 0)
        {
            return;
        }

        int[] side = [.. labels.Categories.Select(Side)];
        ReadOnlySpan<int> codes = labels.Codes;
        ReadOnlySpan<double> current = numeric[index].Values;
        int chargePositive = 0, chargeNegative = 0, dischargePositive = 0, dischargeNegative = 0;
        for (int i = 0; i < codes.Length; i++)
        {
            if (codes[i] < 0 || current[i] == 0)
            {
                continue;
            }

            switch (side[codes[i]])
            {
                case 1 when current[i] > 0: chargePositive++; break;
                case 1: chargeNegative++; break;
                case -1 when current[i] > 0: dischargePositive++; break;
                case -1: dischargeNegative++; break;
            }
        }

        int labelled = chargePositive + chargeNegative + dischargePositive + dischargeNegative;
        if (labelled == 0 || dischargePositive + chargeNegative < Agreement * labelled)
        {
            return;
        }

        RecordingColumn column = numeric[index];
        double[] negated = new double[current.Length];
        for (int i = 0; i < negated.Length; i++)
        {
            negated[i] = -current[i];
        }

        numeric[index] = new RecordingColumn(column.Name, column.Quantity, column.Unit, negated, column.Origin with { Scale = -column.Origin.Scale, Note = "negated: the file's step types show positive current on discharge" });
        notes.Add($"the step types in '{labels.Origin.Header}' label {dischargePositive + chargeNegative} of {labelled} rows with current as discharge with positive current (or charge with negative): the file signs current positive on discharge, so the current was negated (positive on charge)");
    }

    /// <summary>+1 for a charge label, −1 for a discharge label, 0 for anything else (rest, OCV, unknown).</summary>
    private static int Side(string label)
    {
        string l = label.Trim().ToLowerInvariant();
        if (l is "d" || l.Contains("dis", StringComparison.Ordinal) || l.Contains("dchg", StringComparison.Ordinal))
        {
            return -1;
        }

        return l is "c" || l.Contains("charge", StringComparison.Ordinal) || l.Contains("chg", StringComparison.Ordinal) ? 1 : 0;
    }
}
