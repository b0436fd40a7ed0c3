// Builds DOM nodes without innerHTML, so no server-provided text is ever parsed as markup.

/** h('a', {href: '/x', class: 'y', onclick: fn}, 'text', child, [more]) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A table with a caption (visually hidden when `hideCaption`) from rows and column definitions. */
export function table(caption, columns, rows, { empty = 'None yet.', hideCaption = false } = {}) {
  if (rows.length === 0) return h('p', { class: 'muted' }, empty);
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('caption', { class: hideCaption ? 'visually-hidden' : undefined }, caption),
      h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c.label)))),
      h('tbody', {}, rows.map(row => h('tr', {}, columns.map(c => h('td', {}, c.value(row))))))));
}

/** A labelled form control; `control` is the input/select/textarea element (its id is set here). */
export function field(label, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const hintNode = hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintNode);
}

export function select(options, attributes = {}) {
  return h('select', attributes, options.map(o =>
    typeof o === 'string' ? h('option', { value: o }, o) : h('option', { value: o.value, selected: o.selected }, o.label)));
}

export function statusBadge(status) {
  const text = status ?? 'UNKNOWN';
  const tone = /ACTIVE|COMPLETED|healthy/i.test(text) ? 'ok'
    : /FAILED|unhealthy/i.test(text) ? 'bad'
      : /STOP|degraded|PENDING|IN_PROGRESS|IN PROGRESS|CREATE|DELETE|UPDATE/i.test(text) ? 'busy' : 'neutral';
  return h('span', { class: `badge badge--${tone}` }, text);
}

export function time(epochSeconds) {
  if (epochSeconds === undefined || epochSeconds === null) return '';
  const date = typeof epochSeconds === 'number' ? new Date(epochSeconds * 1000) : new Date(epochSeconds);
  return h('time', { datetime: date.toISOString() }, date.toLocaleString());
}

/** The last segment of an ARN, readable in tables (the full ARN is in the title). */
export function shortArn(arn) {
  return h('span', { title: arn, class: 'arn' }, arn?.split('/').slice(1).join('/') || arn);
}

export function link(href, text) {
  return h('a', { href }, text);
}

export function heading(text, ...actions) {
  return h('div', { class: 'page-head' }, h('h1', {}, text), actions.length ? h('div', { class: 'page-head__actions' }, actions) : null);
}

export function section(title, ...children) {
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), children);
}

export function button(text, onclick, { kind = 'primary', type = 'button', ...rest } = {}) {
  return h('button', { type, class: `button button--${kind}`, onclick, ...rest }, text);
}

export function progressBar(label, fraction) {
  const percent = Math.max(0, Math.min(100, Math.round((fraction ?? 0) * 100)));
  return h('span', { class: 'progress' },
    h('progress', { max: 100, value: percent, 'aria-label': label }), ` ${percent}%`);
}

/** One term of a <dl class="facts">. */
export function fact(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}
