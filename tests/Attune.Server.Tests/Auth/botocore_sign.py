"""Signs a fixed set of Personalize-shaped requests with botocore's own SigV4 signers (SigV4Auth, SigV4QueryAuth)
and prints them as JSON, for SigV4BotocoreTests: what a real boto3 client sends, signed now."""
import base64
import hashlib
import json

from botocore.auth import SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

CREDENTIALS = Credentials("AKIDATTUNETEST", "attune/Test+Secret0123456789EXAMPLEKEY")
REGION = "eu-west-1"
HOST = "localhost:8080"
CONTROL_BODY = b'{"campaignArn": "arn:aws:personalize:eu-west-1:000000000000:campaign/c1"}'
RUNTIME_BODY = b'{"campaignArn": "arn:aws:personalize:eu-west-1:000000000000:campaign/c1", "userId": "u-1"}'


def control_headers(**extra):
    headers = {
        "Host": HOST,
        "Content-Type": "application/x-amz-json-1.1",
        "X-Amz-Target": "AmazonPersonalize.DescribeCampaign",
        "User-Agent": "Boto3/1.0 md/Botocore#1.0  ua/2.1",
    }
    headers.update(extra)
    return headers


def sign(name, method, path, headers, body, service="personalize", expires=None):
    request = AWSRequest(method=method, url=f"http://{HOST}{path}", headers=headers, data=body)
    if expires is None:
        SigV4Auth(CREDENTIALS, service, REGION).add_auth(request)
    else:
        SigV4QueryAuth(CREDENTIALS, service, REGION, expires=expires).add_auth(request)
    target = request.url.split(HOST, 1)[1]
    return {
        "name": name,
        "method": method,
        "target": target,
        "headers": [[k, v] for k, v in request.headers.items()],
        "body": base64.b64encode(body or b"").decode(),
    }


cases = [
    sign("control-json", "POST", "/", control_headers(), CONTROL_BODY),
    sign("runtime-post-query", "POST", "/recommendations?numResults=5&b=x%20y&a=%2F&a=A&empty=",
         {"Host": HOST, "Content-Type": "application/json"}, RUNTIME_BODY),
    sign("runtime-get-path", "GET", "/recommendations/item%20one/x~y?userId=u-1&filterArn=arn%3Aaws%3Afilter%2Ff1",
         {"Host": HOST}, None),
    sign("content-sha256", "POST", "/",
         control_headers(**{"X-Amz-Content-SHA256": hashlib.sha256(CONTROL_BODY).hexdigest()}), CONTROL_BODY),
    sign("unsigned-payload", "POST", "/", control_headers(**{"X-Amz-Content-SHA256": "UNSIGNED-PAYLOAD"}), CONTROL_BODY),
    sign("date-header", "POST", "/", control_headers(Date="Thu, 01 Jan 1970 00:00:00 GMT"), CONTROL_BODY),
    sign("presigned", "GET", "/recommendations?campaignArn=arn%3Aaws%3Apersonalize%3Aeu-west-1%3A000000000000%3Acampaign%2Fc1&userId=u-1",
         {"Host": HOST}, None, expires=1200),
    sign("wrong-service", "POST", "/", control_headers(), CONTROL_BODY, service="personalize-runtime"),
]
print(json.dumps(cases))
