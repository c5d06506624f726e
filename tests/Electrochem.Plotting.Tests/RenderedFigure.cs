using System.Buffers.Binary;
using Electrochem.Plotting;

namespace Electrochem.Plotting.Tests;

/// <summary>What can be checked of a figure without eyes: the PNG is a PNG of the style's size, the SVG holds the texts.</summary>
internal static class RenderedFigure
{
    /// <summary>How many figures each test has written so far: a test that checks several figures writes name.png, name-2.png, ….</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Written = new();

    /// <summary>Renders both formats and checks the PNG signature and size and that the SVG contains every expected text.</summary>
    internal static string Check(Figure figure, params string[] texts)
    {
        byte[] png = figure.ToPng();
        Assert.True(png.Length > 2_000, $"a PNG of {png.Length} bytes is too small to hold a figure");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(figure.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(figure.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        if (Environment.GetEnvironmentVariable("ELECTROCHEM_FIGURES") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            string name = new System.Diagnostics.StackTrace().GetFrame(1)!.GetMethod()!.Name;
            int count = Written.AddOrUpdate(name, 1, (_, n) => n + 1);
            File.WriteAllBytes(Path.Combine(folder, name + (count == 1 ? string.Empty : "-" + count.ToString(System.Globalization.CultureInfo.InvariantCulture)) + ".png"), png);
        }

        string svg = figure.ToSvg();
        var document = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        string[] written = [.. document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value)];
        foreach (string text in texts)
        {
            Assert.True(written.Any(w => w.Contains(text, StringComparison.Ordinal)), $"the SVG has no text containing '{text}'; its texts: {string.Join(" | ", written)}");
        }

        return svg;
    }
}
