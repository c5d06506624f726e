using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Electrochem.Cli.Tests;

/// <summary>
/// Every <c>```csharp</c> block of README.md and docs/*.md compiles as a program of its own (top-level statements)
/// against the library, with only the usings a new console project has implicitly (System, System.IO, System.Linq,
/// System.Collections.Generic, System.Threading, System.Threading.Tasks, System.Net.Http): a snippet names its
/// Electrochem namespaces and defines what it uses, so a reader can paste it and run it.
/// </summary>
public sealed partial class DocsSnippetTests
{
    private const string ImplicitUsings = "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; global using System.Threading; global using System.Threading.Tasks; global using System.Net.Http;";

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        // The runtime's own assemblies, and the library's (loaded through the tool this project references).
        _ = typeof(Electrochem.Impedance.Circuit).Assembly;
        _ = typeof(Electrochem.IO.Impedance.ImpedanceFile).Assembly;
        string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        IEnumerable<string> library = Directory.EnumerateFiles(AppContext.BaseDirectory, "Electrochem*.dll").Where(f => !f.Contains("Tests", StringComparison.Ordinal) && !f.EndsWith("Electrochem.Cli.dll", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "ScottPlot*.dll"));
        return [.. trusted.Concat(library).Distinct().Select(p => MetadataReference.CreateFromFile(p))];
    });

    /// <summary>The repository root: the nearest folder above the test output holding README.md and docs/.</summary>
    private static string Root()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "README.md")) && Directory.Exists(Path.Combine(d.FullName, "docs")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (README.md and docs/) was not found above the test output.");
    }

    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        string root = Root();
        foreach (string file in new[] { Path.Combine(root, "README.md") }.Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal)))
        {
            int count = Block().Count(File.ReadAllText(file));
            for (int k = 0; k < count; k++)
            {
                data.Add(Path.GetRelativePath(root, file), k + 1);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Compiles(string file, int number)
    {
        string code = Block().Matches(File.ReadAllText(Path.Combine(Root(), file)))[number - 1].Groups["code"].Value;
        CSharpCompilation compilation = CSharpCompilation.Create(
            $"snippet{number}",
            [CSharpSyntaxTree.ParseText(ImplicitUsings), CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        string[] errors = [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")];
        Assert.True(errors.Length == 0, $"{file}, C# block {number} does not compile:\n{string.Join('\n', errors)}\n---\n{code}");
    }

    /// <summary>The two model-file examples of docs/impedance.md load: Electrochem's own schema, and impedance.py's.</summary>
    [Fact]
    public void The_model_file_examples_load()
    {
        string[] json = [.. JsonBlock().Matches(File.ReadAllText(Path.Combine(Root(), "docs", "impedance.md"))).Select(m => m.Groups["code"].Value)];
        Assert.Equal(2, json.Length);
        Electrochem.Impedance.CircuitModel own = Electrochem.Impedance.CircuitModel.FromJson(json[0]);
        Assert.Equal(6, own.Values.Length);
        Assert.Equal(120, own["Wo1_1"]);
        Electrochem.Impedance.CircuitModel peer = Electrochem.Impedance.CircuitModel.FromImpedancePyJson(json[1]);
        Assert.Equal(0.01, peer["R0"]);
    }

    [GeneratedRegex(@"^```json\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(@"^```csharp\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();
}
