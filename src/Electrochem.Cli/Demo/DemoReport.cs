using System.Collections.Immutable;
using System.Text;
using Electrochem.Cli.Formatting;

namespace Electrochem.Cli.Demo;

/// <summary>Runs the demo's sections and lays their rows out as text under a statement that the data are synthetic.</summary>
internal static class DemoReport
{
    /// <summary>The widest line the demo prints.</summary>
    internal const int MaximumWidth = 120;

    private static void AppendWrapped(StringBuilder text, string paragraph)
    {
        foreach (string line in TextTable.Wrap(paragraph, MaximumWidth))
        {
            text.Append(line).Append('\n');
        }
    }

    /// <summary>The whole demo as text.</summary>
    internal static string Text(DemoData data, ImmutableArray<IDemoSection> sections)
    {
        var text = new StringBuilder();
        AppendWrapped(text, "Electrochem demo: the reference study's analyses, each result beside the value the paper reports.");
        AppendWrapped(text, $"Reference study: {ReferenceStudy.Citation}; {ReferenceStudy.BasePta} (no additive) vs {ReferenceStudy.IspnPta} (1 wt% isopropyl nitrate).");
        text.Append('\n');
        AppendWrapped(text, "THE DATA ARE SYNTHETIC. The paper's raw data are not public, so the example files bundled with this tool were "
            + $"generated from the paper's reported values with realistic noise by a seeded generator (DemoDataGenerator, seed {DemoDataGenerator.Seed}; "
            + "write them out with `electrochem demo --export-data DIR`). Agreement with the paper shows that the analyses recover what was put in; "
            + "it is not a re-analysis of the authors' measurements.");
        text.Append('\n');
        AppendWrapped(text, "Reading the tables: x ± u is a value with its standard uncertainty u (one standard deviation); \"95% CI\" is the 95 % "
            + "confidence interval; \"paper is 0.5 u above\" says how many of our standard uncertainties the paper's value lies from ours. "
            + "The indented line under a row is its note.");
        foreach (IDemoSection section in sections)
        {
            text.Append('\n');
            AppendWrapped(text, section.Title);
            var table = new TextTable("Quantity", "Material", "Electrochem", "Paper");
            foreach (DemoRow row in section.Run(data))
            {
                table.AddWithNote(row.Note, row.Quantity, row.Material, row.Electrochem, row.Paper);
            }

            table.AppendTo(text, MaximumWidth);
        }

        return text.ToString();
    }
}
