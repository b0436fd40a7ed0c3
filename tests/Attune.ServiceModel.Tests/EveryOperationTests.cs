namespace Attune.ServiceModel.Tests;

/// <summary>Walks every operation of every model so no operation's shapes can make the validator throw.</summary>
public sealed class EveryOperationTests
{
    public static TheoryData<string, string> Operations()
    {
        var data = new TheoryData<string, string>();
        foreach (var model in new[] { ServiceModel.Personalize, ServiceModel.PersonalizeRuntime, ServiceModel.PersonalizeEvents })
        {
            foreach (var operation in model.Operations)
            {
                data.Add(model.Name, operation.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Minimal_body_passes_and_empty_body_fails_iff_members_are_required(string service, string operationName)
    {
        var model = service switch
        {
            "personalize" => ServiceModel.Personalize,
            "personalize-runtime" => ServiceModel.PersonalizeRuntime,
            _ => ServiceModel.PersonalizeEvents,
        };
        Assert.True(model.TryGetOperation(operationName, out var operation));
        var input = operation.Input!;

        Requests.Passes(model, operationName, MinimalRequest.For(input));
        using var empty = Requests.Validate(model, operationName, "{}");
        Assert.Equal(input.Members.Any(m => m.Required && m.Location is null), !empty.IsValid);
    }
}
