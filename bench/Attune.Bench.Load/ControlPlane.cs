using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Attune.Bench.Load;

/// <summary>awsJson 1.1 calls to the control plane, and waiting for a resource's status to settle.</summary>
internal sealed class ControlPlane(HttpClient http, string endpoint)
{
    public async Task<JsonObject> CallAsync(string operation, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint + "/");
        request.Headers.Add("X-Amz-Target", "AmazonPersonalize." + operation);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{operation} failed ({(int)response.StatusCode}): {text}");
        }
        return JsonNode.Parse(text)?.AsObject() ?? [];
    }

    /// <summary>Describes until the status is no longer transient; it must end ACTIVE.</summary>
    public async Task WaitActiveAsync(string describe, string arnMember, string arn, string resultMember, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var resource = (await CallAsync(describe, new JsonObject { [arnMember] = arn }))[resultMember]!;
            var status = resource["status"]!.GetValue<string>();
            if (status == "ACTIVE")
            {
                return;
            }
            if (status.Contains("FAILED", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{arn} is {status}: {resource["failureReason"]}");
            }
            await Task.Delay(250);
        }
    }
}
