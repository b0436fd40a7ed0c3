namespace Attune.ServiceModel;

internal enum ShapeKind
{
    String,
    Integer,
    Long,
    Float,
    Double,
    Boolean,
    Timestamp,
    Blob,
    List,
    Map,
    Structure,
}
