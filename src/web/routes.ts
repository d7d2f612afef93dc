// The hotline console: GET / (the page) and GET /assets/:file (its scripts, styles and icon), all embedded strings.
// The app's secureHeaders middleware sends the CSP (default-src 'self', no inline code); the page needs no more.
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { ASSETS } from './assets/index.js';
import { CONSOLE_HTML } from './page.js';

export function createConsoleRoutes(): Hono {
  const web = new Hono();
  // Routes only, no '*' middleware: this app is mounted at '/', where a wildcard would also wrap /api.
  web.get('/', (c) => c.html(CONSOLE_HTML, 200, { 'cache-control': 'no-cache' }));
  // Without a build step the file names carry no content hash, so browsers revalidate (ETag → 304) every load.
  web.get('/assets/:file', etag(), (c) => {
    const file = c.req.param('file');
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
  });
  return web;
}
