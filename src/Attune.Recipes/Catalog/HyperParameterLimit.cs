namespace Attune.Recipes.Catalog;

/// <summary>How a hyperparameter's value is read (DescribeAlgorithm's integer, continuous or categorical range).</summary>
public enum HyperParameterKind
{
    Integer,
    Continuous,
    Categorical,

    /// <summary>Free text the trainer parses itself (or accepts unread); no range to describe.</summary>
    Text,
}

/// <summary>
/// The values a recipe's trainer accepts for one hyperparameter, exactly as its <see cref="HyperParameters"/> getter
/// checks them (a test trains with the bounds and just outside them). <see cref="Featurization"/> parameters shape the
/// training data (DescribeFeatureTransformation); the others are the algorithm's (DescribeAlgorithm).
/// </summary>
public sealed record HyperParameterLimit(string Name, HyperParameterKind Kind, double MinValue = 0, double MaxValue = 0,
    IReadOnlyList<string>? Values = null, bool Featurization = false)
{
    public static HyperParameterLimit Integer(string name, int min, int max) => new(name, HyperParameterKind.Integer, min, max);

    public static HyperParameterLimit Continuous(string name, double min, double max) => new(name, HyperParameterKind.Continuous, min, max);

    public static HyperParameterLimit Text(string name) => new(name, HyperParameterKind.Text);

    public static HyperParameterLimit Categorical(string name, params string[] values) => new(name, HyperParameterKind.Categorical, Values: values);
}
