using System.Collections.Immutable;
using System.Text;
using Electrochem.Cli.Formatting;

namespace Electrochem.Cli.Demo;

/// <summary>Runs the demo's sections and lays their rows out as text under a statement that the data are synthetic.</summary>
internal static class DemoReport
{
    /// <summary>The whole demo as text.</summary>
    internal static string Text(DemoData data, ImmutableArray<IDemoSection> sections)
    {
        var text = new StringBuilder();
        text.Append("Electrochem demo: the reference study's analyses, each result beside the value the paper reports\n");
        text.Append($"Reference study: {ReferenceStudy.Citation}; {ReferenceStudy.BasePta} (no additive) vs {ReferenceStudy.IspnPta} (1 wt% isopropyl nitrate).\n");
        text.Append('\n');
        text.Append("THE DATA ARE SYNTHETIC. The paper's raw data are not public, so the example files bundled with this tool were\n");
        text.Append($"generated from the paper's reported values with realistic noise by a seeded generator (DemoDataGenerator, seed\n");
        text.Append($"{DemoDataGenerator.Seed}; write them out with `electrochem demo --export-data DIR`). Agreement with the paper shows that the\n");
        text.Append("analyses recover what was put in; it is not a re-analysis of the authors' measurements.\n");
        foreach (IDemoSection section in sections)
        {
            text.Append('\n').Append(section.Title).Append('\n');
            var table = new TextTable("Quantity", "Material", "Electrochem", "Paper", "Note");
            foreach (DemoRow row in section.Run(data))
            {
                table.Add(row.Quantity, row.Material, row.Electrochem, row.Paper, row.Note);
            }

            table.AppendTo(text);
        }

        return text.ToString();
    }
}
