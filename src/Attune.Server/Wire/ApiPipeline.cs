using System.Diagnostics;
using System.Text.Json.Nodes;
using Attune.Grains.Diagnostics;
using Attune.Server.Auth;
using Attune.Server.ControlPlane;
using Attune.Server.Hosting;
using Attune.Server.Observability;
using Attune.Server.Quotas;
using Attune.ServiceModel;
using Microsoft.Extensions.Options;

namespace Attune.Server.Wire;

/// <summary>
/// What every API request goes through, whatever its protocol: read the body (bounded), validate it
/// against the service model, run the operation, write the output or the modeled error, count it.
/// </summary>
internal sealed partial class ApiPipeline(
    OperationHandlers operations,
    IRequestAuthenticator authenticator,
    RequestMetrics metrics,
    RequestRates rates,
    IOptions<AttuneOptions> options,
    TimeProvider clock,
    ILogger<ApiPipeline> logger)
{
    /// <param name="http">The request.</param>
    /// <param name="model">The service the request addresses.</param>
    /// <param name="operation">The resolved operation, or null when the request named none the model knows.</param>
    /// <param name="requestedName">What the request asked for, for the UnknownOperationException message.</param>
    public async Task HandleAsync(HttpContext http, ServiceModel.ServiceModel model, OperationModel? operation, string requestedName)
    {
        var started = Stopwatch.GetTimestamp();
        var contentType = model.Protocol == "json" ? WireResponses.AwsJsonContentType : WireResponses.RestJsonContentType;
        var outcome = "ok";
        using var activity = AttuneActivities.Source.StartActivity(operation?.Name ?? "unknown");
        activity?.SetTag("attune.service", model.Name);
        try
        {
            if (operation is null)
            {
                throw ApiErrors.UnknownOperation(requestedName);
            }
            using var body = await RequestBody.ReadAsync(http.Request, options.Value.MaxRequestBodyBytes, http.RequestAborted);
            var (accountId, region) = authenticator.Authenticate(http.Request, body.Span);
            rates.Admit(accountId, operation.Name, controlPlane: model.Protocol == "json");
            using var request = RequestValidator.Validate(model, operation, body.Span);
            if (!request.IsValid)
            {
                throw new ApiException(request.Failure!.ErrorCode, request.Failure.Message);
            }
            OperationHandler? handler = null;
            if (!operations.TryGetWritten(operation.Name, out var written) && !operations.TryGet(operation.Name, out handler))
            {
                throw ApiErrors.Unsupported(operation.Name);
            }
            ArnAccountGuard.Check(request.Root, accountId);
            var context = new CallContext(
                region ?? options.Value.DefaultRegion,
                accountId,
                clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0,
                http.RequestAborted);
            if (written is not null)
            {
                await WireResponses.WriteOutputAsync(http.Response, contentType, await written(request.Root, context));
            }
            else
            {
                await WireResponses.WriteOutputAsync(http.Response, contentType, await handler!(request.Root, context));
            }
        }
        catch (ApiException error)
        {
            outcome = error.ErrorCode;
            LogRejected(logger, operation?.Name ?? requestedName, error.ErrorCode, error.Message);
            await WireResponses.WriteErrorAsync(
                http.Response, contentType, error.HttpStatus ?? model.ErrorHttpStatus(error.ErrorCode), error.ErrorCode, error.Message);
        }
        catch (Exception error) when (ServiceUnavailable.Explains(error) is { } reason && !http.RequestAborted.IsCancellationRequested)
        {
            // The cluster, not the request, failed (a silo gone, a shard without memory for its slice): a retryable 503.
            outcome = ServiceUnavailable.ErrorCode;
            LogUnavailable(logger, error, operation?.Name ?? requestedName);
            await WireResponses.WriteErrorAsync(http.Response, contentType, 503, ServiceUnavailable.ErrorCode, reason);
        }
        finally
        {
            if (outcome != "ok")
            {
                activity?.SetStatus(ActivityStatusCode.Error, outcome);
            }
            metrics.Record(model.Name, operation?.Name ?? "unknown", outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// An Attune extension (a GET with no body, outside the service models, e.g. /online-metrics): authenticated,
    /// rate-limited and account-scoped like the runtime API, answered in restJson with the modeled errors.
    /// </summary>
    public async Task HandleExtensionAsync(HttpContext http, string name, Func<HttpRequest, CallContext, Task<JsonObject>> handler)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        var runtime = ServiceModel.ServiceModel.PersonalizeRuntime;
        try
        {
            var (accountId, region) = authenticator.Authenticate(http.Request, ReadOnlySpan<byte>.Empty);
            rates.Admit(accountId, name, controlPlane: false);
            var context = new CallContext(
                region ?? options.Value.DefaultRegion, accountId, clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0, http.RequestAborted);
            await WireResponses.WriteOutputAsync(http.Response, WireResponses.RestJsonContentType, await handler(http.Request, context));
        }
        catch (ApiException error)
        {
            outcome = error.ErrorCode;
            LogRejected(logger, name, error.ErrorCode, error.Message);
            await WireResponses.WriteErrorAsync(
                http.Response, WireResponses.RestJsonContentType, error.HttpStatus ?? runtime.ErrorHttpStatus(error.ErrorCode), error.ErrorCode, error.Message);
        }
        catch (Exception error) when (ServiceUnavailable.Explains(error) is { } reason && !http.RequestAborted.IsCancellationRequested)
        {
            // As for the API: the cluster failed, not the request, so a retryable 503 rather than a bare 500.
            outcome = ServiceUnavailable.ErrorCode;
            LogUnavailable(logger, error, name);
            await WireResponses.WriteErrorAsync(http.Response, WireResponses.RestJsonContentType, 503, ServiceUnavailable.ErrorCode, reason);
        }
        finally
        {
            metrics.Record("attune", name, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Operation} failed: the cluster could not serve it")]
    private static partial void LogUnavailable(ILogger logger, Exception error, string operation);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Operation} rejected with {ErrorCode}: {Message}")]
    private static partial void LogRejected(ILogger logger, string operation, string errorCode, string message);
}
