using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>The boto3 scenarios in scripts/, one per API area, against one shared server.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class ScenarioTests(SharedServer shared)
{
    [Fact]
    public Task Dataset_groups_follow_the_status_chain_page_and_respect_delete_order() =>
        shared.RunScenarioAsync("dataset_groups.py");

    [Fact]
    public Task Schemas_are_validated_per_dataset_type_and_deleted_only_when_unused() =>
        shared.RunScenarioAsync("schemas.py");

    [Fact]
    public Task Datasets_are_created_listed_by_group_updated_and_deleted() =>
        shared.RunScenarioAsync("datasets.py");

    [Fact]
    public Task Imports_count_rows_replace_or_append_and_fail_whole_with_the_line() =>
        shared.RunScenarioAsync("imports.py", shared.Server.ObjectRoot, RepositoryPaths.Data);

    [Fact]
    public Task Tags_are_set_at_creation_added_removed_and_capped() =>
        shared.RunScenarioAsync("tags.py");

    [Fact]
    public Task Recipes_are_listed_with_paging_and_described() =>
        shared.RunScenarioAsync("recipes.py");

    [Fact]
    public Task Every_recipe_algorithm_and_feature_transformation_is_described() =>
        shared.RunScenarioAsync("algorithms.py");

    [Fact]
    public Task Solution_options_are_checked_against_the_recipe_or_refused_with_what_Attune_does_instead() =>
        shared.RunScenarioAsync("solution_options.py");

    [Fact]
    public Task Every_operation_of_the_three_models_reaches_its_handler() =>
        shared.RunScenarioAsync("operation_coverage.py");

    [Fact]
    public Task Wire_errors_name_the_member_and_unknown_or_unimplemented_operations_are_refused() =>
        shared.RunScenarioAsync("wire_errors.py");
}
