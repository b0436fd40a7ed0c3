// A schema's Avro JSON from a field editor (name, type, nullable, categorical) or typed directly as JSON; the
// two stay in sync. CreateSchema validates the result, so this only helps the user write it.
import { h, field, select, button } from './dom.js';

const types = ['string', 'long', 'int', 'float', 'double', 'boolean'];

export const defaultFields = {
  Interactions: [['USER_ID', 'string'], ['ITEM_ID', 'string'], ['TIMESTAMP', 'long'], ['EVENT_TYPE', 'string'], ['EVENT_VALUE', 'float', { nullable: true }]],
  Items: [['ITEM_ID', 'string'], ['TITLE', 'string', { nullable: true }], ['GENRES', 'string', { categorical: true, nullable: true }], ['CREATION_TIMESTAMP', 'long', { nullable: true }]],
  Users: [['USER_ID', 'string']],
  Actions: [['ACTION_ID', 'string']],
  Action_Interactions: [['USER_ID', 'string'], ['ACTION_ID', 'string'], ['TIMESTAMP', 'long'], ['EVENT_TYPE', 'string']],
};

/** Avro type → the editor's (type, nullable). */
function parseType(type) {
  const list = Array.isArray(type) ? type : [type];
  return { type: list.find(t => t !== 'null') ?? 'string', nullable: list.includes('null') };
}

export function toAvro(datasetType, rows) {
  return {
    type: 'record',
    name: datasetType,
    namespace: 'com.amazonaws.personalize.schema',
    fields: rows.map(r => ({
      name: r.name,
      type: r.nullable ? ['null', r.type] : r.type,
      ...(r.categorical ? { categorical: true } : {}),
      ...(r.textual ? { textual: true } : {}),
    })),
    version: '1.0',
  };
}

/** The editor; `value()` gives the schema JSON text to send. */
export function schemaEditor(datasetType) {
  let rows = [];
  const body = h('tbody', {});
  const json = h('textarea', { rows: 10, spellcheck: 'false', class: 'code' });
  const mode = select([{ value: 'fields', label: 'Field editor' }, { value: 'json', label: 'JSON' }]);
  const fieldsView = h('div', {},
    h('div', { class: 'table-wrap' }, h('table', { class: 'editor-table' },
      h('caption', { class: 'visually-hidden' }, 'Schema fields'),
      h('thead', {}, h('tr', {}, ['Field name', 'Type', 'Nullable', 'Categorical', 'Textual', ''].map(t => h('th', { scope: 'col' }, t)))),
      body)),
    button('Add field', () => { rows.push({ name: '', type: 'string', nullable: true }); draw(); }, { kind: 'secondary' }));
  const jsonView = h('div', { hidden: true }, field('Schema (Avro JSON)', json));

  mode.addEventListener('change', () => {
    if (mode.value === 'json') {
      json.value = JSON.stringify(toAvro(datasetType(), rows), null, 2);
    } else {
      try {
        rows = JSON.parse(json.value).fields.map(f => ({ name: f.name, ...parseType(f.type), categorical: !!f.categorical, textual: !!f.textual }));
      } catch {
        // Unparseable JSON: keep the editor's previous rows; CreateSchema would have rejected the JSON anyway.
      }
      draw();
    }
    fieldsView.hidden = mode.value !== 'fields';
    jsonView.hidden = mode.value !== 'json';
  });

  function reset() {
    rows = (defaultFields[datasetType()] ?? []).map(([name, type, flags = {}]) => ({ name, type, nullable: false, ...flags }));
    draw();
    json.value = JSON.stringify(toAvro(datasetType(), rows), null, 2);
  }

  function draw() {
    body.replaceChildren(...rows.map((row, index) => {
      const name = h('input', { value: row.name, 'aria-label': `Field ${index + 1} name`, required: true });
      name.addEventListener('input', () => { row.name = name.value; });
      const type = select(types.map(t => ({ value: t, label: t, selected: t === row.type })), { 'aria-label': `Field ${index + 1} type` });
      type.addEventListener('change', () => { row.type = type.value; });
      const check = (key, label) => {
        const box = h('input', { type: 'checkbox', checked: !!row[key], 'aria-label': `Field ${index + 1} ${label}` });
        box.addEventListener('change', () => { row[key] = box.checked; });
        return box;
      };
      return h('tr', {}, h('td', {}, name), h('td', {}, type), h('td', {}, check('nullable', 'nullable')),
        h('td', {}, check('categorical', 'categorical')), h('td', {}, check('textual', 'textual')),
        h('td', {}, button('Remove', () => { rows.splice(index, 1); draw(); }, { kind: 'ghost', 'aria-label': `Remove field ${index + 1}` })));
    }));
  }

  reset();
  return {
    node: h('fieldset', { class: 'schema-editor' }, h('legend', {}, 'New schema'), field('Edit as', mode), fieldsView, jsonView),
    reset,
    value: () => mode.value === 'json' ? json.value : JSON.stringify(toAvro(datasetType(), rows)),
  };
}

/** A schema's fields as a table (name, type, nullable, categorical, textual). */
export function schemaTable(schemaJson) {
  let fields = [];
  try {
    fields = JSON.parse(schemaJson).fields ?? [];
  } catch {
    return h('pre', { class: 'code' }, schemaJson);
  }
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', {}, 'Schema fields'),
    h('thead', {}, h('tr', {}, ['Field', 'Type', 'Nullable', 'Categorical', 'Textual'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, fields.map(f => {
      const { type, nullable } = parseType(f.type);
      return h('tr', {}, h('td', {}, h('code', {}, f.name)), h('td', {}, type), h('td', {}, nullable ? 'yes' : 'no'),
        h('td', {}, f.categorical ? 'yes' : 'no'), h('td', {}, f.textual ? 'yes' : 'no'));
    }))));
}
