// Browser module /assets/history.js: ↑ and ↓ in the question box walk through the questions asked, like a shell,
// so an operator can resend or amend one. Only an empty box, or one showing a recalled question, is changed:
// text being typed is never replaced.
export const HISTORY_JS = String.raw`
/** Attach recall to input; returns remember(question), to call for each question sent. */
export function questionHistory(input, initial) {
  const asked = (initial || []).slice();
  let at = asked.length; // asked.length = the empty line after the last question
  input.addEventListener('keydown', function (e) {
    if ((e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing) return;
    const recalled = at < asked.length && input.value === asked[at];
    if (input.value && !recalled) return;
    const next = e.key === 'ArrowUp' ? Math.max(0, (recalled ? at : asked.length) - 1) : (recalled ? at + 1 : asked.length);
    if (!asked.length || (e.key === 'ArrowDown' && !recalled)) return;
    e.preventDefault();
    at = Math.min(next, asked.length);
    input.value = at < asked.length ? asked[at] : '';
    input.setSelectionRange(input.value.length, input.value.length);
  });
  input.addEventListener('input', function () { at = asked.length; });
  return function remember(question) {
    if (asked[asked.length - 1] !== question) asked.push(question);
    at = asked.length;
  };
}
`;
