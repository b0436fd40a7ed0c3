using System.Diagnostics;
using Attune.Server.ControlPlane;
using Attune.Server.Hosting;
using Attune.Server.Observability;
using Attune.ServiceModel;
using Microsoft.Extensions.Options;

namespace Attune.Server.Wire;

/// <summary>
/// The awsJson1_1 front door of the control plane: POST / with X-Amz-Target: AmazonPersonalize.&lt;Op&gt;.
/// Every request is validated against the service model before its operation runs.
/// </summary>
internal sealed partial class ControlPlaneEndpoint(
    OperationRegistry operations,
    RequestMetrics metrics,
    IOptions<AttuneOptions> options,
    TimeProvider clock,
    ILogger<ControlPlaneEndpoint> logger)
{
    private const string Service = "personalize";
    private static readonly ServiceModel.ServiceModel Model = ServiceModel.ServiceModel.Personalize;

    public async Task HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var target = http.Request.Headers["X-Amz-Target"].ToString();
        var operationName = "unknown";
        var outcome = "ok";
        try
        {
            if (!Model.TryGetOperationByTarget(target, out var operation))
            {
                throw ApiErrors.UnknownOperation(target);
            }
            operationName = operation.Name;
            using var body = await RequestBody.ReadAsync(http.Request, options.Value.MaxRequestBodyBytes, http.RequestAborted);
            using var request = RequestValidator.Validate(Model, operation, body.Span);
            if (!request.IsValid)
            {
                throw new ApiException(request.Failure!.ErrorCode, request.Failure.Message);
            }
            if (!operations.TryGet(operation.Name, out var handler))
            {
                throw ApiErrors.Unsupported(operation.Name);
            }
            var context = new CallContext(
                CredentialScope.Region(http.Request.Headers.Authorization) ?? options.Value.DefaultRegion,
                options.Value.AccountId,
                clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0,
                http.RequestAborted);
            var output = await handler(request.Root, context);
            await WireResponses.WriteOutputAsync(http.Response, WireResponses.AwsJsonContentType, output);
        }
        catch (ApiException error)
        {
            outcome = error.ErrorCode;
            LogRejected(logger, operationName, error.ErrorCode, error.Message);
            await WireResponses.WriteErrorAsync(
                http.Response, WireResponses.AwsJsonContentType, Model.ErrorHttpStatus(error.ErrorCode), error.ErrorCode, error.Message);
        }
        finally
        {
            metrics.Record(Service, operationName, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Operation} rejected with {ErrorCode}: {Message}")]
    private static partial void LogRejected(ILogger logger, string operation, string errorCode, string message);
}
