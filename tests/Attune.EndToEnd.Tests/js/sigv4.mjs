// The JS SDK v3, unchanged, against a sigv4 Attune server: node sigv4.mjs ENDPOINT KEY_A SECRET_A KEY_B SECRET_B.
// A creates a dataset group and sees it; B gets ResourceNotFoundException for it; the runtime and events clients sign
// their REST calls correctly (their errors are about the resource, not the signature); a wrong secret is refused.
import { PersonalizeClient, CreateDatasetGroupCommand, ListDatasetGroupsCommand, DescribeDatasetGroupCommand } from "@aws-sdk/client-personalize";
import { PersonalizeRuntimeClient, GetRecommendationsCommand } from "@aws-sdk/client-personalize-runtime";
import { PersonalizeEventsClient, PutEventsCommand } from "@aws-sdk/client-personalize-events";

const [endpoint, keyA, secretA, keyB, secretB] = process.argv.slice(2);
const settings = (accessKeyId, secretAccessKey) => ({ endpoint, region: "us-east-1", credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });

async function expectError(promise, code) {
  try {
    await promise;
  } catch (error) {
    if (error.name !== code) throw new Error(`expected ${code}, got ${error.name}: ${error.message}`);
    return error;
  }
  throw new Error(`expected ${code}, the call succeeded`);
}

const a = new PersonalizeClient(settings(keyA, secretA));
const b = new PersonalizeClient(settings(keyB, secretB));
const name = `js-${Date.now()}`;
const { datasetGroupArn } = await a.send(new CreateDatasetGroupCommand({ name }));
if (!datasetGroupArn.includes(":111111111111:")) throw new Error(`A's group ${datasetGroupArn} is not in account A`);
const listed = await a.send(new ListDatasetGroupsCommand({}));
if (!listed.datasetGroups.some(g => g.datasetGroupArn === datasetGroupArn)) throw new Error("A does not see its group");
await expectError(b.send(new DescribeDatasetGroupCommand({ datasetGroupArn })), "ResourceNotFoundException");

const runtime = new PersonalizeRuntimeClient(settings(keyA, secretA));
await expectError(runtime.send(new GetRecommendationsCommand({
  campaignArn: "arn:aws:personalize:us-east-1:111111111111:campaign/none", userId: "u1" })), "ResourceNotFoundException");
const events = new PersonalizeEventsClient(settings(keyA, secretA));
await expectError(events.send(new PutEventsCommand({ trackingId: "no-such-tracker", sessionId: "s1", userId: "u1",
  eventList: [{ eventType: "click", sentAt: new Date(), itemId: "i1" }] })), "ResourceNotFoundException");

const wrong = new PersonalizeClient(settings(keyA, secretB));
const refused = await expectError(wrong.send(new ListDatasetGroupsCommand({})), "InvalidSignatureException");
if (refused.$metadata.httpStatusCode !== 403) throw new Error(`InvalidSignatureException with HTTP ${refused.$metadata.httpStatusCode}`);
console.log("OK");
