using System.Collections.Immutable;
using Electrochem.Cli.Demo.Sections;

namespace Electrochem.Cli.Demo;

/// <summary>The demo's sections, in the order they are printed.</summary>
internal static class DemoSections
{
    /// <summary>Every section.</summary>
    internal static ImmutableArray<IDemoSection> All { get; } =
    [
        new RoomTemperatureConductivitySection(),
        new BlockingCellSpectrumSection(),
        new LoadingSeriesSection(),
        new ActivationEnergySection(),
        new ModelComparisonSection(),
        new ExchangeCurrentDensitySection(),
        new TransferenceNumberSection(),
        new InterfacialResistanceSection(),
        new DistributionOfRelaxationTimesSection(),
        new CyclingRetentionSection(),
        new RateCapabilitySection(),
        new GittSection(),
        new StabilityWindowSection(),
        new SymmetricCellSection(),
    ];
}
