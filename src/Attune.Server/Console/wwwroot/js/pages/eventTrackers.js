// A group's event trackers (list, create, delete), a test event sent with PutEvents as an SDK sends it, and a live
// stream of incoming events with events/s (SSE).
import { h, table, field, select, statusBadge, time, heading, section, button } from '../dom.js';
import { personalize, listAll, consoleApi, putEvents } from '../api.js';
import { apiForm, live, attempt, confirmed, inProgress } from '../ui.js';

const keptRows = 100;

export async function render(main, { params, signal, refresh }) {
  const groupArn = params.get('group');
  const list = h('div', {});
  const name = h('input', { required: true, maxlength: 63, autocomplete: 'off' });
  const create = apiForm('Create an event tracker', [field('Name', name)], 'Create event tracker', async () => {
    await personalize('CreateEventTracker', { name: name.value, datasetGroupArn: groupArn });
    await refresh();
  });
  const trackers = await listAll('ListEventTrackers', { datasetGroupArn: groupArn }, 'eventTrackers', signal);
  main.append(heading('Event trackers'), section('Event trackers', list), section('Create an event tracker', create),
    section('Live events', liveStream(groupArn, signal), trackers.length ? testEventForm(trackers) : null));
  await live(list, signal, async () => {
    const trackers = await listAll('ListEventTrackers', { datasetGroupArn: groupArn }, 'eventTrackers', signal);
    const described = await Promise.all(trackers.map(t =>
      personalize('DescribeEventTracker', { eventTrackerArn: t.eventTrackerArn }, signal).then(r => r.eventTracker)));
    const node = table('Event trackers', [
      { label: 'Name', value: t => t.name },
      { label: 'Tracking id', value: t => h('code', {}, t.trackingId ?? '') },
      { label: 'Status', value: t => statusBadge(t.status) },
      { label: 'Created', value: t => time(t.creationDateTime) },
      { label: 'Actions', value: t => deleteButton(t) },
    ], described, { empty: 'No event trackers yet.', hideCaption: true });
    return { node, value: described };
  }, { ms: 1000, keepGoing: trackers => trackers.some(t => inProgress(t.status)) });

  function deleteButton(tracker) {
    const deleteIt = button('Delete', async () => {
      if (!confirmed(`Delete event tracker ${tracker.name}?`)) return;
      await attempt(deleteIt, async () => {
        await personalize('DeleteEventTracker', { eventTrackerArn: tracker.eventTrackerArn });
        await refresh();
      });
    }, { kind: 'danger', 'aria-label': `Delete event tracker ${tracker.name}` });
    return deleteIt;
  }
}

/** The newest events first (at most 100 rows kept), and the server's events/s over its last 10 s. */
function liveStream(groupArn, signal) {
  const rate = h('output', { class: 'rate', 'aria-live': 'off' }, '0');
  const state = h('span', { class: 'muted', role: 'status' }, 'Connecting…');
  const rows = h('tbody', {});
  const source = new EventSource(consoleApi.eventStreamUrl(groupArn), { withCredentials: true });
  signal.addEventListener('abort', () => source.close(), { once: true });
  source.addEventListener('open', () => { state.textContent = 'Connected: events appear as they arrive.'; });
  source.addEventListener('error', () => { state.textContent = 'Disconnected; reconnecting…'; });
  source.addEventListener('events', message => {
    const data = JSON.parse(message.data);
    rate.textContent = Number(data.eventsPerSecond ?? 0).toFixed(1);
    for (const event of data.events ?? []) {
      rows.prepend(h('tr', {}, h('td', {}, time(event.sentAt)), h('td', {}, event.userId ?? ''), h('td', {}, event.itemId ?? ''),
        h('td', {}, event.eventType ?? ''), h('td', {}, event.eventValue ?? ''), h('td', {}, event.source ?? '')));
    }
    while (rows.children.length > keptRows) rows.lastElementChild.remove();
  });
  return h('div', { class: 'event-stream' },
    h('p', {}, h('span', { class: 'rate-label' }, 'Events per second: '), rate, ' ', state),
    h('div', { class: 'table-wrap' }, h('table', { class: 'events' },
      h('caption', { class: 'visually-hidden' }, 'Incoming events, newest first'),
      h('thead', {}, h('tr', {}, ['Sent at', 'User', 'Item', 'Event type', 'Value', 'Source'].map(t => h('th', { scope: 'col' }, t)))),
      rows)));
}

/** Sends one event through PutEvents with a tracker's tracking id; it then shows in the live stream. */
function testEventForm(trackers) {
  const tracker = select(trackers.map(t => ({ value: t.eventTrackerArn, label: t.name })));
  const user = h('input', { required: true, value: 'console-user', autocomplete: 'off' });
  const item = h('input', { required: true, autocomplete: 'off' });
  const type = h('input', { required: true, value: 'click', autocomplete: 'off' });
  const sent = h('p', { class: 'muted', 'aria-live': 'polite' });
  return apiForm('Send a test event', [
    h('h3', {}, 'Send a test event'), field('Event tracker', tracker), field('User id', user), field('Item id', item), field('Event type', type), sent,
  ], 'Send event', async () => {
    const { eventTracker } = await personalize('DescribeEventTracker', { eventTrackerArn: tracker.value });
    await putEvents({
      trackingId: eventTracker.trackingId, userId: user.value, sessionId: 'console',
      eventList: [{ eventType: type.value, itemId: item.value, sentAt: Date.now() / 1000 }],
    });
    sent.textContent = `Sent ${type.value} on ${item.value} by ${user.value}.`;
  });
}
