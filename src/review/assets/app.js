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
  for (const b of [approve, reject, edit]) b.type = 'button';
  approve.addEventListener('click', () => decide(p, 'approve'));
  reject.addEventListener('click', () => decide(p, 'reject'));
  edit.addEventListener('click', () => startEdit(p, actions));
  actions.append(approve, reject, edit);
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

async function decide(p, action, text) {
  try {
    const fields = {id: p.id, action: action, stamp: p.stamp};
    if (text !== undefined) fields.text = text;
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
    const answer = await post('/api/proposals/approve-all',
                              {items: chosen.map((p) => p.id + ':' + p.stamp).join(',')});
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

document.addEventListener('keydown', (event) => {
  if (event.target.tagName === 'INPUT' || event.ctrlKey || event.metaKey || event.altKey) return;
  const p = shown[current];
  if (event.key === 'j') focusOn(Math.min(current + 1, shown.length - 1));
  else if (event.key === 'k') focusOn(Math.max(current - 1, 0));
  else if (event.key === 'a' && p) decide(p, 'approve');
  else if (event.key === 'r' && p) decide(p, 'reject');
  else if (event.key === 'e' && p) {
    startEdit(p, document.querySelectorAll('#proposals .actions')[current]);
    event.preventDefault();
  }
});
document.getElementById('batch-approve').addEventListener('click', batchApprove);
document.getElementById('more').addEventListener('click',
                                                  () => loadProposals(shown.length + kPageSize, current));
loadProposals(kPageSize, 0);
