namespace Attune.Storage.Schemas;

/// <summary>The Avro primitive types Personalize accepts for a field.</summary>
public enum AvroType
{
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    String,
}
