// Browser module /assets/keys.js: the console's global shortcuts, for an operator whose hands stay on the keyboard
// during a call: "/" goes to the question box, Ctrl+Enter (⌘+Enter) copies the latest answer. Esc closing the
// drawer is the dialog's own behaviour; ↑ is the question box's (history.js). The page shows all four once.
export const KEYS_JS = String.raw`
/** Fields where "/" is a character being typed, not a shortcut. */
function typing(el) {
  if (!el || !el.tagName) return false;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !/^(button|submit|reset|checkbox|radio|range|color|file)$/.test(el.type);
}

/** opts: { focusQuestion(), copyAnswer() } */
export function setupKeys(opts) {
  document.addEventListener('keydown', function (e) {
    if (e.isComposing || e.defaultPrevented) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
      // Also keeps the form from sending a half-typed question.
      e.preventDefault();
      opts.copyAnswer();
      return;
    }
    if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target)) {
      e.preventDefault();
      opts.focusQuestion();
    }
  });
}
`;
