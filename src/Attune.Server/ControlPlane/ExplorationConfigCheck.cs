using System.Text.Json;
using Attune.Contracts.Resources;
using Attune.Server.Wire;

namespace Attune.Server.ControlPlane;

/// <summary>itemExplorationConfig as campaignConfig and batchInferenceJobConfig carry it: the two keys, as numbers in strings.</summary>
internal static class ExplorationConfigCheck
{
    /// <summary>InvalidInputException naming <paramref name="member"/>.itemExplorationConfig.* for an unknown key or a bad value.</summary>
    public static void Check(string member, JsonElement? config)
    {
        if (config?.OptionalObject("itemExplorationConfig") is not { } exploration)
        {
            return;
        }
        foreach (var property in exploration.EnumerateObject())
        {
            // The same parse CampaignConfig's typed readers use, so what passes here is what serving reads.
            var value = CampaignConfig.ParseExplorationValue(property.Value.GetString());
            switch (property.Name)
            {
                case CampaignConfig.ExplorationWeightKey when value is not { } weight || weight is < 0 or > 1:
                    throw ApiErrors.InvalidInput($"{member}.itemExplorationConfig.explorationWeight '{property.Value}' must be a number from 0 to 1.");
                case CampaignConfig.ExplorationItemAgeCutOffKey when value is not { } days || days <= 0:
                    throw ApiErrors.InvalidInput($"{member}.itemExplorationConfig.explorationItemAgeCutOff '{property.Value}' must be a positive number of days.");
                case CampaignConfig.ExplorationWeightKey or CampaignConfig.ExplorationItemAgeCutOffKey:
                    break;
                default:
                    throw ApiErrors.InvalidInput($"{member}.itemExplorationConfig has an unknown key '{property.Name}'; use explorationWeight and explorationItemAgeCutOff.");
            }
        }
    }
}
