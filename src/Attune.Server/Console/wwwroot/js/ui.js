// Shared page pieces: inline error messages, forms that call the API, polling tied to the page's lifetime.
import { h, button } from './dom.js';

/** An inline alert showing a Personalize error as `__type: message`. */
export function errorBox(error) {
  const type = error?.type ?? error?.name ?? 'Error';
  return h('div', { class: 'alert alert--error', role: 'alert' }, h('strong', {}, type), ': ', error?.message ?? String(error));
}

export function notice(text) {
  return h('div', { class: 'alert alert--info', role: 'status' }, text);
}

/**
 * A form whose submit runs `action(form)`; while it runs the button is disabled, and an error is shown inline under
 * the form (kept until the next try). `fields` are nodes (see dom.field).
 */
export function apiForm(title, fields, submitLabel, action) {
  const feedback = h('div', { class: 'form-feedback', 'aria-live': 'polite' });
  const submit = button(submitLabel, undefined, { type: 'submit' });
  const form = h('form', { class: 'form', 'aria-label': title }, fields, h('div', { class: 'form-actions' }, submit), feedback);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    feedback.replaceChildren();
    submit.disabled = true;
    try {
      await action(form);
    } catch (error) {
      feedback.replaceChildren(errorBox(error));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** Runs `action`, showing an error next to `anchor` when it fails (for row buttons: delete, stop, ...). */
export async function attempt(anchor, action) {
  anchor.parentElement?.querySelector(':scope > .alert')?.remove();
  try {
    await action();
  } catch (error) {
    anchor.after(errorBox(error));
  }
}

/** Asks before a destructive call. */
export function confirmed(question) {
  return window.confirm(question);
}

/**
 * Renders `load()` into `container`, then again every `ms` while `keepGoing(result)` and the page is open; a failure
 * is shown in its place (`showError`) and ends the polling.
 */
export async function live(container, signal, load, { ms = 1000, keepGoing = () => false, showError = errorBox } = {}) {
  let result;
  do {
    try {
      const { node, value } = await load();
      if (signal.aborted) return;
      container.replaceChildren(node);
      result = value;
    } catch (error) {
      if (signal.aborted) return;
      container.replaceChildren(showError(error));
      return;
    }
    if (!keepGoing(result)) return;
    await sleep(ms, signal);
  } while (!signal.aborted);
}

export function sleep(ms, signal) {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

export const inProgress = status => /PENDING|IN_PROGRESS|IN PROGRESS|STOP PENDING/.test(status ?? '');
