// The console is a client of the public API: the same operations, paths and headers the AWS SDKs use. The
// X-Attune-Console header (which a cross-site form cannot set) lets the server accept the session cookie.

const consoleHeaders = { 'X-Attune-Console': '1' };

/** A Personalize error: `type` is the `__type` (e.g. InvalidInputException), `message` its message. */
export class ApiError extends Error {
  constructor(type, message, status) {
    super(message || type);
    this.type = type;
    this.status = status;
  }
}

let onSignedOut = () => {};

/** Called when an API answer says the console session is missing or expired (sigv4 mode). */
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

async function send(path, { method = 'POST', body, headers = {}, signal } = {}) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { ...consoleHeaders, ...headers },
    body,
    signal,
  });
  if (response.ok) {
    return response.status === 204 ? {} : await readJson(response);
  }
  const error = await readJson(response).catch(() => ({}));
  const type = (error.__type ?? response.headers.get('x-amzn-errortype') ?? `HTTP ${response.status}`).split('#').pop().split(':')[0];
  if (response.status === 403 && /MissingAuthenticationToken|UnrecognizedClient|InvalidSignature|AccessDenied/.test(type)) {
    onSignedOut();
  }
  throw new ApiError(type, error.message ?? error.Message ?? response.statusText, response.status);
}

async function readJson(response) {
  const text = await response.text();
  return text ? JSON.parse(text) : {};
}

/** A control-plane operation, e.g. personalize('ListDatasetGroups', {}). */
export function personalize(operation, input = {}, signal) {
  return send('/', {
    body: JSON.stringify(input),
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AmazonPersonalize.${operation}` },
    signal,
  });
}

/** Every page of a List operation, concatenated (`member` is the list member, e.g. 'datasetGroups'). */
export async function listAll(operation, input, member, signal) {
  const items = [];
  let nextToken;
  do {
    const page = await personalize(operation, { ...input, ...(nextToken ? { nextToken } : {}), maxResults: 100 }, signal);
    items.push(...(page[member] ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return items;
}

/** A runtime call: '/recommendations', '/personalize-ranking' or '/action-recommendations'. */
export function runtime(path, input) {
  return send(path, { body: JSON.stringify(input), headers: { 'Content-Type': 'application/json' } });
}

/** PutEvents, as the events SDK sends it. */
export function putEvents(input) {
  return send('/events', { body: JSON.stringify(input), headers: { 'Content-Type': 'application/json' } });
}

/** The console's own endpoints under /console/api/. */
export const consoleApi = {
  session: () => send('/console/api/session', { method: 'GET' }),
  signIn: (accessKeyId, secretAccessKey) => send('/console/api/session', {
    body: JSON.stringify({ accessKeyId, secretAccessKey }), headers: { 'Content-Type': 'application/json' },
  }),
  signOut: () => send('/console/api/session', { method: 'DELETE' }),
  validateFilter: (filterExpression, datasetGroupArn, signal) => send('/console/api/validate-filter', {
    body: JSON.stringify({ filterExpression, ...(datasetGroupArn ? { datasetGroupArn } : {}) }),
    headers: { 'Content-Type': 'application/json' },
    signal,
  }),
  cluster: () => send('/console/api/cluster', { method: 'GET' }),
  health: () => send('/console/api/health', { method: 'GET' }),
  /** Streams the file into the object store at s3://bucket/key (no 4 MiB API body limit there). */
  upload: (location, file) => send(`/console/api/upload?location=${encodeURIComponent(location)}`, {
    method: 'PUT', body: file, headers: { 'Content-Type': 'application/octet-stream' },
  }),
  eventStreamUrl: datasetGroupArn => `/console/api/event-stream?datasetGroupArn=${encodeURIComponent(datasetGroupArn)}`,
  onlineMetrics: (resourceArn, minutes) =>
    send(`/online-metrics?resourceArn=${encodeURIComponent(resourceArn)}&minutes=${minutes}`, { method: 'GET' }),
};
