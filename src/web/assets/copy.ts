// Browser module /assets/copy.js: copy text to the clipboard. The async Clipboard API needs a secure context
// (https or localhost), which an intranet http:// address is not, hence the execCommand fallback.
export const COPY_JS = String.raw`
/** Resolves true when the text is on the clipboard. */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (e) {
      // Denied permission or an unfocused document: try the old way below.
    }
  }
  const buffer = document.createElement('textarea');
  buffer.value = text;
  buffer.setAttribute('readonly', '');
  buffer.setAttribute('aria-hidden', 'true');
  buffer.className = 'copy-buffer';
  document.body.append(buffer);
  const focused = document.activeElement;
  buffer.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch (e) {
    ok = false;
  }
  buffer.remove();
  if (focused && focused.focus) focused.focus();
  return ok;
}
`;
