// The review page: reads through GET, changes through POST, every request with the token the
// page was opened with. Text from the termbase is only ever set as textContent, never as HTML.
'use strict';

const token = new URLSearchParams(location.search).get('t') || '';
const kPageSize = 100;
let shown = [];      // the proposals on the page, best first
let current = -1;    // index of the proposal the keys act on

function withToken(path, params) {
  const query = new URLSearchParams(params || {});
  query.set('t', token);
  return path + '?' + query.toString();
}

async function getJson(path, params) {
  const response = await fetch(withToken(path, params), {credentials: 'same-origin'});
  const body = await response.json().catch(() => ({error: response.statusText}));
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

// Sends a change as a form POST; resolves to the JSON answer, rejects with its error message.
async function post(path, fields) {
  const response = await fetch(withToken(path), {
    method: 'POST',
    credentials: 'same-origin',
    body: new URLSearchParams(fields),
  });
  const body = await response.json().catch(() => ({error: response.statusText}));
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function say(message, isError) {
  const status = document.getElementById('status');
  status.textContent = message;
  status.className = isError ? 'error' : '';
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (tag === 'span') node.dir = 'auto';
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// `sentence` with every case-insensitive occurrence of each term wrapped in <mark>.
function highlighted(sentence, terms) {
  const container = el('div');
  container.dir = 'auto';  // Arabic sentences read right to left
  const lower = sentence.toLowerCase();
  const spans = [];
  for (const [term, className] of terms) {
    if (!term) continue;
    const needle = term.toLowerCase();
    // Lowercasing can change a string's length (rare letters): then no highlight, plain text.
    if (needle.length !== term.length || lower.length !== sentence.length) continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
      spans.push([at, at + needle.length, className]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  let done = 0;
  for (const [begin, end, className] of spans) {
    if (begin < done) continue;
    container.append(sentence.slice(done, begin), el('mark', className, sentence.slice(begin, end)));
    done = end;
  }
  container.append(sentence.slice(done));
  return container;
}

function strength(score, best) {
  if (best <= 0) return 'weak';
  const ratio = score / best;
  return ratio >= 0.66 ? 'strong' : ratio >= 0.33 ? 'medium' : 'weak';
}

function renderProposal(p, best) {
  const item = el('li', 'proposal ' + strength(p.score, best));
  item.dataset.id = p.id;
  item.dataset.entity = p.entity;
  const pair = el('div', 'pair');
  pair.append(el('span', 'term', p.term.text), el('span', 'lang', p.term.lang), ' \u2192 ');
  const names = p.entity_terms.filter((t) => t.id !== p.term.id && t.status !== 'rejected');
  names.forEach((t, i) => {
    if (i) pair.append('; ');
    pair.append(el('span', 'term', t.text), el('span', 'lang', t.lang));
  });
  if (!names.length) pair.append('entity ' + p.entity);
  item.append(pair);

  let evidence = 'p' + p.id + ' \u00b7 ' + p.kind + ' \u00b7 score ' + p.score.toFixed(2) +
      ' (' + p.method + ')';
  if (p.cooccurrences) {
    evidence += ' \u00b7 together in ' + p.cooccurrences + ' aligned pairs; \u201c' + p.term.text +
        '\u201d in ' + p.term_count;
    if (p.via) evidence += ', \u201c' + p.via.text + '\u201d in ' + p.other_count;
  }
  item.append(el('div', 'evidence', evidence));

  if (p.example_source || p.example_target) {
    const example = el('div', 'example');
    const marks = [[p.term.text, ''], [p.via ? p.via.text : '', 'via']];
    example.append(highlighted(p.example_source, marks));
    if (p.example_target) example.append(highlighted(p.example_target, marks));
    item.append(example);
  }

  const actions = el('div', 'actions');
  const approve = el('button', 'approve', 'Approve');
  const reject = el('button', 'reject', 'Reject');
  const edit = el('button', 'edit', 'Edit term');
  const link = el('button', 'link', 'Link to\u2026');
  for (const b of [approve, reject, edit, link]) b.type = 'button';
  approve.addEventListener('click', () => decide(p, 'approve'));
  reject.addEventListener('click', () => decide(p, 'reject'));
  edit.addEventListener('click', () => startEdit(p, actions));
  link.addEventListener('click', () => startLink(p, item));
  actions.append(approve, reject, edit, link);
  item.append(actions);
  item.addEventListener('click', () => focusOn(shown.indexOf(p)));
  return item;
}

function startEdit(p, actions) {
  if (actions.querySelector('input')) return;
  const input = el('input', 'edit-text');
  input.value = p.term.text;
  input.setAttribute('aria-label', 'corrected term');
  const save = el('button', 'save', 'Save term');
  save.type = 'button';
  save.addEventListener('click', () => decide(p, 'edit', input.value));
  input.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'Enter') decide(p, 'edit', input.value);
  });
  actions.append(input, save);
  input.focus();
}

// A search box under the proposal: entities found by any of their terms, each with a button
// that links the proposed term to it instead of the entity proposed.
function startLink(p, item) {
  if (item.querySelector('.link-search')) return item.querySelector('.link-search input').focus();
  const box = el('div', 'link-search');
  const input = el('input', 'link-query');
  input.setAttribute('aria-label', 'search an entity by one of its terms');
  input.placeholder = 'an entity\u2019s term';
  const results = el('ul', 'link-results');
  box.append(input, results);
  item.append(box);
  let asked = 0;  // answers to older searches are dropped
  async function search() {
    const query = input.value.trim();
    const mine = ++asked;
    if (!query) return results.replaceChildren();
    let answer;
    try {
      answer = await getJson('/api/entities', {q: query, limit: 10});
    } catch (error) {
      return say('searching: ' + error.message, true);
    }
    if (mine !== asked) return;
    if (!answer.entities.length) return results.replaceChildren(el('li', 'none', 'no entity found'));
    results.replaceChildren(...answer.entities.map((found) => {
      const row = el('li', 'entity');
      row.dataset.entity = found.entity;
      const choose = el('button', 'link-here', 'Link here');
      choose.type = 'button';
      choose.addEventListener('click', () => decide(p, 'link', undefined, found.entity));
      row.append(choose, ' e' + found.entity + ' ');
      found.terms.filter((t) => t.status !== 'rejected').forEach((t, i) => {
        if (i) row.append('; ');
        row.append(el('span', 'term', t.text), el('span', 'lang', t.lang));
      });
      return row;
    }));
  }
  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
  input.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'Enter') search();
    else if (event.key === 'Escape') box.remove();
  });
  input.focus();
}

async function decide(p, action, text, entity) {
  try {
    const fields = {id: p.id, action: action, stamp: p.stamp};
    if (text !== undefined) fields.text = text;
    if (entity !== undefined) fields.entity = entity;
    const answer = await post('/api/proposals/decide', fields);
    say(answer.message + ' (p' + p.id + ')', false);
  } catch (error) {
    say(error.message, true);
  }
  await loadProposals(Math.max(shown.length, kPageSize), shown.indexOf(p));
}

async function batchApprove() {
  const min = parseFloat(document.getElementById('batch-score').value);
  if (Number.isNaN(min)) return say('give a score', true);
  const chosen = shown.filter((p) => p.score >= min);
  if (!chosen.length) return say('no proposal shown has a score of ' + min + ' or more', true);
  try {
    // The server takes a form of at most 8 KiB: a hundred approvals at a time.
    const answer = {done: [], refused: []};
    for (let at = 0; at < chosen.length; at += 100) {
      const part = await post('/api/proposals/approve-all', {
        items: chosen.slice(at, at + 100).map((p) => p.id + ':' + p.stamp).join(','),
      });
      answer.done.push(...part.done);
      answer.refused.push(...part.refused);
    }
    let message = 'approved ' + answer.done.length;
    if (answer.refused.length) {
      message += '; refused ' + answer.refused.length + ': ' + answer.refused[0].error;
    }
    say(message, answer.refused.length > 0);
  } catch (error) {
    say(error.message, true);
  }
  await loadProposals(Math.max(shown.length, kPageSize), 0);
}

async function loadProposals(limit, keep) {
  let answer;
  try {
    answer = await getJson('/api/proposals', {offset: 0, limit: Math.min(limit, 500)});
  } catch (error) {
    // A run without a glossary has its alignment to review only.
    if (error.message.startsWith('no glossary')) return showView('alignment');
    return say('reading the proposals: ' + error.message, true);
  }
  shown = answer.proposals;
  const best = shown.length ? shown[0].score : 0;
  const list = document.getElementById('proposals');
  list.replaceChildren(...shown.map((p) => renderProposal(p, best)));
  document.getElementById('terms-count').textContent =
      answer.total + ' pending proposal' + (answer.total === 1 ? '' : 's') +
      (answer.total > shown.length ? ', the best ' + shown.length + ' shown' : '');
  document.getElementById('more').hidden = answer.total <= shown.length || shown.length >= 500;
  focusOn(Math.min(Math.max(keep, 0), shown.length - 1), false);
}

function focusOn(index, scroll) {
  const items = document.querySelectorAll('#proposals .proposal');
  items.forEach((item) => item.classList.remove('current'));
  current = index;
  if (index < 0 || index >= items.length) return;
  items[index].classList.add('current');
  if (scroll !== false) items[index].scrollIntoView({block: 'nearest'});
}

let view = 'terms';  // the view the keys act on

function showView(name) {
  view = name;
  for (const tab of document.querySelectorAll('header .tab')) {
    tab.setAttribute('aria-pressed', String(tab.dataset.view === name));
  }
  document.getElementById('terms-view').hidden = name !== 'terms';
  document.getElementById('alignment-view').hidden = name !== 'alignment';
  document.getElementById('qa-view').hidden = name !== 'qa';
  if (name === 'alignment' && !alignment.pairs) loadPairs();
  if (name === 'qa') loadFindings(findingsOffset);
}

function termsKey(event) {
  const p = shown[current];
  if (event.key === 'j') focusOn(Math.min(current + 1, shown.length - 1));
  else if (event.key === 'k') focusOn(Math.max(current - 1, 0));
  else if (event.key === 'a' && p) decide(p, 'approve');
  else if (event.key === 'r' && p) decide(p, 'reject');
  else if (event.key === 'e' && p) {
    startEdit(p, document.querySelectorAll('#proposals .actions')[current]);
    event.preventDefault();
  } else if (event.key === 'l' && p) {
    startLink(p, document.querySelectorAll('#proposals .proposal')[current]);
    event.preventDefault();
  }
}

// ---- The alignment view: a page of beads at a time, edits sent one by one, then saved.
const kBeadPage = 200;
const alignment = {
  pairs: null,     // [{pair, name, source_lang, target_lang}]
  pair: 0,
  offset: 0,
  total: 0,
  version: 0,      // the server's version of the pair the page shows
  beads: [],       // the beads on the page
  current: 0,      // index into beads
};

function beadClass(b) {
  if (!b.matched) return 'unmatched';
  return b.score >= 0.7 ? 'strong' : b.score >= 0.4 ? 'medium' : 'weak';
}

async function loadPairs() {
  try {
    const answer = await getJson('/api/pairs');
    alignment.pairs = answer.pairs;
  } catch (error) {
    return say('reading the pairs: ' + error.message, true);
  }
  const select = document.getElementById('pair');
  select.replaceChildren(...alignment.pairs.map((p) => {
    const option = el('option', '', p.name + ' (' + p.source_lang + '\u2192' + p.target_lang + ')');
    option.value = p.pair;
    return option;
  }));
  if (!alignment.pairs.length) return say('this run has no document pair to align', true);
  await loadBeads(0, 0);
}

async function loadBeads(offset, keep) {
  let answer;
  try {
    answer = await getJson('/api/beads', {
      pair: alignment.pair, offset: offset, limit: kBeadPage,
      order: document.getElementById('order').value,
    });
  } catch (error) {
    return say('reading the beads: ' + error.message, true);
  }
  alignment.offset = answer.offset;
  alignment.total = answer.total;
  alignment.version = answer.version;
  alignment.beads = answer.beads;
  const pair = alignment.pairs[alignment.pair];
  document.getElementById('source-head').textContent = 'Source (' + pair.source_lang + ')';
  document.getElementById('target-head').textContent = 'Target (' + pair.target_lang + ')';
  document.getElementById('save').disabled = !answer.changed;
  const last = Math.min(answer.offset + answer.beads.length, answer.total);
  document.getElementById('beads-count').textContent =
      'beads ' + (answer.total ? answer.offset + 1 : 0) + '\u2013' + last + ' of ' + answer.total;
  document.getElementById('page-prev').disabled = answer.offset === 0;
  document.getElementById('page-next').disabled = last >= answer.total;
  document.querySelector('#beads tbody').replaceChildren(...answer.beads.map(renderBead));
  focusBead(Math.min(Math.max(keep, 0), answer.beads.length - 1), false);
}

function renderSentences(b, side) {
  const cell = el('td', side);
  for (const s of b[side]) {
    const line = el('div', 'sentence' + (s.edited ? ' edited' : ''), s.text);
    line.dir = 'auto';
    line.dataset.n = s.n;
    line.title = side + ' sentence ' + (s.n + 1) + ' (double-click to edit)';
    line.addEventListener('dblclick', () => startSentenceEdit(b, side, line, s));
    cell.append(line);
  }
  return cell;
}

function renderBead(b, index) {
  const row = el('tr', 'bead ' + beadClass(b) + (b.excluded ? ' excluded' : ''));
  row.dataset.bead = b.bead;
  const num = el('td', 'num', String(b.bead + 1));
  num.append(el('div', 'score', b.matched ? b.score.toFixed(2) : 'unmatched'));
  const actions = el('td', 'actions');
  const buttons = [
    ['merge', 'Merge \u2193', () => change('merge', b)],
    ['split', 'Split', () => change('split', b)],
    ['unlink', 'Unlink', () => change('unlink', b)],
    [b.excluded ? 'include' : 'exclude', b.excluded ? 'Include' : 'Exclude',
     () => change(b.excluded ? 'include' : 'exclude', b)],
  ];
  for (const [name, label, action] of buttons) {
    const button = el('button', name, label);
    button.type = 'button';
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      focusBead(index, false);
      action();
    });
    actions.append(button);
  }
  row.append(num, renderSentences(b, 'source'), renderSentences(b, 'target'), actions);
  row.addEventListener('click', () => focusBead(index, false));
  return row;
}

function focusBead(index, scroll) {
  const rows = document.querySelectorAll('#beads tbody tr');
  rows.forEach((row) => row.classList.remove('current'));
  alignment.current = index;
  if (index < 0 || index >= rows.length) return;
  rows[index].classList.add('current');
  if (scroll !== false) rows[index].scrollIntoView({block: 'nearest'});
}

function startSentenceEdit(b, side, line, s) {
  if (line.querySelector('input')) return;
  const input = el('input', 'edit-text');
  input.value = line.textContent;
  input.setAttribute('aria-label', 'edited ' + side + ' sentence');
  line.replaceChildren(input);
  input.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'Enter') change('edit', b, {side: side, sentence: s.n, text: input.value});
    else if (event.key === 'Escape') line.replaceChildren(s.text);
  });
  input.focus();
}

// Sends one edit of bead `b`; the page is read again after it (beads move when merged).
async function change(action, b, extra) {
  const fields = Object.assign({pair: alignment.pair, version: alignment.version,
                                action: action, bead: b.bead}, extra || {});
  if (action === 'split') {
    // The first sentence of the longer side goes with the first of the other; a 1-1 bead
    // splits into its two sentences.
    if (b.source.length > 1) {
      fields.source_first = 1;
      fields.target_first = Math.min(1, b.target.length);
    } else if (b.target.length > 1) {
      fields.source_first = b.source.length;
      fields.target_first = 1;
    } else {
      fields.source_first = b.source.length;
      fields.target_first = 0;
    }
  }
  try {
    const answer = await post('/api/beads/change', fields);
    say(answer.message, false);
  } catch (error) {
    say(error.message, true);
  }
  await loadBeads(alignment.offset, alignment.current);
}

async function saveAlignment() {
  say('saving\u2026', false);
  try {
    const answer = await post('/api/beads/save', {pair: alignment.pair,
                                                  version: alignment.version});
    say(answer.message, false);
  } catch (error) {
    say(error.message, true);
  }
  await loadBeads(alignment.offset, alignment.current);
}

function turnPage(step) {
  const offset = alignment.offset + step * kBeadPage;
  if (offset < 0 || offset >= alignment.total) return;
  loadBeads(offset, step > 0 ? 0 : kBeadPage - 1);
}

function alignmentKey(event) {
  const b = alignment.beads[alignment.current];
  const row = document.querySelectorAll('#beads tbody tr')[alignment.current];
  if (event.key === 'j') {
    if (alignment.current + 1 < alignment.beads.length) focusBead(alignment.current + 1);
    else turnPage(1);
  } else if (event.key === 'k') {
    if (alignment.current > 0) focusBead(alignment.current - 1);
    else turnPage(-1);
  } else if (event.key === 'n') turnPage(1);
  else if (event.key === 'p') turnPage(-1);
  else if (!b) return;
  else if (event.key === 'm') change('merge', b);
  else if (event.key === 's') change('split', b);
  else if (event.key === 'u') change('unlink', b);
  else if (event.key === 'x') change(b.excluded ? 'include' : 'exclude', b);
  else if (event.key === 'e' || event.key === 't') {
    const side = event.key === 'e' ? 'source' : 'target';
    const line = row.querySelector('td.' + side + ' .sentence');
    if (line) startSentenceEdit(b, side, line, b[side][0]);
    event.preventDefault();
  }
}

// ---- The QA view: the run's findings, a page at a time; accepting one records it.
const kFindingsPage = 100;
let findingsOffset = 0;

function renderFinding(f) {
  const item = el('li', 'finding' + (f.accepted ? ' accepted' : ''));
  item.dataset.finding = f.finding;
  const head = el('div');
  head.append(el('span', 'kind', f.type), el('span', 'message', f.message));
  item.append(head);
  const example = el('div', 'example');
  for (const text of [f.source_text, f.target_text]) {
    const side = el('div', '', text);
    side.dir = 'auto';
    example.append(side);
  }
  item.append(example);
  const actions = el('div', 'actions');
  if (f.accepted) {
    actions.append(el('span', 'done', 'accepted'));
  } else {
    const accept = el('button', 'accept', 'Accept');
    accept.type = 'button';
    accept.addEventListener('click', () => acceptFinding(f));
    actions.append(accept);
  }
  item.append(actions);
  return item;
}

async function loadFindings(offset) {
  let answer;
  try {
    answer = await getJson('/api/findings', {offset: offset, limit: kFindingsPage});
  } catch (error) {
    return say('reading the findings: ' + error.message, true);
  }
  findingsOffset = answer.offset;
  document.getElementById('findings').replaceChildren(...answer.findings.map(renderFinding));
  document.getElementById('findings-count').textContent =
      answer.total + ' findings, ' + answer.accepted + ' accepted';
  document.getElementById('findings-prev').disabled = answer.offset === 0;
  document.getElementById('findings-next').disabled =
      answer.offset + answer.findings.length >= answer.total;
}

async function acceptFinding(f) {
  try {
    const answer = await post('/api/findings/accept',
                              {kind: f.type, source: f.source_text, target: f.target_text});
    say(answer.message, false);
  } catch (error) {
    say(error.message, true);
  }
  await loadFindings(findingsOffset);
}

document.addEventListener('keydown', (event) => {
  if (view === 'alignment' && event.ctrlKey && event.key === 's') {
    event.preventDefault();
    return saveAlignment();
  }
  if (event.target.tagName === 'INPUT' || event.target.tagName === 'SELECT' ||
      event.ctrlKey || event.metaKey || event.altKey) return;
  if (view === 'terms') termsKey(event);
  else if (view === 'alignment') alignmentKey(event);
});
for (const tab of document.querySelectorAll('header .tab')) {
  tab.addEventListener('click', () => showView(tab.dataset.view));
}
document.getElementById('pair').addEventListener('change', (event) => {
  alignment.pair = Number(event.target.value);
  loadBeads(0, 0);
});
document.getElementById('order').addEventListener('change', () => loadBeads(0, 0));
document.getElementById('page-prev').addEventListener('click', () => turnPage(-1));
document.getElementById('page-next').addEventListener('click', () => turnPage(1));
document.getElementById('save').addEventListener('click', saveAlignment);
document.getElementById('findings-prev').addEventListener(
    'click', () => loadFindings(Math.max(findingsOffset - kFindingsPage, 0)));
document.getElementById('findings-next').addEventListener(
    'click', () => loadFindings(findingsOffset + kFindingsPage));
document.getElementById('batch-approve').addEventListener('click', batchApprove);
document.getElementById('more').addEventListener('click',
                                                  () => loadProposals(shown.length + kPageSize, current));
loadProposals(kPageSize, 0);
if (location.hash === '#alignment') showView('alignment');
