using System.Reflection;
using System.Runtime.CompilerServices;
using Electrochem.Fitting;

namespace Electrochem.Tests;

/// <summary>House rules every public type of the core keeps, checked by reflection so new code cannot drift.</summary>
public class ConventionTests
{
    private static readonly Assembly Core = typeof(FitResult).Assembly;

    private static IEnumerable<Type> PublicTypes => Core.GetExportedTypes();

    [Fact]
    public void Public_types_are_immutable_no_public_property_has_a_non_init_setter()
    {
        var offenders = PublicTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void There_is_no_static_mutable_state()
    {
        var offenders = Core.GetTypes()
            .Where(t => t.GetCustomAttribute<CompilerGeneratedAttribute>() is null && !t.Name.Contains('<', StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && f.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Public_instance_fields_do_not_exist()
    {
        var offenders = PublicTypes.Where(t => !t.IsEnum).SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance)).Select(f => $"{f.DeclaringType!.Name}.{f.Name}").ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_model_with_a_fit_returns_a_FitResult_of_itself()
    {
        var fits = PublicTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => m.Name == "Fit").Select(m => (Type: t, Method: m)))
            .Where(x => x.Type.Namespace != typeof(FitResult).Namespace)
            .ToList();
        Assert.NotEmpty(fits);
        Assert.All(fits, x => Assert.Equal(typeof(FitResult<>).MakeGenericType(x.Type), x.Method.ReturnType));
    }

    [Fact]
    public void Methods_that_may_run_long_take_a_cancellation_token()
    {
        // Nonlinear fits iterate; each public entry point to one must accept a CancellationToken.
        var nonlinear = PublicTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType.IsAssignableTo(typeof(FitResult)) && m.GetParameters().Any(p => p.ParameterType == typeof(NonlinearFitOptions)))
            .ToList();
        Assert.NotEmpty(nonlinear);
        Assert.All(nonlinear, m => Assert.Contains(m.GetParameters(), p => p.ParameterType == typeof(CancellationToken)));
    }

    [Fact]
    public void Every_public_member_is_documented_in_the_xml_file()
    {
        string xmlPath = Path.ChangeExtension(Core.Location, ".xml");
        Assert.True(File.Exists(xmlPath), $"{xmlPath} is missing: GenerateDocumentationFile must stay on.");
        string xml = File.ReadAllText(xmlPath);
        var missing = PublicTypes.Where(t => !xml.Contains($"\"T:{t.FullName!.Replace('+', '.')}\"", StringComparison.Ordinal)).Select(t => t.FullName).ToList();
        Assert.Empty(missing);
    }
}
