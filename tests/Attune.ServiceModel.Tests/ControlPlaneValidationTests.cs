using static Attune.ServiceModel.Tests.Requests;

namespace Attune.ServiceModel.Tests;

public sealed class ControlPlaneValidationTests
{
    private static readonly ServiceModel Model = ServiceModel.Personalize;

    [Fact]
    public void Valid_create_dataset_group_passes_and_exposes_the_parsed_body()
    {
        using var result = Validate(Model, "CreateDatasetGroup", """{"name":"movies-1","domain":"VIDEO_ON_DEMAND","tags":[{"tagKey":"team","tagValue":"recs"}],"unknownMember":{"x":[1]}}""");

        Assert.True(result.IsValid);
        Assert.Equal("movies-1", result.Root.GetProperty("name").GetString());
    }

    [Fact]
    public void Pattern_is_a_full_match_and_echoes_the_value()
    {
        Assert.Equal(
            @"1 validation error detected: Value 'my name' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9\-_]*",
            Fails(Model, "CreateDatasetGroup", """{"name":"my name"}"""));
    }

    [Fact]
    public void Missing_required_member_is_null()
    {
        Assert.Equal(
            "1 validation error detected: Value null at 'datasetGroupArn' failed to satisfy constraint: Member must not be null",
            Fails(Model, "CreateSolution", """{"name":"s1"}"""));
        Assert.Contains("Value null at 'datasetGroupArn'", Fails(Model, "CreateSolution", """{"name":"s1","datasetGroupArn":null}"""));
    }

    [Fact]
    public void Length_bounds_are_inclusive_and_each_violation_is_reported()
    {
        Assert.Equal(
            "2 validation errors detected: Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1; "
            + @"Value '' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9\-_]*",
            Fails(Model, "CreateDatasetGroup", """{"name":""}"""));
        Assert.Contains("Member must have length less than or equal to 63", Fails(Model, "CreateDatasetGroup", $$"""{"name":"{{new string('a', 64)}}"}"""));
        Passes(Model, "CreateDatasetGroup", $$"""{"name":"{{new string('a', 63)}}"}""");
    }

    [Fact]
    public void Enum_lists_the_allowed_values()
    {
        Assert.Equal(
            "1 validation error detected: Value 'PARTIAL' at 'importMode' failed to satisfy constraint: Member must satisfy enum value set: [FULL, INCREMENTAL]",
            Fails(Model, "CreateDatasetImportJob", """{"jobName":"j","datasetArn":"arn:aws:personalize:us-east-1:1:dataset/d","dataSource":{"dataLocation":"s3://b/k"},"importMode":"PARTIAL"}"""));
        Passes(Model, "CreateDatasetImportJob", """{"jobName":"j","datasetArn":"arn:aws:personalize:us-east-1:1:dataset/d","dataSource":{"dataLocation":"s3://b/k"},"importMode":"INCREMENTAL"}""");
    }

    [Fact]
    public void Nested_structures_are_validated_with_dotted_paths()
    {
        var message = Fails(Model, "CreateDatasetImportJob", """{"jobName":"j","datasetArn":"arn:aws:personalize:us-east-1:1:dataset/d","dataSource":{"dataLocation":"ftp://b/k"}}""");
        Assert.Contains("Value 'ftp://b/k' at 'dataSource.dataLocation' failed to satisfy constraint: Member must satisfy regular expression pattern: (s3|http|https|file)://.+", message);

        message = Fails(Model, "CreateSolution", $$$"""
            {"name":"s","datasetGroupArn":"arn:aws:personalize:us-east-1:1:dataset-group/g",
             "solutionConfig":{"hpoConfig":{"hpoResourceConfig":{"maxNumberOfTrainingJobs":"{{{new string('9', 257)}}}"},
               "algorithmHyperParameterRanges":{"integerHyperParameterRanges":[{"name":"a","maxValue":5},{"name":"b","maxValue":2000000}]}},
               "eventsConfig":{"eventParametersList":[{"weight":1.5}]},
               "autoTrainingConfig":{"schedulingExpression":"rate(7 days)"} } }
            """);
        Assert.StartsWith("3 validation errors detected: ", message, StringComparison.Ordinal);
        Assert.Contains("at 'solutionConfig.hpoConfig.hpoResourceConfig.maxNumberOfTrainingJobs' failed to satisfy constraint: Member must have length less than or equal to 256", message);
        Assert.Contains("Value '2000000' at 'solutionConfig.hpoConfig.algorithmHyperParameterRanges.integerHyperParameterRanges.2.member.maxValue' failed to satisfy constraint: Member must have value less than or equal to 1000000", message);
        Assert.Contains("Value '1.5' at 'solutionConfig.eventsConfig.eventParametersList.1.member.weight' failed to satisfy constraint: Member must have value less than or equal to 1", message);
    }

    [Fact]
    public void Map_keys_and_values_are_checked()
    {
        var message = Fails(Model, "CreateSolution", """
            {"name":"s","datasetGroupArn":"arn:aws:personalize:us-east-1:1:dataset-group/g",
             "solutionConfig":{"trainingDataConfig":{"excludedDatasetColumns":{"ITEMS 2":["GENRE"],"USERS":["1bad"]}}}}
            """);
        Assert.Contains(@"Value 'ITEMS 2' at 'solutionConfig.trainingDataConfig.excludedDatasetColumns' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: ^[A-Za-z_]+$]", message);
        Assert.Contains(@"Value '1bad' at 'solutionConfig.trainingDataConfig.excludedDatasetColumns.USERS.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z_][A-Za-z\d_]*", message);
    }

    [Theory]
    [InlineData("0", "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1")]
    [InlineData("101", "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100")]
    [InlineData("1.5", "Value '1.5' at 'maxResults' failed to satisfy constraint: Member must be an integer")]
    [InlineData("\"5\"", "Value '5' at 'maxResults' failed to satisfy constraint: Member must be an integer")]
    [InlineData("true", "Value 'true' at 'maxResults' failed to satisfy constraint: Member must be an integer")]
    [InlineData("99999999999", "Value '99999999999' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100")]
    public void Integer_members_reject_wrong_types_and_out_of_range_values(string maxResults, string expected)
    {
        Assert.Equal($"1 validation error detected: {expected}", Fails(Model, "ListDatasets", $$"""{"maxResults":{{maxResults}}}"""));
    }

    [Fact]
    public void Integer_members_accept_bounds_and_omission()
    {
        Passes(Model, "ListDatasets", """{"maxResults":1}""");
        Passes(Model, "ListDatasets", """{"maxResults":100,"nextToken":"abc"}""");
        Passes(Model, "ListDatasets", "{}");
        Passes(Model, "ListDatasets", "");
    }

    [Fact]
    public void Wrong_json_types_name_the_member()
    {
        var message = Fails(Model, "CreateSolution", """{"name":5,"datasetGroupArn":"arn:aws:personalize:us-east-1:1:dataset-group/g","performHPO":"yes","solutionConfig":[],"tags":{}}""");

        Assert.StartsWith("4 validation errors detected: ", message, StringComparison.Ordinal);
        Assert.Contains("Value '5' at 'name' failed to satisfy constraint: Member must be a string", message);
        Assert.Contains("Value 'yes' at 'performHPO' failed to satisfy constraint: Member must be a boolean", message);
        Assert.Contains("Value at 'solutionConfig' failed to satisfy constraint: Member must be a structure (JSON object)", message);
        Assert.Contains("Value at 'tags' failed to satisfy constraint: Member must be a list (JSON array)", message);
    }

    [Fact]
    public void Sensitive_values_are_not_echoed()
    {
        var message = Fails(Model, "CreateDatasetGroup", """{"name":"g","tags":[{"tagKey":"secret!value","tagValue":"v"},{"tagValue":"x"}]}""");

        Assert.Equal(
            @"2 validation errors detected: Value at 'tags.1.member.tagKey' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$; "
            + "Value null at 'tags.2.member.tagKey' failed to satisfy constraint: Member must not be null",
            message);
    }

    [Fact]
    public void Java_ascii_class_is_honoured()
    {
        Passes(Model, "ListDatasets", """{"nextToken":"token+/=~"}""");
        Assert.Contains("Member must satisfy regular expression pattern: \\p{ASCII}{0,1500}", Fails(Model, "ListDatasets", """{"nextToken":"tökén"}"""));
    }

    [Fact]
    public void Only_the_first_ten_errors_are_listed_but_all_are_counted()
    {
        var tags = string.Join(",", Enumerable.Repeat("{}", 12));
        var message = Fails(Model, "CreateDatasetGroup", $$"""{"name":"g","tags":[{{tags}}]}""");

        Assert.StartsWith("24 validation errors detected: ", message, StringComparison.Ordinal);
        Assert.Equal(ViolationReport.MaxReportedErrors, message.Split("; ").Length);
    }

    [Fact]
    public void Import_locations_may_also_be_local_files()
    {
        Passes(Model, "CreateDatasetImportJob", """{"jobName":"j","datasetArn":"arn:aws:personalize:us-east-1:1:dataset/d","dataSource":{"dataLocation":"file:///data/ratings.csv"}}""");
    }
}
