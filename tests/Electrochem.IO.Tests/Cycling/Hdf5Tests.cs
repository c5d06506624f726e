using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using PureHDF;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// HDF5 files holding pandas frames, read with PureHDF: cellpy's Arbin SQL export (table layout, MIT; see
/// Data/cycling/cellpy/SOURCE.md) and beep's Indigo sample (fixed layout, Apache-2.0; see Data/cycling/beep/SOURCE.md).
/// </summary>
public sealed class Hdf5Tests
{
    internal const string ArbinSql = "20200624_test001_cc_01.h5";
    internal const string Indigo = "indigo_test_sample.h5";

    private static readonly CyclerReadOptions Sorted = CyclerReadOptions.Default with { TimeOrder = RecordingTimeOrder.Sort };

    [Fact]
    public void Both_files_are_detected_as_HDF5_from_their_content()
    {
        Assert.Equal(CyclerFileFormat.Hdf5, CyclerFile.Detect(CyclingFiles.Cellpy(ArbinSql)));
        Assert.Equal(CyclerFileFormat.Hdf5, CyclerFile.Detect(CyclingFiles.Beep(Indigo)));
        Assert.Equal("HDF5 (pandas frame)", CyclerFile.Describe(CyclerFileFormat.Hdf5));
    }

    /// <summary>cellpy's loader golden for this file is 47 rows × 16 columns, one cycle, three steps.</summary>
    [Fact]
    public void Cellpys_Arbin_SQL_export_gives_47_rows_16_columns_1_cycle_and_3_steps()
    {
        CyclerRecording r = CyclerFile.Read(CyclingFiles.Cellpy(ArbinSql), Sorted);
        Assert.Equal("HDF5 (pandas frame)", r.Format);
        Assert.Equal(47, r.RowCount);
        Assert.Equal(16, r.Columns.Length + r.TextColumns.Length);
        Assert.Equal(
            ["Test_ID", "Data_Point", "Date_Time", "Test_Time", "Step_Time", "Cycle_Index", "Step_Index", "Current", "Voltage", "Power", "Charge_Capacity", "Discharge_Capacity", "Charge_Energy", "Discharge_Energy", "Internal_Resistance", "Aux_Voltage_1"],
            r.Columns.Select(c => c.Origin.Header));
        Assert.Equal([1.0], r.CycleIndex!.Values.ToArray().Distinct());
        Assert.Equal([1.0, 2, 3], r.StepIndex!.Values.ToArray().Distinct().Order());
        Assert.Equal(("s", "A", "V", "Ah", "V"), (r.TestTime.Unit, r.Current.Unit, r.Voltage.Unit, r.ChargeCapacity!.Unit, r.AuxiliaryVoltages[0].Unit));
        Assert.Equal(0.102, r.TestTime.Values[0]);
        Assert.Equal(1860.3079, r.TestTime.Values[^1]);
        Assert.Equal(-1.7090187072753906, r.Voltage.Values[0]);
        Assert.Contains(r.Metadata.HeaderEntries, e => e.Key == "info_df.SpecificMASS" && e.Value == "0.009999999776482582");
        Assert.Contains(r.Metadata.HeaderEntries, e => e.Key == "info_df.IV_Ch_ID" && e.Value == "2");
        Assert.Contains(r.Warnings, w => w.Contains("'/stat_df' holds 13 rows × 27 columns", StringComparison.Ordinal));
        Assert.Contains(r.Warnings, w => w.Contains("'Schedule_File_Name'", StringComparison.Ordinal) && w.Contains("pickled", StringComparison.Ordinal));
        Assert.Contains(r.Warnings, w => w.Contains("18 of 47 rows were moved", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_out_of_time_order_are_refused_by_default_naming_the_frame_and_row()
    {
        string path = CyclingFiles.Cellpy(ArbinSql);
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(path);
        Assert.False(result.IsSuccess);
        Assert.Equal(path, result.Error!.FilePath);
        Assert.Equal(1, result.Error.LineNumber);
        Assert.Contains("in the pandas frame '/data_df', test time goes backwards at row 3 (10.4099 s, then 10.1767 s)", result.Error.Problem, StringComparison.Ordinal);
    }

    /// <summary>beep reads 20,000 rows × 13 columns from /time_series_data (cycle_count → cycle_index, half_cycle_count → step_index, time_s, cell_current_a, cell_voltage_v, cell_temperature_c).</summary>
    [Fact]
    public void Indigos_file_gives_20000_rows_of_13_columns_with_beeps_mapping()
    {
        CyclerRecording r = CyclerFile.Read(CyclingFiles.Beep(Indigo));
        Assert.Equal(20_000, r.RowCount);
        Assert.Equal(13, r.Columns.Length + r.TextColumns.Length);
        Assert.Equal(
            ["cell_id", "experiment_count", "cycle_count", "half_cycle_count", "experiment_type", "system_time_us", "time_s", "cell_coulomb_count_c", "cell_current_a", "cell_temperature_c", "cell_power_w", "cell_energy_j", "cell_voltage_v"],
            r.Columns.Select(c => c.Origin.Header));
        Assert.Equal(("time_s", "cell_current_a", "cell_voltage_v"), (r.TestTime.Origin.Header, r.Current.Origin.Header, r.Voltage.Origin.Header));
        Assert.Equal(("cycle_count", "half_cycle_count"), (r.CycleIndex!.Origin.Header, r.StepIndex!.Origin.Header));
        Assert.Equal((double)31.532019f, r.TestTime.Values[0]);
        Assert.Equal((double)4.053948f, r.Voltage.Values[0]);
        Assert.Equal((double)-4.996267f, r.Current.Values[0]);
        Assert.Equal(35.75 + 273.15, r.Temperatures[0].Values[0], 1e-9);
        Assert.Equal(84, r.CycleIndex.Values.ToArray().Distinct().Count());
        Assert.Equal(1, r.CycleIndex.Values[0]);
        Assert.Equal(84, r.CycleIndex.Values[^1]);
        Assert.Equal([452.0], r.GetColumn("cell_id").Values.ToArray().Distinct());   // beep's indigo_cell_id
        Assert.Equal("2019-10-10T22:26:35.4678350+00:00", r.Metadata.StartTime!.Instant!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void The_format_can_be_named_and_a_stream_read()
    {
        using var stream = new MemoryStream(File.ReadAllBytes(CyclingFiles.Beep(Indigo)));
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(stream, "indigo.h5", CyclerReadOptions.Default with { Format = CyclerFileFormat.Hdf5 });
        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(20_000, result.Value.RowCount);
    }

    [Fact]
    public void An_HDF5_file_without_a_pandas_frame_is_refused_naming_its_datasets()
    {
        using var stream = new MemoryStream();
        new H5File { ["voltages"] = new double[] { 3.1, 3.2 }, ["group"] = new H5Group { ["currents"] = new double[] { 1, 2 } } }.Write(stream);
        stream.Position = 0;
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(stream, "plain.h5");
        Assert.False(result.IsSuccess);
        Assert.Equal("plain.h5", result.Error!.FilePath);
        Assert.Contains("holds no pandas frame", result.Error.Problem, StringComparison.Ordinal);
        Assert.Contains("'/voltages'", result.Error.Problem, StringComparison.Ordinal);
        Assert.Contains("'/group/currents'", result.Error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signature_after_a_512_byte_user_block_is_recognised()
    {
        byte[] bytes = [.. new byte[512], .. File.ReadAllBytes(CyclingFiles.Beep(Indigo))];
        using TempFile file = TempFile.WithBytes(bytes, "user-block.h5");
        Assert.Equal(CyclerFileFormat.Hdf5, CyclerFile.Detect(file.Path));
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(file.Path);
        Assert.True(result.IsSuccess || result.Error!.FilePath == file.Path);
    }

    [Fact]
    public void Names_with_units_are_read_by_the_header_grammar()
    {
        var frame = new H5Group
        {
            ["axis0"] = new[] { "Test_Time(s)", "Current(mA)", "Voltage(V)", "Probe" },
            ["axis1"] = new long[] { 0, 1, 2 },
            ["block0_items"] = new[] { "Test_Time(s)", "Current(mA)", "Voltage(V)", "Probe" },
            ["block0_values"] = new double[,] { { 0, 100, 3.0, 7 }, { 1, 200, 3.1, 8 }, { 2, -50, 3.2, 9 } },
        };
        frame.Attributes = new() { ["pandas_type"] = "frame" };
        using var stream = new MemoryStream();
        new H5File { ["data"] = frame }.Write(stream);
        stream.Position = 0;
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(stream, "units.h5");
        Assert.True(result.IsSuccess, result.ToString());
        CyclerRecording r = result.Value;
        Assert.Equal([0.1, 0.2, -0.05], r.Current.Values.ToArray());
        Assert.Equal(("mA", "A"), (r.Current.Origin.WrittenUnit, r.Current.Unit));
        Assert.Equal([7.0, 8, 9], r.GetColumn("Probe").Values.ToArray());
    }

    [Fact]
    public void Pickled_column_names_are_decoded()
    {
        Assert.Equal(["Test_Time", "Step_Time", "Zé"], Electrochem.IO.Cycling.Hdf5.Hdf5FrameReader.PickledStrings("(lp0\nVTest_Time\np1\naVStep_Time\np2\naVZ\\u00e9\np3\na."));
        Assert.Equal(["a", "b"], Electrochem.IO.Cycling.Hdf5.Hdf5FrameReader.PickledStrings("(lp0\nS'a'\np1\naS'b'\np2\na."));
    }
}
