// The console shell: client-side routing (history.pushState; the server answers index.html for any /console/<path>),
// the navigation, the dataset-group picker, the theme toggle and the sign-in state.
import { h, select, field } from './dom.js';
import { consoleApi, listAll, whenSignedOut } from './api.js';
import { errorBox } from './ui.js';
import { initTheme } from './theme.js';
import { pageUrl } from './urls.js';

const routes = {
  '': { title: 'Dataset groups', load: () => import('./pages/datasetGroups.js') },
  'group': { title: 'Datasets', load: () => import('./pages/datasets.js'), needsGroup: true },
  'solutions': { title: 'Solutions', load: () => import('./pages/solutions.js'), needsGroup: true },
  'solution': { title: 'Solution', load: () => import('./pages/solution.js') },
  'campaigns': { title: 'Campaigns & recommenders', load: () => import('./pages/campaigns.js'), needsGroup: true },
  'campaign': { title: 'Campaign', load: () => import('./pages/campaign.js') },
  'recommender': { title: 'Recommender', load: () => import('./pages/recommender.js') },
  'filters': { title: 'Filters', load: () => import('./pages/filters.js'), needsGroup: true },
  'event-trackers': { title: 'Event trackers', load: () => import('./pages/eventTrackers.js'), needsGroup: true },
  'metrics': { title: 'Online metrics', load: () => import('./pages/onlineMetrics.js'), needsGroup: true },
  'jobs': { title: 'Jobs', load: () => import('./pages/jobs.js'), needsGroup: true },
  'cluster': { title: 'Cluster & health', load: () => import('./pages/cluster.js') },
  'sign-in': { title: 'Sign in', load: () => import('./pages/signIn.js') },
};

const navOrder = ['', 'group', 'solutions', 'campaigns', 'filters', 'event-trackers', 'metrics', 'jobs', 'cluster'];
const main = document.getElementById('main');
let session = { authMode: 'none', signedIn: true };
let pageLifetime = new AbortController();

function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

function currentRoute() {
  const path = location.pathname.replace(/^\/console\/?/, '').replace(/\/$/, '');
  return routes[path] ? path : null;
}

async function render() {
  pageLifetime.abort();
  pageLifetime = new AbortController();
  const signal = pageLifetime.signal;
  const routeName = currentRoute();
  const params = new URLSearchParams(location.search);
  if (session.authMode === 'sigv4' && !session.signedIn && routeName !== 'sign-in') {
    navigate(pageUrl('sign-in', { next: location.pathname + location.search }), { replace: true });
    return;
  }
  const route = routes[routeName ?? ''];
  renderNav(routeName, params.get('group'));
  await renderGroupPicker(routeName, params.get('group'));
  document.title = `${route.title} · Attune console`;
  if (routeName === null) {
    main.replaceChildren(h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '/console/' }, 'Go to the dataset groups')));
    return;
  }
  if (route.needsGroup && !params.get('group')) {
    main.replaceChildren(h('h1', {}, route.title), h('p', {}, 'Choose a dataset group above, or ', h('a', { href: '/console/' }, 'create one'), '.'));
    return;
  }
  main.replaceChildren(h('p', { class: 'muted', role: 'status' }, 'Loading…'));
  try {
    const page = await route.load();
    if (signal.aborted) return;
    main.replaceChildren();
    await page.render(main, { params, signal, session, navigate, refresh: render, forgetGroups, signedIn });
  } catch (error) {
    if (!signal.aborted) main.replaceChildren(h('h1', {}, route.title), errorBox(error));
  }
  // Move focus to the new page so keyboard and screen-reader users start at its content.
  if (!signal.aborted && document.activeElement?.closest('nav, main')) main.focus({ preventScroll: true });
}

function renderNav(active, group) {
  const list = document.getElementById('nav-links');
  list.replaceChildren(...navOrder.map(name => {
    const route = routes[name];
    const disabled = route.needsGroup && !group;
    // Every page keeps the chosen group in its URL, so coming back from e.g. the cluster page keeps it.
    const href = pageUrl(name, name === '' ? {} : { group });
    return h('li', {}, disabled
      ? h('span', { class: 'nav-disabled', title: 'Choose a dataset group first' }, route.title)
      : h('a', { href, 'aria-current': name === active ? 'page' : undefined }, route.title));
  }));
}

let knownGroups = null;

async function renderGroupPicker(routeName, group) {
  const container = document.getElementById('group-picker');
  if (routeName === 'sign-in' || (session.authMode === 'sigv4' && !session.signedIn)) {
    container.replaceChildren();
    return;
  }
  try {
    knownGroups ??= await listAll('ListDatasetGroups', {}, 'datasetGroups');
  } catch {
    knownGroups = [];
  }
  const picker = select([{ value: '', label: '— none —' },
    ...knownGroups.map(g => ({ value: g.datasetGroupArn, label: g.name, selected: g.datasetGroupArn === group }))]);
  picker.addEventListener('change', () => {
    // Stay on the same kind of page for the new group; from a page without a group, open the group's datasets.
    const target = routes[routeName ?? '']?.needsGroup ? routeName : 'group';
    navigate(picker.value ? pageUrl(target, { group: picker.value }) : pageUrl(''));
  });
  container.replaceChildren(field('Dataset group', picker));
}

/** Pages call this after creating or deleting a dataset group so the picker shows it. */
function forgetGroups() {
  knownGroups = null;
}

async function loadSession() {
  try {
    session = await consoleApi.session();
  } catch {
    session = { authMode: 'none', signedIn: true };
  }
  const account = document.getElementById('account');
  const signOut = document.getElementById('sign-out');
  account.textContent = session.signedIn && session.accountId ? `Account ${session.accountId}` : '';
  signOut.hidden = !(session.authMode === 'sigv4' && session.signedIn);
}

document.addEventListener('click', event => {
  const anchor = event.target.closest?.('a[href^="/console"]');
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || anchor.target) return;
  event.preventDefault();
  navigate(anchor.getAttribute('href'));
});
window.addEventListener('popstate', render);
document.getElementById('sign-out').addEventListener('click', async () => {
  await consoleApi.signOut().catch(() => {});
  await loadSession();
  knownGroups = null;
  navigate(pageUrl('sign-in'), { replace: true });
});
whenSignedOut(async () => {
  await loadSession();
  if (!session.signedIn) navigate(pageUrl('sign-in', { next: location.pathname + location.search }), { replace: true });
});

/** After sign-in the shell reloads the session, then opens `next`. */
async function signedIn(next) {
  await loadSession();
  knownGroups = null;
  navigate(next && next.startsWith('/console') ? next : pageUrl(''), { replace: true });
}

initTheme(document.getElementById('theme-toggle'));
loadSession().then(render);
