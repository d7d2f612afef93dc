// Browser module /assets/session.js: the conversation kept in sessionStorage — the server's session id and the
// turns on screen — so a reload (or a tab restored after a crash) carries on where the operator was instead of
// losing the conversation, while a new tab or a closed browser starts clean, as a new call should.
export const SESSION_JS = String.raw`
const KEY = 'policy-qa.session';
/** Enough for a long call; each turn is an answer of a few KB, far below the storage quota. */
const MAX_TURNS = 30;

/** { sessionId?, turns: [{ question, answer }] }; empty when nothing (or something unreadable) is stored. */
export function loadConversation() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    if (saved && typeof saved === 'object' && Array.isArray(saved.turns)) {
      return { sessionId: typeof saved.sessionId === 'string' ? saved.sessionId : undefined, turns: saved.turns.filter(validTurn) };
    }
  } catch (e) {
    // Unreadable (hand-edited, or storage disabled): start a fresh conversation.
  }
  return { sessionId: undefined, turns: [] };
}

function validTurn(t) {
  return t && typeof t.question === 'string' && t.answer && typeof t.answer.answer === 'string';
}

export function saveConversation(c) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ sessionId: c.sessionId, turns: c.turns.slice(-MAX_TURNS) }));
  } catch (e) {
    // Quota or private mode: the conversation still works, it just does not survive a reload.
  }
}

export function forgetConversation() {
  try { sessionStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
}
`;
