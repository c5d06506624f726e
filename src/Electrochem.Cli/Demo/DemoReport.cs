using System.Collections.Immutable;
using System.Text;
using Electrochem.Cli.Formatting;

namespace Electrochem.Cli.Demo;

/// <summary>Runs the demo's sections and lays their rows out as text, or as an HTML report with figures, under a statement that the data are synthetic.</summary>
internal static class DemoReport
{
    private static readonly string Synthetic = "THE DATA ARE SYNTHETIC. The paper's raw data are not public, so the example files bundled with this tool were "
        + "generated from the paper's reported values with realistic noise by a seeded generator (DemoDataGenerator, seed " + DemoDataGenerator.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "; "
        + "write them out with `electrochem demo --export-data DIR`). Agreement with the paper shows that the analyses recover what was put in; "
        + "it is not a re-analysis of the authors' measurements.";

    private const string Reading = "Reading the tables: x ± u is a value with its standard uncertainty u (one standard deviation); \"95% CI\" is the 95 % "
        + "confidence interval; \"paper is 0.5 u above\" says how many of our standard uncertainties the paper's value lies from ours.";

    /// <summary>The widest line the demo prints.</summary>
    internal const int MaximumWidth = 120;

    private static void AppendWrapped(StringBuilder text, string paragraph)
    {
        foreach (string line in TextTable.Wrap(paragraph, MaximumWidth))
        {
            text.Append(line).Append('\n');
        }
    }

    /// <summary>Every section's rows, the sections run in parallel; computed once for both the text and the HTML page.</summary>
    internal static ImmutableArray<DemoRow>[] Rows(DemoData data, ImmutableArray<IDemoSection> sections) => RunAll(sections, section => section.Run(data));

    /// <summary>The whole demo as text, from the sections' <paramref name="results"/> (<see cref="Rows"/>).</summary>
    internal static string Text(ImmutableArray<IDemoSection> sections, ImmutableArray<DemoRow>[] results)
    {
        var text = new StringBuilder();
        AppendWrapped(text, "Electrochem demo: the reference study's analyses, each result beside the value the paper reports.");
        AppendWrapped(text, $"Reference study: {ReferenceStudy.Citation}; {ReferenceStudy.BasePta} (no additive) vs {ReferenceStudy.IspnPta} (1 wt% isopropyl nitrate).");
        text.Append('\n');
        AppendWrapped(text, Synthetic);
        text.Append('\n');
        AppendWrapped(text, Reading + " The indented line under a row is its note.");
        for (int k = 0; k < sections.Length; k++)
        {
            IDemoSection section = sections[k];
            text.Append('\n');
            AppendWrapped(text, section.Title);
            var table = new TextTable("Quantity", "Material", "Electrochem", "Paper");
            foreach (DemoRow row in results[k])
            {
                table.AddWithNote(row.Note, row.Quantity, row.Material, row.Electrochem, row.Paper);
            }

            table.AppendTo(text, MaximumWidth);
        }

        return text.ToString();
    }

    /// <summary>
    /// The whole demo as one self-contained HTML page: the provenance of the data first, then per section its table
    /// (quantity, material, Electrochem's value, the paper's, the note) and its figures, inlined as SVG so the page needs no
    /// other file. The rows are the sections' <paramref name="results"/> (<see cref="Rows"/>); the figures are drawn here.
    /// </summary>
    internal static string Html(DemoData data, ImmutableArray<IDemoSection> sections, ImmutableArray<DemoRow>[] results)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Electrochem demo: the reference study</title>\n<style>\n");
        html.Append("body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
            .Append("table{border-collapse:collapse;margin:1em 0;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}")
            .Append("th{background:#f4f4f4}td.note{color:#555;font-size:.9em}.synthetic{border:2px solid #D55E00;padding:.6em 1em;background:#fff6ef}")
            .Append("figure{display:inline-block;margin:.5em 1em .5em 0;max-width:640px}figcaption{font-size:.9em;color:#444}svg{max-width:100%;height:auto}\n");
        html.Append("</style>\n</head>\n<body>\n<h1>Electrochem demo: the reference study's analyses</h1>\n");
        html.Append("<p>Reference study: ").Append(Escape(ReferenceStudy.Citation)).Append("; ").Append(Escape(ReferenceStudy.BasePta))
            .Append(" (no additive) vs ").Append(Escape(ReferenceStudy.IspnPta)).Append(" (1 wt% isopropyl nitrate). Each result is shown beside the value the paper reports.</p>\n");
        html.Append("<p class=\"synthetic\"><strong>Provenance.</strong> ").Append(Escape(Synthetic)).Append("</p>\n");
        html.Append("<p>").Append(Escape(Reading)).Append("</p>\n");
        ImmutableArray<DemoFigure>[] figures = RunAll(sections, section => section.Figures(data));
        for (int k = 0; k < sections.Length; k++)
        {
            IDemoSection section = sections[k];
            html.Append("<section>\n<h2>").Append(Escape(section.Title)).Append("</h2>\n<table>\n<tr><th>Quantity</th><th>Material</th><th>Electrochem</th><th>Paper</th><th>Note</th></tr>\n");
            foreach (DemoRow row in results[k])
            {
                html.Append("<tr><td>").Append(Escape(row.Quantity)).Append("</td><td>").Append(Escape(row.Material)).Append("</td><td>").Append(Escape(row.Electrochem))
                    .Append("</td><td>").Append(Escape(row.Paper)).Append("</td><td class=\"note\">").Append(Escape(row.Note)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
            foreach (DemoFigure figure in figures[k])
            {
                string svg = figure.Figure.ToSvg();
                int start = svg.IndexOf("<svg", StringComparison.Ordinal);
                html.Append("<figure>").Append(start >= 0 ? svg[start..] : svg).Append("<figcaption>").Append(Escape(figure.Caption)).Append("</figcaption></figure>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>
    /// One piece of work per section (its rows, or its figures), the sections run side by side (they share only the
    /// immutable data; each takes the next section as it finishes, so the long fits spread over the cores), results in
    /// the sections' order. A section's failure is rethrown as itself, not wrapped.
    /// </summary>
    private static T[] RunAll<T>(ImmutableArray<IDemoSection> sections, Func<IDemoSection, T> work)
    {
        var results = new T[sections.Length];
        try
        {
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(Enumerable.Range(0, sections.Length), System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
                k => results[k] = work(sections[k]));
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failed.InnerExceptions[0]).Throw();
        }

        return results;
    }
}
