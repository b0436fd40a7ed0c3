namespace Attune.ServiceModel.Tests;

public sealed class ServiceModelTests
{
    [Fact]
    public void Control_plane_is_json_protocol_dispatched_by_target()
    {
        var model = ServiceModel.Personalize;

        Assert.Equal("json", model.Protocol);
        Assert.Equal("AmazonPersonalize", model.TargetPrefix);
        Assert.True(model.TryGetOperationByTarget("AmazonPersonalize.CreateDatasetGroup", out var operation));
        Assert.Equal("CreateDatasetGroup", operation.Name);
        Assert.Equal("CreateDatasetGroupRequest", operation.InputShape);
        Assert.Equal("CreateDatasetGroupResponse", operation.OutputShape);
        Assert.Contains("LimitExceededException", operation.Errors);
        Assert.False(model.TryGetOperationByTarget("Other.CreateDatasetGroup", out _));
        Assert.False(model.TryGetOperationByTarget("AmazonPersonalize.NoSuchOperation", out _));
        Assert.False(model.TryFindHttpOperation("POST", "/", out _));
    }

    [Theory]
    [InlineData("personalize-runtime", "POST", "/recommendations", "GetRecommendations")]
    [InlineData("personalize-runtime", "post", "/personalize-ranking", "GetPersonalizedRanking")]
    [InlineData("personalize-runtime", "POST", "/action-recommendations", "GetActionRecommendations")]
    [InlineData("personalize-events", "POST", "/events", "PutEvents")]
    [InlineData("personalize-events", "POST", "/users/", "PutUsers")]
    public void Rest_json_operations_are_found_by_method_and_path(string service, string method, string path, string expected)
    {
        var model = service == "personalize-runtime" ? ServiceModel.PersonalizeRuntime : ServiceModel.PersonalizeEvents;

        Assert.Equal("rest-json", model.Protocol);
        Assert.True(model.TryFindHttpOperation(method, path, out var operation));
        Assert.Equal(expected, operation.Name);
        Assert.False(model.TryFindHttpOperation("GET", path, out _));
        Assert.False(model.TryFindHttpOperation(method, path + "/extra", out _));
    }

    [Fact]
    public void Error_status_comes_from_the_model_else_400()
    {
        Assert.Equal(404, ServiceModel.PersonalizeRuntime.ErrorHttpStatus("ResourceNotFoundException"));
        Assert.Equal(400, ServiceModel.PersonalizeRuntime.ErrorHttpStatus("InvalidInputException"));
        Assert.Equal(400, ServiceModel.Personalize.ErrorHttpStatus("ResourceNotFoundException"));
        Assert.Equal(400, ServiceModel.Personalize.ErrorHttpStatus("NotAShape"));
    }

    [Fact]
    public void Models_expose_every_operation_and_load_once()
    {
        Assert.Same(ServiceModel.Personalize, ServiceModel.Personalize);
        Assert.Equal(71, ServiceModel.Personalize.Operations.Count);
        Assert.Equal(3, ServiceModel.PersonalizeRuntime.Operations.Count);
        Assert.Equal(5, ServiceModel.PersonalizeEvents.Operations.Count);
        Assert.All(ServiceModel.Personalize.Operations, o => Assert.Equal(("POST", "/"), (o.HttpMethod, o.RequestUri)));
    }

    [Theory]
    [InlineData(@"\p{ASCII}{0,1500}", @"[\x00-\x7F]{0,1500}")]
    [InlineData(@"[A-Za-z\d_]+", @"[A-Za-z0-9_]+")]
    [InlineData(@"rate\(\d+ days?\)", @"rate\([0-9]+ days?\)")]
    [InlineData(@"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$", @"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$")]
    public void Java_patterns_become_equivalent_dotnet_patterns(string java, string dotnet) =>
        Assert.Equal(dotnet, JavaRegex.ToDotNet(java));

    [Fact]
    public void Patterns_must_match_the_whole_value()
    {
        var regex = JavaRegex.Compile(@"[A-Za-z\d_]+");

        Assert.Matches(regex, "abc_1");
        Assert.DoesNotMatch(regex, "abc def");
        Assert.DoesNotMatch(regex, "abc\n");
        Assert.DoesNotMatch(regex, "١٢٣");
    }

    [Fact]
    public void Every_input_shape_nests_well_within_the_json_depth_cap()
    {
        var inputs = new[] { ServiceModel.Personalize, ServiceModel.PersonalizeRuntime, ServiceModel.PersonalizeEvents }
            .SelectMany(m => m.Operations)
            .Select(o => o.Input!);

        Assert.All(inputs, input => Assert.InRange(JsonDepth(input, 0), 1, RequestValidator.MaxJsonDepth / 2));
    }

    private static int JsonDepth(Shape shape, int guard)
    {
        Assert.True(guard < 100, $"{shape.Name} is recursive");
        return shape.Kind switch
        {
            ShapeKind.Structure => 1 + shape.Members.Select(m => JsonDepth(m.Shape, guard + 1)).DefaultIfEmpty(0).Max(),
            ShapeKind.List => 1 + JsonDepth(shape.Member!, guard + 1),
            ShapeKind.Map => 1 + JsonDepth(shape.Value!, guard + 1),
            _ => 0,
        };
    }
}
