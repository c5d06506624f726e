using System.Globalization;

namespace Electrochem.Package.Tests;

/// <summary>
/// Packs every project under src/ once for the test class, at a unique pre-release version
/// 0.1.0-test.&lt;unique&gt; into &lt;repo&gt;/artifacts/packages, and deletes what it produced afterwards (the packages, and
/// the extracted copy the consumer's restore put into the global packages folder).
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public PackedPackage()
    {
        RepositoryRoot = FindRepositoryRoot();
        PackageDirectory = Path.Combine(RepositoryRoot, "artifacts", "packages");
        Version = string.Create(CultureInfo.InvariantCulture, $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.g{Guid.NewGuid():N}");
        PackedProjects = Directory.GetFiles(Path.Combine(RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The directory holding Electrochem.sln.</summary>
    public string RepositoryRoot { get; }

    /// <summary>&lt;repo&gt;/artifacts/packages, the local feed the repository's nuget.config already lists.</summary>
    public string PackageDirectory { get; }

    /// <summary>The unique version every package of this run was packed at.</summary>
    public string Version { get; }

    /// <summary>Every .csproj under src/, each packed with `dotnet pack`.</summary>
    public IReadOnlyList<string> PackedProjects { get; }

    /// <summary>One `dotnet pack` result per entry of <see cref="PackedProjects"/>.</summary>
    public IReadOnlyList<ProcessResult> PackResults { get; private set; } = [];

    public string PackagePath(string id) => Path.Combine(PackageDirectory, $"{id}.{Version}.nupkg");

    public string SymbolPackagePath(string id) => Path.Combine(PackageDirectory, $"{id}.{Version}.snupkg");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(PackageDirectory);
        var results = new List<ProcessResult>();
        foreach (string project in PackedProjects)
        {
            // The tool as scripts/install-tool.sh packs it: for this machine's runtime, ReadyToRun.
            string[] tool = Path.GetFileName(project) == "Electrochem.Cli.csproj" ? [$"-p:ToolRuntimes={System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}"] : [];
            results.Add(await DotNetProcess.RunAsync(RepositoryRoot,
            [
                "pack", project, "-c", "Release", "-o", PackageDirectory, $"-p:Version={Version}", "--nologo", .. tool,
            ]));
        }

        PackResults = results;
    }

    public ValueTask DisposeAsync()
    {
        foreach (string file in Directory.GetFiles(PackageDirectory, $"*.{Version}.*nupkg"))
        {
            File.Delete(file);
        }

        string globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (string project in PackedProjects)
        {
            string extracted = Path.Combine(globalPackages, Path.GetFileNameWithoutExtension(project).ToLowerInvariant(), Version);
            if (Directory.Exists(extracted))
            {
                Directory.Delete(extracted, recursive: true);
            }
        }

        return ValueTask.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Electrochem.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Electrochem.sln in {AppContext.BaseDirectory} or any directory above it.");
    }
}
