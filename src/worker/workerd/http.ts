// Requests to the Worker under test, through its own fetch handler (the module in wrangler.toml's main).
import { exports } from 'cloudflare:workers';

export const call = (path: string, init?: RequestInit) => exports.default.fetch(`https://worker.test${path}`, init);

export const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

export async function ask(question: string, sessionId?: string) {
  const res = await postJson('/api/ask', sessionId ? { question, sessionId } : { question });
  if (res.status !== 200) throw new Error(`ask ${question}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{
    answer: string; intent: string; sessionId: string; departments?: { lead: string[]; support: string[] };
    citations: { docId: string; clause: string; number: number; title: string; quote: string; docTitle: string }[];
    facts: { type: string; display: string; subject?: string }[];
  }>;
}
