// The console's page and assets as served: CSP-friendly markup, every module import resolvable, no remote or
// unescaped content. (Behaviour in a real browser: console.e2e.test.ts.)
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { testApp } from '../testing/app.js';
import { ASSETS } from './assets/index.js';

const { app } = testApp();
const get = (path: string, headers: Record<string, string> = {}) => app.request(`http://local${path}`, { headers });
const scripts = Object.entries(ASSETS).filter(([name]) => name.endsWith('.js'));

describe('GET /', () => {
  it('serves a Chinese page whose scripts and styles are all same-origin files', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('name="viewport"');
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="\/assets\/[\w.-]+"/);
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=|javascript:/i);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  it('links only assets that exist', async () => {
    const html = await (await get('/')).text();
    const linked = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+)"/g)].map((m) => m[1]);
    expect(linked.length).toBeGreaterThanOrEqual(4);
    for (const name of linked) expect(ASSETS, name).toHaveProperty([name]);
  });
});

describe('GET /assets/:file', () => {
  it('serves each asset with its type and revalidates by ETag', async () => {
    for (const [name, asset] of Object.entries(ASSETS)) {
      const res = await get(`/assets/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toBe(asset.type);
      const tag = res.headers.get('etag')!;
      expect(tag).toBeTruthy();
      expect((await get(`/assets/${name}`, { 'if-none-match': tag })).status).toBe(304);
    }
  });

  it('answers unknown names, prototype keys and traversal with a JSON 404', async () => {
    for (const name of ['nope.js', '__proto__', 'constructor', '..%2Fapp.ts']) {
      const res = await get(`/assets/${name}`);
      expect(res.status, name).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });
});

describe('browser modules', () => {
  it('parse as ES modules', () => {
    for (const [name, { body }] of scripts) {
      const out = ts.transpileModule(body, { reportDiagnostics: true, fileName: name, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
      expect(out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), name).toEqual([]);
    }
  });

  it('import only served siblings, and the names those siblings export', () => {
    const exported = (body: string) => new Set([...body.matchAll(/export (?:async )?(?:function|const|let) (\w+)/g)].map((m) => m[1]));
    for (const [name, { body }] of scripts) {
      for (const m of body.matchAll(/import (?:\{([^}]*)\}|\* as \w+) from '([^']+)'/g)) {
        const target = m[2].replace(/^\.\//, '');
        expect(m[2], `${name} imports ${m[2]}`).toMatch(/^\.\/[\w-]+\.js$/);
        expect(ASSETS, `${name} imports ${m[2]}`).toHaveProperty([target]);
        for (const imported of (m[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
          expect(exported(ASSETS[target].body).has(imported), `${name} imports ${imported} from ${target}`).toBe(true);
        }
      }
    }
  });

  it('never parse strings as HTML and never reach another origin', () => {
    for (const [name, { body }] of Object.entries(ASSETS)) {
      expect(body, name).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
      expect(body.replace('http://www.w3.org/2000/svg', ''), name).not.toMatch(/https?:\/\/|url\(\s*['"]?\/\//);
    }
  });

  it('name a CJK font that Debian can install', () => {
    expect(ASSETS['app.css'].body).toContain('"WenQuanYi Micro Hei"');
  });
});
