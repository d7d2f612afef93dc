// The hotline console, served at GET /. (Placeholder page until the console lands.)
import { Hono } from 'hono';

export function createConsoleRoutes(): Hono {
  const web = new Hono();
  web.get('/', (c) =>
    c.html('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>政策问答助手</title><h1>政策问答助手</h1><p>API: <a href="/docs">/docs</a></p></html>'),
  );
  return web;
}
