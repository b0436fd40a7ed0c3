using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Server.Wire;

namespace Attune.Server.ControlPlane;

/// <summary>TagResource, UntagResource, ListTagsForResource on any resource in the catalog.</summary>
public sealed class TagOperations(Resources resources) : IOperationFamily
{
    public void Register(OperationHandlers registry)
    {
        registry.Add("TagResource", TagAsync);
        registry.Add("UntagResource", UntagAsync);
        registry.Add("ListTagsForResource", ListAsync);
    }

    private async Task<JsonObject?> TagAsync(JsonElement input, CallContext context)
    {
        var arn = await ExistingAsync(input, context);
        if (!await resources.Registry.SetTagsAsync(arn, Tags.Read(input), Tags.MaxPerResource, context.Aborted))
        {
            throw ApiErrors.TooManyTags(Tags.MaxPerResource);
        }
        return [];
    }

    private async Task<JsonObject?> UntagAsync(JsonElement input, CallContext context)
    {
        var arn = await ExistingAsync(input, context);
        var keys = input.OptionalArray("tagKeys").Select(k => k.GetString()!).ToList();
        await resources.Registry.RemoveTagsAsync(arn, keys, context.Aborted);
        return [];
    }

    private async Task<JsonObject?> ListAsync(JsonElement input, CallContext context)
    {
        var arn = await ExistingAsync(input, context);
        var tags = new JsonArray();
        foreach (var (key, value) in await resources.Registry.GetTagsAsync(arn, context.Aborted))
        {
            tags.Add(new JsonObject { ["tagKey"] = key, ["tagValue"] = value });
        }
        return new JsonObject { ["tags"] = tags };
    }

    private async Task<string> ExistingAsync(JsonElement input, CallContext context)
    {
        var arn = input.RequiredString("resourceArn");
        return await resources.Registry.GetAsync(arn, context.Aborted) is not null ? arn : throw ApiErrors.NotFound(arn);
    }
}
