using Electrochem.Impedance;

namespace Electrochem.Tests.Impedance;

public class CircuitModelJsonTests
{
    private static readonly Circuit Randles = Circuit.Parse("R0-p(R1,C1)-p(R2,CPE1)-Wo1");

    [Fact]
    public void Own_schema_round_trips_values_fixed_parameters_initial_values_and_errors()
    {
        var model = new CircuitModel(Randles, [0.01, 0.005, 0.1, 0.005, 0.1, 0.9, 0.001, 200], ["R0", "Wo1_1"], "Randles", [0.011, 0.006, 0.2, 0.004, 0.2, 0.8, 0.002, 200], [0, 1e-4, 1e-3, double.NaN, 1e-3, 0.01, 1e-5, 0]);
        string json = model.ToJson();
        Assert.Contains("\"format\": \"electrochem.circuit-model\"", json, StringComparison.Ordinal);
        Assert.Contains("\"unit\": \"Ω\"", json, StringComparison.Ordinal);
        CircuitModel back = CircuitModel.FromJson(json);
        Assert.Equal(model.Circuit, back.Circuit);
        Assert.Equal(model.Values, back.Values);
        Assert.Equal(["R0", "Wo1_1"], back.FixedParameters);
        Assert.Equal("Randles", back.Name);
        Assert.Equal(model.InitialValues, back.InitialValues);
        Assert.Equal(model.StandardErrors, back.StandardErrors);
        Assert.Equal(json, back.ToJson());

        CircuitModel plain = CircuitModel.FromJson(new CircuitModel(Circuit.Parse("R0-C1"), [1.0, 2.0]).ToJson(indented: false));
        Assert.Null(plain.Name);
        Assert.False(plain.IsFitted);
        Assert.Empty(plain.FixedParameters);
        Assert.Equal(2.0, plain["C1"]);
    }

    [Fact]
    public void Impedance_py_model_files_are_read_and_written()
    {
        // as impedance.py's BaseCircuit.save writes them (test_model_io's circuit, with unique names)
        const string unfitted = """{"Name": null, "Circuit String": "R0-p(R1,C1)-p(R2,CPE1)-Wo1", "Initial Guess": [0.005, 0.1, 0.005, 0.1, 0.9, 0.001], "Constants": {"R0": 0.01, "Wo1_1": 200}, "Fit": false}""";
        CircuitModel model = CircuitModel.FromImpedancePyJson(unfitted);
        Assert.Equal([0.01, 0.005, 0.1, 0.005, 0.1, 0.9, 0.001, 200], model.Values);
        Assert.Equal(["R0", "Wo1_1"], model.FixedParameters);
        Assert.False(model.IsFitted);
        Assert.Null(model.Name);
        Assert.Equal(unfitted.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("CircuitString", "Circuit String", StringComparison.Ordinal).Replace("InitialGuess", "Initial Guess", StringComparison.Ordinal), model.ToImpedancePyJson());

        const string fitted = """{"Name": "Randles w/ CPE", "Circuit String": "R0-p(R1,CPE1)-Wo1", "Initial Guess": [0.01, 0.005, 0.1, 0.9, 0.001, 200], "Constants": {}, "Fit": true, "Parameters": [0.0167, 0.0087, 3.5, 0.71, 0.099, 199.9], "Confidence": [1e-4, 2e-4, 0.1, 0.01, 0.002, 5.0]}""";
        CircuitModel fit = CircuitModel.FromImpedancePyJson(fitted);
        Assert.True(fit.IsFitted);
        Assert.Equal("Randles w/ CPE", fit.Name);
        Assert.Equal(0.71, fit["CPE1_1"]);
        Assert.Equal(0.9, fit.InitialValues[3]);
        Assert.Equal(5.0, fit.StandardErrors[5]);
        CircuitModel again = CircuitModel.FromImpedancePyJson(fit.ToImpedancePyJson());
        Assert.Equal(fit.Values, again.Values);
        Assert.Equal(fit.InitialValues, again.InitialValues);
        Assert.Equal(fit.StandardErrors, again.StandardErrors);
        Assert.Equal(fit.Values, CircuitModel.FromJson(fit.ToJson()).Values);
    }

    [Theory]
    [InlineData("""{"Name": null, "Circuit String": "R0-C1", "Initial Guess": [1], "Constants": {}, "Fit": false}""", "2 are expected")]
    [InlineData("""{"Name": null, "Circuit String": "R0-X1", "Initial Guess": [1, 2], "Constants": {}, "Fit": false}""", "unknown element type 'X'")]
    [InlineData("""{"Name": null, "Circuit String": "R0-C1", "Initial Guess": [1], "Constants": {"R9": 1}, "Fit": false}""", "\"R9\" is not a parameter")]
    [InlineData("""{"Name": null, "Circuit String": "R0-C1", "Constants": {}, "Fit": false}""", "\"Initial Guess\" is missing")]
    [InlineData("""{"Name": null, "Circuit String": "R0-C1", "Initial Guess": [1, 2], "Constants": {}, "Fit": true, "Parameters": [1, 2]}""", "\"Confidence\" is missing")]
    [InlineData("""{"Name": null, "Circuit String": "R0-C1", "Initial Guess": [1, "a"], "Constants": {}, "Fit": false}""", "must be a number")]
    [InlineData("""{"Name": null, "Circuit String": "R0-C1", """, "not valid JSON")]
    public void Bad_impedance_py_files_are_format_errors_naming_the_problem(string json, string problem)
    {
        Assert.Contains(problem, Assert.ThrowsAny<FormatException>(() => CircuitModel.FromImpedancePyJson(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_own_schema_files_are_format_errors()
    {
        string good = new CircuitModel(Circuit.Parse("R0-C1"), [1.0, 2.0]).ToJson();
        Assert.Contains("format", Assert.Throws<FormatException>(() => CircuitModel.FromJson(good.Replace("electrochem.circuit-model", "other", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
        Assert.Contains("unit", Assert.Throws<FormatException>(() => CircuitModel.FromJson(good.Replace("\"F\"", "\"µF\"", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
        Assert.Contains("\"C9\" is not a parameter", Assert.Throws<FormatException>(() => CircuitModel.FromJson(good.Replace("\"C1\"", "\"C9\"", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new CircuitModel(Circuit.Parse("R0-C1"), [1.0]));
        Assert.Throws<ArgumentException>(() => new CircuitModel(Circuit.Parse("R0-C1"), [1.0, double.NaN]));
        Assert.Throws<ArgumentException>(() => new CircuitModel(Circuit.Parse("R0-C1"), [1.0, 2.0], ["R0", "R0"]));
    }
}
