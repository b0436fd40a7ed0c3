namespace Attune.Filters;

/// <summary>How a schema field can be filtered; the caller maps its Avro schema onto this.</summary>
public enum FilterColumnKind
{
    /// <summary>The dataset or the field does not exist.</summary>
    Missing,

    /// <summary>Categorical or other string fields: IN, NOT IN, = and != against strings.</summary>
    Categorical,

    /// <summary>int, long, float, double (timestamps included): every operator.</summary>
    Numeric,

    /// <summary>Textual (unstructured) and boolean fields, which Personalize does not filter on.</summary>
    NotFilterable,
}
