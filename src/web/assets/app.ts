// Browser module /assets/app.js: the entry. Wires the tabs (WAI-ARIA tabs pattern: arrow keys, Home/End,
// roving tabindex), remembers the open tab in the URL hash (#clause/… opens a clause), fills each panel the
// first time it opens (and again when the document scope changes), and the keyboard shortcuts.
export const APP_JS = String.raw`
import { copyLatestAnswer, setupChat } from './chat.js';
import { openClause, setupClauseDialog } from './clause-view.js';
import { showClauses } from './clauses.js';
import { setupDepartments, showDepartments } from './departments.js';
import { setupDocumentPicker } from './documents.js';
import { setupFunding, showFunding } from './funding.js';
import { setupKeys } from './keys.js';
import { setupLibrary, showLibrary } from './library.js';
import { setupMatch } from './match.js';
import { setupSearch } from './search.js';

const ON_OPEN = { clauses: showClauses, funding: showFunding, departments: showDepartments, files: showLibrary };

const tabs = Array.from(document.querySelectorAll('[role=tab]'));
const nameOf = function (tab) { return tab.id.replace(/^tab-/, ''); };

function select(tab, focus) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
  }
  if (focus) tab.focus();
  const name = nameOf(tab);
  if (location.hash !== '#' + name) history.replaceState(null, '', '#' + name);
  if (ON_OPEN[name]) ON_OPEN[name]();
}

for (const tab of tabs) {
  tab.addEventListener('click', function () { select(tab, false); });
  tab.addEventListener('keydown', function (e) {
    const i = tabs.indexOf(tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length], true);
  });
}

setupDocumentPicker();
setupClauseDialog();
setupChat();
setupFunding();
setupDepartments();
setupSearch();
setupLibrary();
setupMatch();

const fromHash = function () { return tabs.find(function (t) { return '#' + nameOf(t) === location.hash; }); };
const clauseFromHash = function () {
  const m = /^#clause\/([^/]+)\/(\d+)$/.exec(location.hash);
  if (!m) return undefined;
  try {
    return { docId: decodeURIComponent(m[1]), number: Number(m[2]) };
  } catch (e) {
    return undefined; // a hand-edited link with a broken %-escape: ignore it
  }
};

/** #chat, #funding … select a view; #clause/<docId>/<number> (a shared clause link) opens it over the chat. */
function route(initial) {
  const clause = clauseFromHash();
  const tab = fromHash();
  if (tab) select(tab, false);
  else if (initial || clause) select(tabs[0], false);
  if (clause) openClause(clause);
}
window.addEventListener('hashchange', function () { route(false); });
route(true);

const question = document.getElementById('question');
/** "/" from anywhere: back to the chat and into its box (closing the drawer, which would keep the box inert). */
function focusQuestion() {
  const dialog = document.getElementById('clause-dialog');
  if (dialog.open) dialog.close();
  if (tabs[0].getAttribute('aria-selected') !== 'true') select(tabs[0], false);
  question.focus();
}
setupKeys({ focusQuestion: focusQuestion, copyAnswer: copyLatestAnswer });

// The scope changed: the open view reloads for it (the others when they next open); in the chat, the operator's
// next move is the question.
document.addEventListener('docscope', function () {
  const open = tabs.find(function (t) { return t.getAttribute('aria-selected') === 'true'; });
  const name = nameOf(open);
  if (ON_OPEN[name]) ON_OPEN[name]();
  if (name === 'chat') question.focus();
});

// autofocus in the markup covers a plain load; this covers a load that selected a view or opened a clause.
if (!document.getElementById('panel-chat').hidden && !document.getElementById('clause-dialog').open) question.focus();
document.documentElement.dataset.ready = 'true';
`;
