// A filter-expression editor that validates as you type (debounced) through /console/api/validate-filter, the
// server's own parser, and marks the error's position in a copy of the expression.
import { h, field } from './dom.js';
import { consoleApi } from './api.js';

const debounceMs = 300;

export function filterEditor(datasetGroupArn) {
  const input = h('textarea', { rows: 3, required: true, spellcheck: 'false', class: 'code', name: 'filterExpression',
    placeholder: 'EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")' });
  const message = h('div', { class: 'validation', id: 'filter-validation', 'aria-live': 'polite' });
  const marked = h('pre', { class: 'code marked-expression', 'aria-hidden': 'true', hidden: true });
  input.setAttribute('aria-describedby', message.id);
  let timer;
  let pending = new AbortController();
  let latest = { valid: false };

  async function validate() {
    pending.abort();
    pending = new AbortController();
    const text = input.value;
    if (!text.trim()) {
      show({ valid: false, message: 'Type an expression.' }, text, true);
      return;
    }
    try {
      show(await consoleApi.validateFilter(text, datasetGroupArn, pending.signal), text);
    } catch (error) {
      if (error.name !== 'AbortError') show({ valid: false, message: `${error.type ?? 'Error'}: ${error.message}` }, text);
    }
  }

  function show(result, text, quiet = false) {
    latest = result;
    input.setAttribute('aria-invalid', String(!result.valid && !quiet));
    message.className = `validation ${result.valid ? 'validation--ok' : quiet ? '' : 'validation--error'}`;
    if (result.valid) {
      message.textContent = 'Valid expression.';
      marked.hidden = true;
      return;
    }
    message.textContent = result.message;
    marked.hidden = !Number.isInteger(result.position);
    if (Number.isInteger(result.position)) {
      // `position` is 1-based, as the message names it.
      const start = Math.min(result.position - 1, text.length);
      const end = Math.min(text.length, start + Math.max(1, result.length ?? 1));
      // An error at the very end (e.g. a missing token) is marked as one blank after the text.
      marked.replaceChildren(text.slice(0, start), h('mark', { class: 'error-mark' }, text.slice(start, end) || ' '), text.slice(end));
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(validate, debounceMs);
  });

  return {
    node: h('div', { class: 'filter-editor' }, field('Filter expression', input), marked, message),
    input,
    isValid: () => latest.valid,
    validateNow: validate,
  };
}
