// The page: reads the article, asks the analyser (in a worker) for a report and shows it.
// Everything the user supplies is inserted as text nodes, never as markup.
import { SAMPLES } from './samples.js';
import { htmlToText } from './html-to-text.js';
import { analyserReady, requestAnalysis } from './analyser.js';
import { readableTimex, readableTimexRange } from './timex.js';

const $ = (id) => document.getElementById(id);

const TYPES = [
  { code: 'PER', label: 'People', one: 'person' },
  { code: 'ORG', label: 'Organisations', one: 'organisation' },
  { code: 'LOC', label: 'Places', one: 'place' },
  { code: 'EVENT', label: 'Events', one: 'event' },
  { code: 'MISC', label: 'Other names', one: 'other name' },
];
const TYPE = Object.fromEntries(TYPES.map((t) => [t.code, t]));

const ROLE_LABELS = {
  caption: 'Caption',
  byline: 'Byline',
  image_name: 'Image file name',
  related: 'Related stories',
  duplicate: 'Repeated line',
  end_marker: 'End marker',
  promo: 'Page furniture',
};
const CONTENT_ROLES = new Set(['title', 'body', 'dateline']);

const state = {
  text: '',
  report: null,
  // Paragraph indices the user brought back into the body; reset when the text changes.
  include: new Set(),
  hidden: new Set(),
  selected: null, // {id, index}
  figureSort: { key: 'order', dir: 1 },
  showViewOnResult: false,
  maxInputBytes: Infinity,
  allQuotes: false, // every quote listed, not only the first QUOTES_SHOWN
};

// Quotes listed until the reader asks for all: a long text can hold thousands, and laying
// out 9,000 took the page half a second.
const QUOTES_SHOWN = 100;

// ---------------------------------------------------------------- running an analysis

let debounce = 0;
let generation = 0;

function scheduleAnalysis(delay) {
  clearTimeout(debounce);
  debounce = setTimeout(runAnalysis, delay);
}

/** For a whole new text or a changed option: no typing to wait for. */
function analyseNow() {
  clearTimeout(debounce);
  runAnalysis();
}

function options() {
  const v = $('summary-length').value;
  const o = { include_paragraphs: [...state.include].sort((a, b) => a - b) };
  if (v.startsWith('r')) o.summary_ratio = Number(v.slice(1));
  else o.summary = Number(v.slice(1));
  const date = articleDate();
  if (date) o.reference_date = date;
  return o;
}

/** The date the reader gave the article ("YYYY-MM-DD"), or '' when none is set. */
function articleDate() {
  const v = $('article-date').value;
  // A browser without a date picker shows a plain text box: only a whole ISO date counts.
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '';
}

async function runAnalysis() {
  const text = $('input').value;
  const mine = ++generation;
  state.text = text;
  if (!text.trim()) {
    clearReport();
    showMessage('Nothing to analyse yet: paste an article, drop a .txt or .html file, or try a sample.', 'info');
    return;
  }
  const bytes = new TextEncoder().encode(text).length;
  await analyserReady().catch(() => {});
  if (bytes > state.maxInputBytes) {
    clearReport();
    const mib = (state.maxInputBytes / 1048576).toFixed(0);
    showMessage(
      `This text is too long to analyse: ${formatNumber(bytes)} bytes, over the limit of ` +
        `${formatNumber(state.maxInputBytes)} (${mib} MiB). Split it into smaller parts and analyse them one at a time.`,
      'error',
    );
    return;
  }
  document.body.classList.add('busy');
  let result;
  try {
    result = await requestAnalysis(text, options());
  } catch (err) {
    if (mine !== generation) return;
    document.body.classList.remove('busy');
    if (err.trap) {
      showMessage(
        'The analyser hit an internal error on this text and has been restarted. Your text is unchanged; ' +
          'edit it or try again.',
        'error',
      );
    } else showMessage(`The text could not be analysed: ${err.message}`, 'error');
    clearReport();
    return;
  }
  if (!result || mine !== generation) return;
  document.body.classList.remove('busy');
  state.report = result.report;
  render();
  if (state.showViewOnResult) {
    state.showViewOnResult = false;
    selectTab('view');
  }
  if (result.report.entities.length === 0) {
    showMessage('No names of people, organisations, places or events were found in this text.', 'info');
  } else showMessage('', '');
  document.documentElement.dataset.analysed = String(generation);
  markFirstShown();
}

let firstShown = false;

/** Marks `first-analysis-shown` once the first report has been drawn, to measure page load. */
function markFirstShown() {
  if (firstShown) return;
  firstShown = true;
  // A task queued from an animation frame runs after that frame's layout and paint.
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('first-analysis-shown');
      enableDatePicker();
    }),
  );
}

/**
 * Turns the "Published" field into a date picker. It starts as a text box that takes the
 * same YYYY-MM-DD, since a date input costs Chromium 25 to 50 ms before the first paint.
 */
function enableDatePicker() {
  const input = $('article-date');
  if (input.type !== 'date') input.type = 'date';
}

function clearReport() {
  state.report = null;
  state.selected = null;
  render();
}

function showMessage(text, kind) {
  const m = $('message');
  m.textContent = text;
  m.className = `message ${kind}`;
  m.hidden = !text;
}

// ---------------------------------------------------------------- rendering

function render() {
  renderView();
  renderLegend();
  renderSummary();
  renderEntities();
  renderQuotes();
  renderFigures();
  renderStats();
  renderStepper();
}

const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

/** Spans to draw inside the article: sentences outermost, then entity mentions, then figures. */
function annotations(report) {
  const out = [];
  report.sentences.forEach((s, i) => out.push({ start: s.start, end: s.end, rank: 0, sentence: i }));
  for (const e of report.entities) {
    e.mentions.forEach((m, k) => out.push({ start: m.start, end: m.end, rank: 1, entity: e, mention: k }));
  }
  report.figures.forEach((f, i) => out.push({ start: f.start, end: f.end, rank: 2, figure: i }));
  return out
    .filter((a) => a.end > a.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
}

function annotationElement(a) {
  if (a.sentence !== undefined) {
    const s = state.report.sentences[a.sentence];
    const e = el('span', s.in_summary ? 'sent in-summary' : 'sent');
    e.dataset.sent = a.sentence;
    return e;
  }
  if (a.entity) {
    const e = el('mark', `ent t-${a.entity.type}`);
    e.dataset.ent = a.entity.id;
    e.dataset.mention = a.mention;
    e.dataset.type = a.entity.type;
    e.tabIndex = -1;
    return e;
  }
  const e = el('mark', 'fig');
  e.dataset.fig = a.figure;
  e.tabIndex = -1;
  return e;
}

/** Appends text[start, end) to `parent`, wrapping each annotation (sorted, inside the range). */
function build(parent, text, start, end, items) {
  let pos = start;
  let i = 0;
  while (i < items.length) {
    const a = items[i];
    const aStart = Math.max(a.start, pos);
    const aEnd = Math.min(a.end, end);
    let j = i + 1;
    const inner = [];
    while (j < items.length && items[j].start < aEnd) {
      const b = items[j];
      inner.push(b);
      if (b.end > aEnd) {
        // It crosses this annotation's end: draw the rest as a second piece after it.
        const rest = { ...b, start: aEnd };
        let k = j + 1;
        while (k < items.length && items[k].start < aEnd) k++;
        while (k < items.length && (items[k].start < rest.start || (items[k].start === rest.start && items[k].rank <= rest.rank))) k++;
        items.splice(k, 0, rest);
      }
      j++;
    }
    if (aStart < aEnd) {
      if (aStart > pos) parent.append(text.slice(pos, aStart));
      const node = annotationElement(a);
      build(node, text, aStart, aEnd, inner);
      parent.append(node);
      pos = aEnd;
    }
    i = j;
  }
  if (pos < end) parent.append(text.slice(pos, end));
}

/** Paragraphs grouped into the lines they sit on (a dateline shares its line with the body). */
function blocks(text, paragraphs) {
  const order = paragraphs.map((p, i) => ({ ...p, index: i })).sort((a, b) => a.start - b.start);
  const out = [];
  for (const p of order) {
    const last = out[out.length - 1];
    if (last && !text.slice(last.end, p.start).includes('\n')) {
      last.parts.push(p);
      last.end = Math.max(last.end, p.end);
    } else out.push({ start: p.start, end: p.end, parts: [p] });
  }
  return out;
}

function renderView() {
  const view = $('view');
  view.replaceChildren();
  const report = state.report;
  if (!report) {
    view.append(el('p', 'placeholder', 'The highlighted article appears here.'));
    return;
  }
  const text = state.text;
  const items = annotations(report);
  let k = 0;
  for (const b of blocks(text, report.paragraphs)) {
    const tag = b.parts.some((p) => p.role === 'title') ? 'h3' : 'p';
    const block = el(tag, 'para');
    let gapFrom = b.start;
    for (const p of b.parts) {
      // Keep the space between a dateline and the body that follows it on the line.
      if (p.start > gapFrom) block.append(text.slice(gapFrom, p.start));
      gapFrom = Math.max(gapFrom, p.end);
      const part = el('span', `part role-${p.role}`);
      part.dataset.para = p.index;
      const boiler = !CONTENT_ROLES.has(p.role);
      const restored = state.include.has(p.index);
      if (boiler || restored) {
        const btn = el('button', 'restore', boiler ? ROLE_LABELS[p.role] || p.role : 'Included');
        btn.type = 'button';
        btn.dataset.para = p.index;
        btn.setAttribute(
          'aria-label',
          boiler
            ? `${ROLE_LABELS[p.role] || p.role}, left out of the analysis. Include this paragraph`
            : 'Brought back into the analysis. Leave this paragraph out again',
        );
        if (restored) part.classList.add('restored');
        else part.classList.add('boiler');
        block.append(btn);
      }
      while (k < items.length && items[k].end <= p.start) k++;
      const inside = [];
      for (let j = k; j < items.length && items[j].start < p.end; j++) {
        if (items[j].end > p.start) inside.push(items[j]);
      }
      build(part, text, p.start, p.end, inside);
      block.append(part);
    }
    view.append(block);
  }
  applyFilters();
  markSelection();
}

function countOf(code) {
  if (!state.report) return 0;
  if (code === 'FIG') return state.report.figures.length;
  if (code === 'SUM') return state.report.summary.length;
  return state.report.entities.filter((e) => e.type === code).reduce((n, e) => n + e.mentions.length, 0);
}

function renderLegend() {
  const legend = $('legend');
  legend.replaceChildren();
  const chips = [
    ...TYPES.map((t) => ({ code: t.code, label: t.label, cls: `t-${t.code}` })),
    { code: 'FIG', label: 'Figures', cls: 'fig' },
    { code: 'SUM', label: 'Summary', cls: 'sum' },
  ];
  for (const c of chips) {
    const b = el('button', `chip ${c.cls}`);
    b.type = 'button';
    b.dataset.filter = c.code;
    b.setAttribute('aria-pressed', String(!state.hidden.has(c.code)));
    b.append(el('span', 'swatch'), el('span', 'chip-label', c.label));
    if (state.report) b.append(el('span', 'count', String(countOf(c.code))));
    legend.append(b);
  }
}

function applyFilters() {
  const view = $('view');
  for (const code of ['PER', 'ORG', 'LOC', 'EVENT', 'MISC', 'FIG', 'SUM']) {
    view.classList.toggle(`hide-${code}`, state.hidden.has(code));
  }
}

// ---------------------------------------------------------------- values and labels

/** A number with English digit grouping and at most six decimals, rounded half up on its
 * shortest decimal form: 4580000000 → "4,580,000,000". Written out because creating an
 * Intl.NumberFormat costs the page's start tens of milliseconds. */
function formatNumber(v) {
  if (!Number.isFinite(v)) return String(v);
  const [mantissa, exponent] = Math.abs(v).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  // The value in millionths: the first `kept` digits, plus one if the next is 5 or more.
  const kept = Number(exponent) + 7;
  let millionths = kept > 0 ? BigInt(digits.slice(0, kept).padEnd(kept, '0')) : 0n;
  if (kept >= 0 && digits[kept] >= '5') millionths += 1n;
  const text = millionths.toString().padStart(7, '0');
  const decimals = text.slice(-6).replace(/0+$/, '');
  const sign = v < 0 && millionths > 0n ? '-' : '';
  return sign + text.slice(0, -6).replace(/\B(?=(\d{3})+$)/g, ',') + (decimals ? `.${decimals}` : '');
}

function formatValue(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return readableTimex(v);
  if (typeof v === 'object' && 'from' in v) {
    if (typeof v.from === 'string' && typeof v.to === 'string') return readableTimexRange(v.from, v.to);
    return `${formatValue(v.from)} – ${formatValue(v.to)}`;
  }
  return JSON.stringify(v);
}

/** The normalised code of a date or time, which the page shows in words, for its details. */
function dateCode(v) {
  const isDate = typeof v === 'string' || (v && typeof v === 'object' && typeof v.from === 'string');
  return isDate && formatValue(v) !== rawValue(v) ? rawValue(v) : '';
}

function rawValue(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return `${rawValue(v.from)}..${rawValue(v.to)}`;
  return String(v);
}

function sortableValue(v) {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'from' in v) return sortableValue(v.from);
  return null;
}

function measures(f) {
  return [f.subject, f.counted].filter(Boolean).join(' — ');
}

function sentenceText(s) {
  return state.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------- panels

function togglePanel(prefix, hasContent) {
  $(`${prefix}-empty`).hidden = hasContent;
}

function renderSummary() {
  const list = $('summary');
  list.replaceChildren();
  const r = state.report;
  const picked = r ? r.summary.map((i) => [i, r.sentences[i]]) : [];
  for (const [i, s] of picked) {
    const li = el('li');
    const b = el('button', 'sentence-link', sentenceText(s));
    b.type = 'button';
    b.dataset.sent = i;
    li.append(b);
    if (s.reasons && s.reasons.length) li.append(el('span', 'why', `Why: ${s.reasons.join(' · ')}`));
    list.append(li);
  }
  togglePanel('summary', picked.length > 0);
  if (r && !picked.length) $('summary-empty').textContent = 'No body sentences to summarise.';
  else $('summary-empty').textContent = 'The summary appears here.';
  $('copy-summary').disabled = !picked.length;
}

function renderEntities() {
  const box = $('entities');
  box.replaceChildren();
  const r = state.report;
  const ents = r ? r.entities : [];
  for (const t of TYPES) {
    const group = ents.filter((e) => e.type === t.code).sort((a, b) => b.salience - a.salience || b.mentions.length - a.mentions.length);
    if (!group.length) continue;
    const section = el('div', `ent-group t-${t.code}`);
    const h = el('h3', 'group-head');
    h.append(el('span', 'swatch'), el('span', '', `${t.label}`), el('span', 'count', String(group.length)));
    const list = el('ul', 'ent-list');
    for (const e of group) {
      const li = el('li');
      const b = el('button', `ent-item t-${e.type}`);
      b.type = 'button';
      b.dataset.ent = e.id;
      const bar = el('span', 'sal');
      const fill = el('span', 'sal-fill');
      fill.style.width = `${Math.round(Math.max(0, Math.min(1, e.salience)) * 100)}%`;
      bar.append(fill);
      const n = e.mentions.length;
      b.append(el('span', 'ent-name', e.name), bar, el('span', 'count', String(n)));
      b.setAttribute('aria-label', `${e.name}, ${t.one}, ${n} mention${n === 1 ? '' : 's'}. Show mentions`);
      li.append(b);
      list.append(li);
    }
    section.append(h, list);
    box.append(section);
  }
  togglePanel('entities', ents.length > 0);
  $('entities-empty').textContent = r
    ? 'No names of people, organisations, places or events were found.'
    : 'People, organisations, places and events appear here.';
}

/** Index of the sentence holding text position `pos`, or -1 (boilerplate lies outside them). */
function sentenceAt(r, pos) {
  // Sentences are in text order: the last one starting at or before `pos`.
  let lo = 0;
  let hi = r.sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.sentences[mid].start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && pos < r.sentences[lo - 1].end ? lo - 1 : -1;
}

/** A quote's words on one line, in quotation marks. */
function quoteWords(q) {
  return `“${state.text.slice(q.start, q.end).replace(/\s+/g, ' ').trim()}”`;
}

/** Who a quote is from when no entity is: the words naming them, or why there are none. */
function unnamedSpeaker(q) {
  return q.speaker_text || (q.kind === 'phrase' ? 'quoted phrase' : 'speaker not stated');
}

function renderQuotes() {
  const list = $('quotes');
  list.replaceChildren();
  const r = state.report;
  const quotes = r ? r.quotes : [];
  const shown = state.allQuotes ? quotes : quotes.slice(0, QUOTES_SHOWN);
  for (const q of shown) {
    const li = el('li', `quote ${q.kind}`);
    const words = quoteWords(q);
    const sentence = sentenceAt(r, q.start);
    if (sentence < 0) li.append(el('span', 'quote-words', words));
    else {
      const b = el('button', 'sentence-link quote-words', words);
      b.type = 'button';
      b.dataset.sent = sentence;
      li.append(b);
    }
    const who = el('span', 'speaker');
    const e = entityById(q.speaker);
    if (e) {
      const b = el('button', `speaker-link t-${e.type}`, e.name);
      b.type = 'button';
      b.dataset.ent = e.id;
      b.setAttribute('aria-label', `${e.name}: show mentions`);
      who.append('— ', b);
      // The words that name them, when these are not the name: "he", "the minister" (a
      // pronoun that opened its sentence in lower case).
      const said = q.speaker_text && /^(He|She|They|We)$/.test(q.speaker_text) ? q.speaker_text.toLowerCase() : q.speaker_text;
      if (said && !e.aliases.includes(said)) who.append(`, as “${said}”`);
    } else who.append(`${q.speaker_text ? '— ' : ''}${unnamedSpeaker(q)}`);
    li.append(who);
    list.append(li);
  }
  if (shown.length < quotes.length) {
    const more = el('button', 'show-all', `Show all ${formatNumber(quotes.length)} quotes`);
    more.type = 'button';
    more.id = 'all-quotes';
    list.append(el('li', 'more'));
    list.lastChild.append(more);
  }
  togglePanel('quotes', quotes.length > 0);
  $('quotes-empty').textContent = r ? 'No quotations in this text.' : 'Quotations and who said them appear here.';
}

function figureRows() {
  const r = state.report;
  if (!r) return [];
  const rows = r.figures.map((f, i) => ({ f, i }));
  const { key, dir } = state.figureSort;
  const get = {
    order: (x) => x.i,
    text: (x) => x.f.text.toLowerCase(),
    kind: (x) => x.f.kind,
    value: (x) => sortableValue(x.f.value),
    unit: (x) => x.f.unit || '',
    measures: (x) => measures(x.f).toLowerCase(),
    period: (x) => x.f.period || '',
  }[key];
  return rows.sort((a, b) => {
    const va = get(a);
    const vb = get(b);
    if (va === vb) return a.i - b.i;
    if (va === null || va === '') return 1;
    if (vb === null || vb === '') return -1;
    return (va < vb ? -1 : 1) * dir;
  });
}

function renderFigures() {
  // The table sits in a new wrapper each time, which skips layout while off screen (see
  // .table-wrap): a browser lays out an element that was on screen in full once more before
  // it finds the element has moved off screen, as when a long text replaces a short one.
  const table = $('figures');
  const wrap = el('div', 'table-wrap');
  table.parentNode.replaceWith(wrap);
  wrap.append(table);
  const body = table.tBodies[0];
  body.replaceChildren();
  const rows = figureRows();
  for (const { f, i } of rows) {
    const tr = el('tr');
    tr.dataset.fig = i;
    const textCell = el('td', 'fig-text');
    const link = el('button', 'figure-link', f.text);
    link.type = 'button';
    link.dataset.fig = i;
    textCell.append(link);
    const valueCell = el('td', 'num');
    if (f.qualifier) valueCell.append(el('span', 'qual', `${f.qualifier} `));
    const value = el('span', 'value', formatValue(f.value));
    const code = dateCode(f.value);
    if (code) value.title = `Normalised: ${code}`;
    valueCell.append(value);
    if (f.uncertain) {
      const u = el('span', 'uncertain', '?');
      u.title = f.note || 'Uncertain reading';
      u.setAttribute('aria-label', `uncertain: ${f.note || 'uncertain reading'}`);
      valueCell.append(u);
    }
    tr.append(
      el('td', 'muted', String(i + 1)),
      textCell,
      el('td', '', f.kind.toLowerCase()),
      valueCell,
      el('td', '', f.unit || ''),
      el('td', '', measures(f)),
      el('td', '', f.period || ''),
    );
    tr.children[2].className = `kind k-${f.kind}`;
    body.append(tr);
  }
  for (const th of $('figures').tHead.rows[0].cells) {
    const { key, dir } = state.figureSort;
    if (th.dataset.key === key) th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
  }
  togglePanel('figures', rows.length > 0);
  $('figures-empty').textContent = state.report
    ? 'No figures were found in this text.'
    : 'Money, percentages, dates and other figures appear here.';
}

function renderStats() {
  const dl = $('stats');
  dl.replaceChildren();
  const r = state.report;
  togglePanel('stats', !!r);
  if (!r) return;
  const s = r.stats;
  const total = s.timings.reduce((n, t) => n + t.ms, 0);
  const rows = [
    ['Words', formatNumber(s.words)],
    ['Characters', formatNumber(s.characters)],
    ['Sentences', formatNumber(s.sentences)],
    ['Paragraphs', formatNumber(s.paragraphs)],
    ['Reading time', `${s.reading_minutes < 1 ? '< 1' : Math.round(s.reading_minutes)} min`],
    ['Entities', formatNumber(r.entities.length)],
    ['Quotes', formatNumber(r.quotes.length)],
    ['Figures', formatNumber(r.figures.length)],
    ['Analysed in', `${total.toFixed(1)} ms`],
  ];
  for (const [k, v] of rows) {
    const div = el('div');
    div.append(el('dt', '', k), el('dd', '', v));
    dl.append(div);
  }
  const timing = s.timings.map((t) => `${t.stage} ${t.ms.toFixed(1)} ms`).join(', ');
  dl.lastChild.title = timing;
}

// ---------------------------------------------------------------- entity stepping

/** The entity with this id (its index in the report's list), or null. */
function entityById(id) {
  const e = state.report && state.report.entities[id];
  return e && e.id === id ? e : null;
}

function selectEntity(id, index) {
  const e = entityById(id);
  if (!e || !e.mentions.length) return;
  state.selected = { id, index: ((index % e.mentions.length) + e.mentions.length) % e.mentions.length };
  if (state.hidden.has(e.type)) {
    state.hidden.delete(e.type);
    renderLegend();
    applyFilters();
  }
  selectTab('view');
  markSelection();
  renderStepper();
  const current = $('view').querySelector('mark.current');
  if (current) {
    current.scrollIntoView({ block: 'center', behavior: 'smooth' });
    current.focus({ preventScroll: true });
  }
}

function markSelection() {
  const view = $('view');
  for (const m of view.querySelectorAll('mark.selected, mark.current')) m.classList.remove('selected', 'current');
  for (const b of document.querySelectorAll('.ent-item[aria-current]')) b.removeAttribute('aria-current');
  view.classList.toggle('following', !!state.selected);
  if (!state.selected) return;
  const { id, index } = state.selected;
  for (const m of view.querySelectorAll(`mark.ent[data-ent="${id}"]`)) {
    m.classList.add('selected');
    if (m.dataset.mention === String(index)) m.classList.add('current');
  }
  const item = document.querySelector(`.ent-item[data-ent="${id}"]`);
  if (item) item.setAttribute('aria-current', 'true');
}

function renderStepper() {
  const bar = $('stepper');
  const e = state.selected && entityById(state.selected.id);
  if (!e) {
    state.selected = null;
    bar.hidden = true;
    return;
  }
  bar.hidden = false;
  $('stepper-swatch').className = `swatch t-${e.type}`;
  $('stepper-label').textContent = `${e.name}: mention ${state.selected.index + 1} of ${e.mentions.length}`;
}

function step(delta) {
  if (state.selected) selectEntity(state.selected.id, state.selected.index + delta);
}

function clearSelection() {
  state.selected = null;
  markSelection();
  renderStepper();
}

// ---------------------------------------------------------------- hover details

function tipContent(target) {
  const r = state.report;
  const rows = [];
  let title = '';
  let kind = '';
  if (target.dataset.fig !== undefined) {
    const f = r.figures[Number(target.dataset.fig)];
    if (!f) return null;
    title = `${f.qualifier ? f.qualifier + ' ' : ''}${formatValue(f.value)}${f.unit ? ' ' + f.unit : ''}`;
    kind = f.kind.toLowerCase();
    const code = dateCode(f.value);
    if (code) rows.push(['Normalised', code]);
    if (measures(f)) rows.push(['Measures', measures(f)]);
    if (f.period) rows.push(['Period', f.period]);
    if (f.out_of) rows.push(['Out of', formatNumber(f.out_of)]);
    // Sure readings have notes too: "probably 2025-03-11" for a weekday, where a year came from.
    if (f.note || f.uncertain) rows.push(['Note', f.note || 'uncertain reading']);
  } else if (target.dataset.ent !== undefined) {
    const e = entityById(Number(target.dataset.ent));
    if (!e) return null;
    title = e.name;
    kind = TYPE[e.type] ? TYPE[e.type].one : e.type;
    rows.push(['Mentions', String(e.mentions.length)]);
    const quoted = r.quotes.filter((q) => q.speaker === e.id).length;
    if (quoted) rows.push(['Quoted', `${quoted} time${quoted === 1 ? '' : 's'}`]);
    if (e.aliases.length > 1) rows.push(['Also', e.aliases.filter((a) => a !== e.name).join(', ')]);
    if (e.reasons.length) rows.push(['Salience', e.reasons.join('; ')]);
  } else return null;
  const box = document.createDocumentFragment();
  const head = el('div', 'tip-head');
  head.append(el('strong', '', title), el('span', 'tip-kind', kind));
  box.append(head);
  if (rows.length) {
    const dl = el('dl');
    for (const [k, v] of rows) dl.append(el('dt', '', k), el('dd', '', v));
    box.append(dl);
  }
  return box;
}

let tipFor = null;

function showTip(target) {
  if (tipFor === target) return;
  const content = state.report && tipContent(target);
  if (!content) return hideTip();
  const tip = $('tip');
  tip.replaceChildren(content);
  tip.hidden = false;
  if (tipFor) tipFor.removeAttribute('aria-describedby');
  tipFor = target;
  target.setAttribute('aria-describedby', 'tip');
  const box = target.getBoundingClientRect();
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  const left = Math.max(8, Math.min(window.innerWidth - w - 8, box.left + box.width / 2 - w / 2));
  const below = box.bottom + 8 + h < window.innerHeight;
  tip.style.left = `${left}px`;
  tip.style.top = `${below ? box.bottom + 6 : box.top - h - 6}px`;
}

function hideTip() {
  if (tipFor) tipFor.removeAttribute('aria-describedby');
  tipFor = null;
  $('tip').hidden = true;
}

// ---------------------------------------------------------------- tabs, theme, files

function selectTab(which) {
  const view = which === 'view';
  $('tab-text').setAttribute('aria-selected', String(!view));
  $('tab-view').setAttribute('aria-selected', String(view));
  $('tab-text').tabIndex = view ? -1 : 0;
  $('tab-view').tabIndex = view ? 0 : -1;
  $('input-panel').hidden = view;
  $('view').hidden = !view;
  $('article').classList.toggle('viewing', view);
}

const THEMES = ['auto', 'light', 'dark'];
const THEME_NAMES = { auto: 'follow the system', light: 'light', dark: 'dark' };

function applyTheme(theme) {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  const b = $('theme');
  b.textContent = { auto: '◐', light: '☀', dark: '☾' }[theme];
  b.setAttribute('aria-label', `Colour theme: ${THEME_NAMES[theme]}`);
  b.title = `Colour theme: ${THEME_NAMES[theme]}`;
}

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Puts a new text in the box and analyses it; `sample` is the id of the sample it is. */
function setText(text, { show = true, sample = null } = {}) {
  const input = $('input');
  input.value = text;
  // Another article: the date given for the last one must not silently apply to it.
  $('article-date').value = '';
  state.include.clear();
  state.allQuotes = false;
  state.selected = null;
  state.showViewOnResult = show;
  linkSample(sample);
  saveDraft();
  analyseNow();
}

function sampleById(id) {
  return SAMPLES.find((s) => s.id === id);
}

/** The sample the page's address names (`#sample=ID`), if any. */
function linkedSample() {
  return sampleById(new URLSearchParams(location.hash.slice(1)).get('sample'));
}

/** Keeps the address in step with the text: a link to the sample shown, or none. */
function linkSample(id) {
  const hash = id ? `#sample=${encodeURIComponent(id)}` : '';
  if (location.hash !== hash) history.replaceState(null, '', hash || location.pathname + location.search);
}

function openSample(s) {
  $('sample').value = s.id;
  setText(s.text, { sample: s.id });
}

async function readFile(file) {
  if (!file) return;
  try {
    const raw = await file.text();
    const isHtml = /\.html?$/i.test(file.name) || file.type === 'text/html' || /^\s*<(!doctype html|html)/i.test(raw);
    setText(isHtml ? htmlToText(raw) : raw);
  } catch (err) {
    showMessage(`That file could not be read: ${err.message}`, 'error');
  }
}

let draftTimer = 0;
function saveDraft() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(() => {
    try {
      storage()?.setItem('article-analyser:text', $('input').value);
    } catch {
      // Storage full or disabled: the text stays in the page regardless.
    }
  }, 500);
}

// ---------------------------------------------------------------- exports

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function csvCell(v) {
  let s = v === null || v === undefined ? '' : String(v);
  // A cell that starts like a formula is opened as one by spreadsheets: keep it text.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (rows) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

function entitiesCsv(r) {
  const rows = [['id', 'name', 'type', 'salience', 'mentions', 'aliases']];
  for (const e of r.entities) rows.push([e.id, e.name, e.type, e.salience, e.mentions.length, e.aliases.join('; ')]);
  return csv(rows);
}

function figuresCsv(r) {
  const rows = [['text', 'kind', 'value', 'unit', 'qualifier', 'counted', 'subject', 'period', 'out_of', 'uncertain', 'start', 'end']];
  for (const f of r.figures) {
    rows.push([f.text, f.kind, rawValue(f.value), f.unit, f.qualifier, f.counted, f.subject, f.period, f.out_of, f.uncertain, f.start, f.end]);
  }
  return csv(rows);
}

const mdEscape = (s) => String(s).replace(/([\\`*_[\]|<>#])/g, '\\$1');

function markdown(r) {
  const lines = [];
  lines.push(`# ${mdEscape(r.title ? r.title.text : 'Article analysis')}`, '');
  lines.push('## Summary', '');
  for (const i of r.summary) lines.push(`- ${mdEscape(sentenceText(r.sentences[i]))}`);
  lines.push('');
  const ents = [...r.entities].sort((a, b) => b.salience - a.salience);
  if (ents.length) {
    lines.push('## Key names', '');
    for (const t of TYPES) {
      const g = ents.filter((e) => e.type === t.code);
      if (g.length) lines.push(`- **${t.label}:** ${g.map((e) => `${mdEscape(e.name)} (${e.mentions.length})`).join(', ')}`);
    }
    lines.push('');
  }
  if (r.quotes.length) {
    lines.push('## Quotes', '');
    for (const q of r.quotes) {
      const e = entityById(q.speaker);
      lines.push(`- ${mdEscape(quoteWords(q))} — ${mdEscape(e ? e.name : unnamedSpeaker(q))}`);
    }
    lines.push('');
  }
  if (r.figures.length) {
    lines.push('## Key figures', '', '| Figure | Value | Unit | What it measures | Period |', '|---|---:|---|---|---|');
    for (const f of r.figures) {
      const value = `${f.qualifier ? f.qualifier + ' ' : ''}${formatValue(f.value)}`;
      lines.push(`| ${[f.text, value, f.unit || '', measures(f), f.period || ''].map(mdEscape).join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function exportAs(kind) {
  const r = state.report;
  if (!r) {
    showMessage('Nothing to export yet: analyse an article first.', 'info');
    return;
  }
  if (kind === 'json') download('article-analysis.json', 'application/json', JSON.stringify(r, null, 2) + '\n');
  if (kind === 'entities-csv') download('entities.csv', 'text/csv', entitiesCsv(r));
  if (kind === 'figures-csv') download('figures.csv', 'text/csv', figuresCsv(r));
  if (kind === 'markdown') download('article-analysis.md', 'text/markdown', markdown(r));
}

async function copySummary() {
  const r = state.report;
  if (!r) return;
  const text = r.summary.map((i) => sentenceText(r.sentences[i])).join(' ');
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const t = el('textarea');
    t.value = text;
    document.body.append(t);
    t.select();
    document.execCommand('copy');
    t.remove();
  }
  const b = $('copy-summary');
  b.textContent = 'Copied';
  setTimeout(() => (b.textContent = 'Copy'), 1500);
}

// ---------------------------------------------------------------- wiring

function flash(node) {
  if (!node) return;
  node.classList.remove('flash');
  void node.offsetWidth;
  node.classList.add('flash');
  node.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function wire() {
  const input = $('input');
  const sample = $('sample');
  for (const s of SAMPLES) {
    const o = el('option', '', s.label);
    o.value = s.id;
    sample.append(o);
  }
  sample.addEventListener('change', () => {
    const s = sampleById(sample.value);
    if (s) openSample(s);
  });
  window.addEventListener('hashchange', () => {
    const s = linkedSample();
    if (s) openSample(s);
  });

  input.addEventListener('input', (e) => {
    const pasted = e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop';
    if (pasted || (!state.text && input.value.length > 200)) state.showViewOnResult = true;
    state.include.clear();
    state.selected = null;
    linkSample(null);
    saveDraft();
    scheduleAnalysis(input.value.length > 100000 ? 600 : 250);
  });

  $('open').addEventListener('click', () => $('file').click());
  $('file').addEventListener('change', (e) => {
    readFile(e.target.files[0]);
    e.target.value = '';
  });

  // Files dropped anywhere on the page, or pasted as files.
  let depth = 0;
  const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    $('drop').hidden = false;
  });
  window.addEventListener('dragleave', (e) => {
    if (!hasFiles(e)) return;
    if (--depth <= 0) {
      depth = 0;
      $('drop').hidden = true;
    }
  });
  window.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  window.addEventListener('drop', (e) => {
    depth = 0;
    $('drop').hidden = true;
    if (!hasFiles(e)) return;
    e.preventDefault();
    readFile(e.dataTransfer.files[0]);
  });
  document.addEventListener('paste', (e) => {
    const file = e.clipboardData && e.clipboardData.files[0];
    if (file) {
      e.preventDefault();
      readFile(file);
    }
  });

  $('tab-text').addEventListener('click', () => {
    selectTab('text');
    input.focus();
  });
  $('tab-view').addEventListener('click', () => selectTab('view'));
  for (const tab of [$('tab-text'), $('tab-view')]) {
    tab.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        const to = tab.id === 'tab-text' ? 'view' : 'text';
        selectTab(to);
        $(`tab-${to}`).focus();
      }
    });
  }

  $('legend').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-filter]');
    if (!b) return;
    const code = b.dataset.filter;
    if (state.hidden.has(code)) state.hidden.delete(code);
    else state.hidden.add(code);
    b.setAttribute('aria-pressed', String(!state.hidden.has(code)));
    applyFilters();
  });

  $('view').addEventListener('click', (e) => {
    const restore = e.target.closest('[data-para]');
    const mark = e.target.closest('mark.ent');
    if (mark && !e.target.closest('.boiler')) {
      const id = Number(mark.dataset.ent);
      const mention = Number(mark.dataset.mention);
      const same = state.selected && state.selected.id === id && state.selected.index === mention;
      selectEntity(id, same ? mention + 1 : mention);
      return;
    }
    if (restore && (e.target.closest('.boiler') || e.target.closest('button.restore'))) {
      const i = Number(restore.dataset.para);
      if (state.include.has(i)) state.include.delete(i);
      else state.include.add(i);
      analyseNow();
    }
  });
  $('view').addEventListener('keydown', (e) => {
    if (!state.selected) return;
    if (e.key === 'n' || e.key === 'ArrowDown') step(1);
    else if (e.key === 'p' || e.key === 'ArrowUp') step(-1);
    else return;
    e.preventDefault();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      hideTip();
      if (state.selected) clearSelection();
      $('export').open = false;
    }
  });

  $('entities').addEventListener('click', (e) => {
    const b = e.target.closest('.ent-item');
    if (!b) return;
    const id = Number(b.dataset.ent);
    const same = state.selected && state.selected.id === id;
    selectEntity(id, same ? state.selected.index + 1 : 0);
  });
  $('prev').addEventListener('click', () => step(-1));
  $('next').addEventListener('click', () => step(1));
  $('clear').addEventListener('click', clearSelection);

  // Summary sentences and quotes show their sentence in the article; a quote's speaker
  // is followed through their mentions, as from the entity list.
  const showSentence = (e) => {
    const b = e.target.closest('[data-sent]');
    if (!b) return;
    selectTab('view');
    flash($('view').querySelector(`.sent[data-sent="${b.dataset.sent}"]`));
  };
  $('summary').addEventListener('click', showSentence);
  $('quotes').addEventListener('click', (e) => {
    const speaker = e.target.closest('.speaker-link');
    if (speaker) selectEntity(Number(speaker.dataset.ent), 0);
    else if (e.target.closest('#all-quotes')) {
      state.allQuotes = true;
      renderQuotes();
    } else showSentence(e);
  });
  $('figures').addEventListener('click', (e) => {
    const th = e.target.closest('th[data-key]');
    if (th) {
      const key = th.dataset.key;
      const s = state.figureSort;
      state.figureSort = { key, dir: s.key === key ? -s.dir : 1 };
      renderFigures();
      $('figures').querySelector(`th[data-key="${key}"] button`).focus();
      return;
    }
    const link = e.target.closest('.figure-link');
    if (link) {
      selectTab('view');
      flash($('view').querySelector(`mark.fig[data-fig="${link.dataset.fig}"]`));
    }
  });

  $('summary-length').addEventListener('change', analyseNow);
  // A new date is a new reading of the relative dates. Some browsers fire `change` only when
  // the field loses focus, so a typed date is also read a moment after typing stops.
  $('article-date').addEventListener('pointerdown', enableDatePicker);
  $('article-date').addEventListener('focus', enableDatePicker);
  $('article-date').addEventListener('input', () => scheduleAnalysis(250));
  $('article-date').addEventListener('change', analyseNow);
  $('copy-summary').addEventListener('click', copySummary);
  $('export').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-export]');
    if (!b) return;
    exportAs(b.dataset.export);
    $('export').open = false;
  });

  let theme = 'auto';
  try {
    theme = localStorage.getItem('article-analyser:theme') || 'auto';
  } catch {}
  applyTheme(theme);
  $('theme').addEventListener('click', () => {
    theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
    applyTheme(theme);
    try {
      localStorage.setItem('article-analyser:theme', theme);
    } catch {}
  });

  // Hover and focus details for marks in the article and entities in the list.
  const tipTarget = (e) => e.target.closest && e.target.closest('mark.ent, mark.fig, .ent-item, .speaker-link');
  document.addEventListener('mouseover', (e) => {
    const t = tipTarget(e);
    if (t) showTip(t);
    else if (tipFor && !e.target.closest('#tip')) hideTip();
  });
  document.addEventListener('focusin', (e) => {
    const t = tipTarget(e);
    if (t) showTip(t);
    else hideTip();
  });
  window.addEventListener('scroll', hideTip, { passive: true });
  $('view').addEventListener('scroll', hideTip, { passive: true });
}

function main() {
  analyserReady().then(
    ({ maxInputBytes }) => {
      state.maxInputBytes = maxInputBytes;
      document.documentElement.dataset.ready = 'true';
    },
    (err) => showMessage(`The analyser could not start: ${err.message}`, 'error'),
  );
  wire();
  // A link to a sample opens it; otherwise the text left from the last visit, if any.
  const linked = linkedSample();
  // Storage is a synchronous call to the browser, which is busy while the page loads.
  const draft = linked ? null : storage()?.getItem('article-analyser:text');
  if (linked) $('sample').value = linked.id;
  if (linked || draft) {
    $('input').value = linked ? linked.text : draft;
    state.showViewOnResult = true;
  }
  render();
  runAnalysis();
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
}

main();
