// Every file the console serves under /assets/, embedded as strings so the Worker build needs no file system.
import { ANSWER_JS } from './answer.js';
import { API_JS } from './api.js';
import { APP_JS } from './app.js';
import { CHAT_JS } from './chat.js';
import { CLAUSE_VIEW_JS } from './clause-view.js';
import { CLAUSES_JS } from './clauses.js';
import { COPY_JS } from './copy.js';
import { DEPARTMENTS_JS } from './departments.js';
import { DEPT_FILTER_JS } from './dept-filter.js';
import { DOCUMENTS_JS } from './documents.js';
import { DOM_JS } from './dom.js';
import { FUNDING_JS } from './funding.js';
import { HISTORY_JS } from './history.js';
import { ICON_SVG } from './icon.js';
import { KEYS_JS } from './keys.js';
import { LIBRARY_JS } from './library.js';
import { MATCH_JS } from './match.js';
import { PRINT_CSS } from './print.js';
import { SEARCH_GROUPS_JS } from './search-groups.js';
import { SEARCH_JS } from './search.js';
import { SESSION_JS } from './session.js';
import { APP_CSS } from './styles.js';
import { TEXT_JS } from './text.js';
import { TRANSFER_JS } from './transfer.js';

export interface Asset {
  body: string;
  type: string;
}

const js = (body: string): Asset => ({ body, type: 'text/javascript; charset=utf-8' });
const css = (body: string): Asset => ({ body, type: 'text/css; charset=utf-8' });

/** File name (as requested under /assets/) → content. */
export const ASSETS: Readonly<Record<string, Asset>> = {
  'app.js': js(APP_JS),
  'answer.js': js(ANSWER_JS),
  'api.js': js(API_JS),
  'chat.js': js(CHAT_JS),
  'clause-view.js': js(CLAUSE_VIEW_JS),
  'clauses.js': js(CLAUSES_JS),
  'copy.js': js(COPY_JS),
  'departments.js': js(DEPARTMENTS_JS),
  'dept-filter.js': js(DEPT_FILTER_JS),
  'documents.js': js(DOCUMENTS_JS),
  'dom.js': js(DOM_JS),
  'funding.js': js(FUNDING_JS),
  'history.js': js(HISTORY_JS),
  'keys.js': js(KEYS_JS),
  'library.js': js(LIBRARY_JS),
  'match.js': js(MATCH_JS),
  'search.js': js(SEARCH_JS),
  'search-groups.js': js(SEARCH_GROUPS_JS),
  'session.js': js(SESSION_JS),
  'text.js': js(TEXT_JS),
  'transfer.js': js(TRANSFER_JS),
  'app.css': css(APP_CSS),
  'print.css': css(PRINT_CSS),
  'icon.svg': { body: ICON_SVG, type: 'image/svg+xml' },
};
