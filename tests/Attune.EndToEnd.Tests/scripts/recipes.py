"""ListRecipes (paging, domain filter) and DescribeRecipe."""
from e2e import check, client, expect_error, list_all, run

EXPECTED = {"aws-user-personalization-v2", "aws-user-personalization", "aws-personalized-ranking-v2",
            "aws-personalized-ranking", "aws-trending-now", "aws-popularity-count", "aws-similar-items", "aws-sims",
            "aws-item-affinity", "aws-item-attribute-affinity", "aws-hrnn", "aws-hrnn-metadata", "aws-hrnn-coldstart",
            "aws-next-best-action"}
ECOMMERCE = {"aws-ecomm-popular-items-by-views", "aws-ecomm-popular-items-by-purchases", "aws-ecomm-frequently-bought-together",
             "aws-ecomm-customers-who-viewed-x-also-viewed", "aws-ecomm-recommended-for-you"}
VIDEO_ON_DEMAND = {"aws-vod-because-you-watched-x", "aws-vod-more-like-x", "aws-vod-most-popular", "aws-vod-trending-now",
                   "aws-vod-top-picks"}


def scenario():
    p = client()
    everything = p.list_recipes()["recipes"]
    paged = list_all(p.list_recipes, "recipes", 4)
    check([r["recipeArn"] for r in paged] == [r["recipeArn"] for r in everything], "paged list differs from one page")
    check({r["name"] for r in paged} == EXPECTED | ECOMMERCE | VIDEO_ON_DEMAND, f"recipes: {sorted(r['name'] for r in paged)}")
    for recipe in paged:
        check(recipe["recipeArn"] == f"arn:aws:personalize:::recipe/{recipe['name']}", f"recipe ARN {recipe}")
        check(recipe["status"] == "ACTIVE", f"recipe status {recipe}")
    for domain, names in (("ECOMMERCE", ECOMMERCE), ("VIDEO_ON_DEMAND", VIDEO_ON_DEMAND)):
        listed = list_all(p.list_recipes, "recipes", 2, domain=domain)
        check({r["name"] for r in listed} == names and all(r["domain"] == domain for r in listed), f"{domain} recipes: {listed}")
    check(p.list_recipes(recipeProvider="SERVICE")["recipes"] == everything, "recipeProvider=SERVICE")
    expect_error("InvalidInputException", p.list_recipes, "domain", domain="GAMES")

    sims = p.describe_recipe(recipeArn="arn:aws:personalize:::recipe/aws-sims")["recipe"]
    check(sims["recipeType"] == "RELATED_ITEMS" and sims["algorithmArn"] == "arn:aws:personalize:::algorithm/aws-sims",
          f"aws-sims: {sims}")
    check(sims["featureTransformationArn"] == "arn:aws:personalize:::feature-transformation/sims", f"aws-sims: {sims}")
    check(sims["description"] and sims["creationDateTime"] <= sims["lastUpdatedDateTime"], f"aws-sims: {sims}")
    for recipe in paged:
        described = p.describe_recipe(recipeArn=recipe["recipeArn"])["recipe"]
        check(described["name"] == recipe["name"] and described["recipeType"], f"describe {described}")
    missing = "arn:aws:personalize:::recipe/aws-nothing"
    expect_error("ResourceNotFoundException", p.describe_recipe, missing, recipeArn=missing)
    expect_error("InvalidInputException", p.describe_recipe, "recipeArn", recipeArn="not an arn")


run(scenario)
