using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Electrochem.Package.Tests;

/// <summary>
/// Proves the Electrochem package is real: `dotnet pack` succeeds for every project under src/, the .nupkg holds the
/// library, its XML docs and the README with complete metadata, a .snupkg with the PDB sits beside it, and a program
/// outside the repository restores the package from the local feed and fits an Arrhenius law through it.
/// </summary>
public sealed partial class PackageTests(PackedPackage packed) : IClassFixture<PackedPackage>
{
    private const string PackageId = "Electrochem";
    private const int TimeoutMilliseconds = 10 * 60 * 1000;

    [Fact]
    public void Every_project_under_src_packs_without_error()
    {
        Assert.NotEmpty(packed.PackedProjects);
        Assert.Contains(packed.PackedProjects, p => Path.GetFileName(p) == "Electrochem.csproj");
        Assert.Equal(packed.PackedProjects.Count, packed.PackResults.Count);
        foreach (ProcessResult result in packed.PackResults)
        {
            Assert.True(result.Succeeded, result.Describe());
            Assert.DoesNotContain(": warning ", result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Package_holds_the_library_its_xml_docs_and_the_readme()
    {
        using ZipArchive package = OpenPackage();
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("lib/net10.0/Electrochem.dll", entries);
        Assert.Contains("lib/net10.0/Electrochem.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("Electrochem.nuspec", entries);

        string readme = ReadEntry(package, "README.md");
        Assert.Equal(File.ReadAllText(Path.Combine(packed.RepositoryRoot, "README.md")), readme);
        string xmlDocs = ReadEntry(package, "lib/net10.0/Electrochem.xml");
        Assert.Contains("M:Electrochem.Transport.Arrhenius.Fit(", xmlDocs, StringComparison.Ordinal);
    }

    [Fact]
    public void Nuspec_declares_version_license_readme_repository_and_dependencies()
    {
        using ZipArchive package = OpenPackage();
        XDocument nuspec = XDocument.Parse(ReadEntry(package, "Electrochem.nuspec"));
        XNamespace ns = nuspec.Root!.Name.Namespace;
        XElement metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.NotNull(metadata);

        Assert.Equal(PackageId, metadata.Element(ns + "id")?.Value);
        Assert.Equal(packed.Version, metadata.Element(ns + "version")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "authors")?.Value));

        XElement? license = metadata.Element(ns + "license");
        Assert.NotNull(license);
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);

        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);

        XElement? repository = metadata.Element(ns + "repository");
        Assert.NotNull(repository);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Matches(CommitHash(), repository.Attribute("commit")?.Value ?? string.Empty);
        string? url = repository.Attribute("url")?.Value;
        if (url is not null)
        {
            // A URL is published only for a hosted remote; a local path would leak the build machine's file system.
            Assert.Matches(HostedUrl(), url);
        }

        string[] dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToArray();
        Assert.Contains("MathNet.Numerics", dependencies);
        Assert.Contains("System.Numerics.Tensors", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Microsoft.SourceLink", StringComparison.Ordinal));
        Assert.Contains(metadata.Descendants(ns + "group"), g => g.Attribute("targetFramework")?.Value == "net10.0");
    }

    [Fact]
    public void Symbol_package_with_the_pdb_sits_next_to_the_package()
    {
        string symbols = packed.SymbolPackagePath(PackageId);
        Assert.True(File.Exists(symbols), $"{symbols} does not exist; the directory holds: {string.Join(", ", Directory.GetFiles(packed.PackageDirectory).Select(Path.GetFileName))}");
        using ZipArchive archive = ZipFile.OpenRead(symbols);
        Assert.Contains("lib/net10.0/Electrochem.pdb", archive.Entries.Select(e => e.FullName));
    }

    [Fact(Timeout = TimeoutMilliseconds)]
    public async Task A_program_outside_the_repository_restores_the_package_and_fits_an_Arrhenius_law()
    {
        Assert.True(File.Exists(packed.PackagePath(PackageId)), PackFailure());
        string consumer = Path.Combine(Path.GetTempPath(), $"electrochem-consumer-{Guid.NewGuid():N}");
        Assert.False(consumer.StartsWith(packed.RepositoryRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal), consumer);
        Directory.CreateDirectory(consumer);
        try
        {
            AssertNoInheritedBuildFiles(consumer);
            await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <InvariantGlobalization>true</InvariantGlobalization>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{PackageId}" Version="[{packed.Version}]" />
                  </ItemGroup>
                </Project>
                """, TestContext.Current.CancellationToken);
            // Adds the local feed and keeps the machine's default feed (no <clear/>) for the package's dependencies.
            await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="electrochem-under-test" value="{packed.PackageDirectory}" />
                  </packageSources>
                </configuration>
                """, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), """
                using System.Globalization;
                using System.Reflection;
                using Electrochem.Constants;
                using Electrochem.Transport;

                // Exact synthetic data: σ = 1000·exp(−0.24 eV/(k_B·T)) at 250, 265, …, 400 K.
                const double activationEnergy = 0.24;
                double[] kelvin = Enumerable.Range(0, 11).Select(i => 250.0 + (15.0 * i)).ToArray();
                double[] sigma = kelvin.Select(t => 1000.0 * Math.Exp(-activationEnergy / (PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin * t))).ToArray();
                var fit = Arrhenius.Fit(kelvin, sigma, ArrheniusForm.Conductivity);
                Console.WriteLine("Electrochem " + typeof(Arrhenius).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
                Console.WriteLine("Status " + fit.Status);
                Console.WriteLine("Ea " + fit["ActivationEnergy"].Value.ToString("F6", CultureInfo.InvariantCulture) + " eV");
                Console.WriteLine("Ea " + fit.ActivationEnergyKilojoulesPerMole().Value.ToString("F3", CultureInfo.InvariantCulture) + " kJ/mol");
                """, TestContext.Current.CancellationToken);

            ProcessResult run = await DotNetProcess.RunAsync(consumer, ["run", "-c", "Release"], cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(run.Succeeded, run.Describe());
            string[] lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(lines.Contains("Ea 0.240000 eV"), run.Describe());
            Assert.True(lines.Contains("Status Converged"), run.Describe());
            double kilojoules = 0.24 * 96.48533212331002;
            Assert.True(lines.Contains("Ea " + kilojoules.ToString("F3", CultureInfo.InvariantCulture) + " kJ/mol"), run.Describe());
            // The assembly that ran is the one just packed (its informational version starts with the unique version).
            Assert.True(lines.Any(l => l.StartsWith($"Electrochem {packed.Version}", StringComparison.Ordinal)), run.Describe());
        }
        finally
        {
            Directory.Delete(consumer, recursive: true);
        }
    }

    private static void AssertNoInheritedBuildFiles(string directory)
    {
        string[] inherited = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json"];
        for (DirectoryInfo? d = new DirectoryInfo(directory).Parent; d is not null; d = d.Parent)
        {
            foreach (string name in inherited)
            {
                Assert.False(File.Exists(Path.Combine(d.FullName, name)), $"{Path.Combine(d.FullName, name)} would leak into the consumer project.");
            }
        }
    }

    private ZipArchive OpenPackage()
    {
        string path = packed.PackagePath(PackageId);
        Assert.True(File.Exists(path), PackFailure());
        return ZipFile.OpenRead(path);
    }

    private string PackFailure() =>
        string.Create(CultureInfo.InvariantCulture, $"No {PackageId}.{packed.Version}.nupkg in {packed.PackageDirectory}.\n") +
        string.Join("\n", packed.PackResults.Select(r => r.Describe()));

    private static string ReadEntry(ZipArchive archive, string name)
    {
        ZipArchiveEntry entry = archive.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"The package has no entry '{name}'.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitHash();

    [GeneratedRegex("^(https?|ssh|git)://[^/]+/.+|^[^@/:]+@[^/:]+:.+")]
    private static partial Regex HostedUrl();

    // README's one step that makes `electrochem` a command: scripts/install-tool.sh packs the three projects and installs
    // the tool. Here it installs the packages this class already packed (--version, so nothing is packed twice) into a
    // temporary folder (--tool-path) instead of the global tools folder, then the command runs.
    [Fact(Timeout = TimeoutMilliseconds)]
    public async Task The_install_script_makes_electrochem_a_command_that_runs()
    {
        string tools = Path.Combine(Path.GetTempPath(), $"electrochem-tools-{Guid.NewGuid():N}");
        try
        {
            ProcessResult install = await DotNetProcess.RunProgramAsync("bash", packed.RepositoryRoot, ["scripts/install-tool.sh", "--tool-path", tools, "--version", packed.Version], cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(install.ExitCode == 0, $"{install.CommandLine} failed:\n{install.StandardOutput}\n{install.StandardError}");
            Assert.Contains("is installed in", install.StandardOutput, StringComparison.Ordinal);

            string command = Path.Combine(tools, OperatingSystem.IsWindows() ? "electrochem.exe" : "electrochem");
            ProcessResult help = await DotNetProcess.RunProgramAsync(command, packed.RepositoryRoot, ["--help"], cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(help.ExitCode == 0, $"{help.CommandLine} failed:\n{help.StandardOutput}\n{help.StandardError}");
            Assert.Contains("eis", help.StandardOutput, StringComparison.Ordinal);

            // Installed for this runtime and precompiled: the library inside carries ReadyToRun native code.
            string library = Directory.GetFiles(tools, "Electrochem.dll", SearchOption.AllDirectories).Single();
            using var reader = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(library));
            Assert.True(reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{library} is not ReadyToRun");
        }
        finally
        {
            if (Directory.Exists(tools))
            {
                Directory.Delete(tools, recursive: true);
            }
        }
    }
}
