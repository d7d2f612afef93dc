// The JSON API: ask, clauses, departments, facts, search and health. Handlers only translate HTTP ⇄ engine.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Clause, Fact } from '../corpus/types.js';
import { createError } from '../errors.js';
import type { Readiness } from '../http/readiness.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import type { Context } from 'hono';
import type { Answer, AskFn } from '../qa/types.js';
import { searchChunks } from '../qa/retrieve.js';
import { today, validityOf } from '../corpus/validity.js';
import {
  AnswerSchema, AskRequestSchema, ClauseDetailSchema, ClauseSummarySchema, DepartmentSchema, DocumentSchema, ErrorSchema, FactSchema, HealthSchema, MatchRequestSchema, MatchResultSchema, NotReadySchema, SearchHitSchema,
} from './schemas.js';
import { matchProfile } from '../match/match.js';
import { profileText } from '../match/profile.js';

export interface ApiDeps {
  kb: KnowledgeBase;
  ask: AskFn;
  /** Lets the edge log the intent and (hashed) session of each answer. */
  onAnswer?: (c: Context, answer: Answer, sessionId: string | undefined, question: string) => void | Promise<void>;
  /** Per-request deadline for the LLM path (the rules path ignores it). */
  deadlineMs?: number;
  /** /api/health answers 503 until this says ready. */
  readiness: Readiness;
  /** Milliseconds since the epoch, for "in force today". */
  now?: () => number;
}

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const errorsFor = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [c, json(ErrorSchema, { 400: 'Bad input', 404: 'Not found', 413: 'Body too large', 415: 'Not JSON' }[c] ?? 'Error')]));

const names = (c: Clause, k: 'lead' | 'support') => c[k].map((d) => d.name);
// `label` is how citations name the clause (its own label, or its path where the label repeats).
const summary = (c: Clause) => ({ docId: c.docId, number: c.number, label: c.cite, chapter: c.chapter, title: c.title, lead: names(c, 'lead'), support: names(c, 'support') });
const ref = (c: Clause) => ({ docId: c.docId, number: c.number, label: c.cite, title: c.title });

export function createApiRoutes(deps: ApiDeps): OpenAPIHono {
  const { kb } = deps;
  const api = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        throw createError('BAD_REQUEST', `${issue.path.join('.') || 'request'}: ${issue.message}`);
      }
    },
  });

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/ask',
      summary: 'Ask a question; follow-ups resolve against the session',
      request: { body: { content: { 'application/json': { schema: AskRequestSchema } }, required: true } },
      responses: { 200: json(AnswerSchema, 'The answer, its citations and facts'), ...errorsFor(400, 404, 413, 415) },
    }),
    async (c) => {
      const { question, sessionId, docId, asOf } = c.req.valid('json');
      if (docId && !kb.document(docId)) throw createError('DOC_NOT_FOUND', `no document ${docId}; GET /api/documents lists them`);
      const answer = await deps.ask(question, { sessionId, deadlineMs: deps.deadlineMs, docIds: docId ? [docId] : undefined, asOf });
      await deps.onAnswer?.(c, answer, answer.sessionId, question);
      return c.json({ ...answer, sessionId: answer.sessionId! }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/match',
      summary: 'Benefit finder: every award a profile qualifies for, with amounts, conditions and citations',
      request: { body: { content: { 'application/json': { schema: MatchRequestSchema } }, required: true } },
      responses: { 200: json(MatchResultSchema, 'Matched items, eligible first, by amount'), ...errorsFor(400, 404, 413, 415) },
    }),
    (c) => {
      const { profile, docId, includeNotEligible } = c.req.valid('json');
      if (docId && !kb.document(docId)) throw createError('DOC_NOT_FOUND', `no document ${docId}; GET /api/documents lists them`);
      const text = typeof profile === 'string' ? profile : profileText(profile);
      return c.json(matchProfile(kb, text, { docIds: docId ? [docId] : undefined, includeNotEligible }), 200);
    },
  );

  api.openapi(
    createRoute({ method: 'get', path: '/api/clauses', summary: 'Every clause with its departments', responses: { 200: json(z.array(ClauseSummarySchema), 'Clauses in order') } }),
    (c) => c.json(kb.clauses.map(summary), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/clauses/{docId}/{number}',
      summary: 'One clause: full text, facts and departments',
      request: { params: z.object({ docId: z.string().max(200), number: z.coerce.number().int().min(1).max(999) }) },
      responses: { 200: json(ClauseDetailSchema, 'The clause'), ...errorsFor(400, 404) },
    }),
    (c) => {
      const { docId, number } = c.req.valid('param');
      const clause = kb.clause(docId, number);
      if (!clause) throw createError('NOT_FOUND', `no clause ${number} in ${docId}`);
      return c.json(
        {
          ...summary(clause),
          docTitle: kb.document(docId)!.title,
          text: clause.text,
          sentences: clause.sentences,
          deptNote: clause.deptNote,
          departments: { lead: clause.lead, support: clause.support },
          facts: kb.facts.filter((f) => f.docId === docId && f.clause === number) as z.infer<typeof FactSchema>[],
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({ method: 'get', path: '/api/departments', summary: 'Each department with the clauses it leads and supports', responses: { 200: json(z.array(DepartmentSchema), 'Departments') } }),
    (c) => {
      // What callers call a department: its body's short and long forms (发改委, 发展和改革委员会) and a fixed name's aliases.
      const lex = kb.lexicon.departments;
      const aliasesOf = (name: string) => {
        const body = kb.departments.bodyOf(name);
        const names = [
          ...lex.bodies.filter((b) => b.name === body).flatMap((b) => [b.name, ...b.aliases]),
          ...lex.departments.filter((d) => d.name === name).flatMap((d) => d.aliases),
        ];
        return [...new Set(names)].filter((a) => a !== name);
      };
      // One entry per department of one jurisdiction: 发展改革委 of Guangxi and of Guangdong are two departments.
      const byKey = new Map<string, { key: string; name: string; aliases: string[]; lead: ReturnType<typeof ref>[]; support: ReturnType<typeof ref>[] }>();
      for (const cl of kb.clauses) {
        const region = kb.document(cl.docId)?.region.join('') ?? '';
        for (const k of ['lead', 'support'] as const) {
          for (const d of cl[k]) {
            const id = `${region}|${d.key}`;
            const e = byKey.get(id) ?? { key: d.key, name: d.name, aliases: aliasesOf(d.name), lead: [], support: [] };
            e[k].push(ref(cl));
            byKey.set(id, e);
          }
        }
      }
      return c.json([...byKey.values()].sort((a, b) => b.lead.length - a.lead.length || b.support.length - a.support.length), 200);
    },
  );

  // Every document with its metadata and whether it is in force today (or on ?asOf=YYYY-MM-DD).
  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents',
      summary: 'Every document with its metadata and validity',
      request: { query: z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }) },
      responses: { 200: json(z.array(DocumentSchema), 'Documents'), ...errorsFor(400) },
    }),
    (c) => {
      const asOf = c.req.valid('query').asOf ?? today(deps.now?.());
      return c.json(
        kb.documents.map((d) => {
          const v = validityOf(d, asOf, kb.documents);
          return {
            docId: d.docId, title: d.title, shortTitle: d.shortTitle, docNumber: d.docNumber, issuer: d.issuers.join('、') || undefined,
            region: d.region.join('') || undefined, level: d.level, published: d.published, effective: d.effective, validUntil: d.validUntil,
            status: v.status === 'pending' ? ('active' as const) : v.status, statusNote: v.note, clauses: d.clauses.length,
            structure: d.structure, warnings: d.warnings.length,
          };
        }),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/facts',
      summary: 'Every fact (amounts, targets, sanctions), filterable',
      request: {
        query: z.object({
          type: z.enum(['amount', 'target', 'sanction']).optional(),
          clause: z.coerce.number().int().min(1).max(999).optional(),
          department: z.string().max(100).optional(),
        }),
      },
      responses: { 200: json(z.array(FactSchema.extend({ lead: z.array(z.string()) })), 'Facts with the lead department of their clause'), ...errorsFor(400) },
    }),
    (c) => {
      const q = c.req.valid('query');
      // A department is matched within each fact's own document, as that document names it.
      const deptKey = (docId: string) => (q.department ? (kb.departments.resolve(q.department, kb.document(docId)?.deptContext)?.key ?? q.department) : undefined);
      const rows = kb.facts
        .filter((f) => (!q.type || f.type === q.type) && (!q.clause || f.clause === q.clause))
        .map((f) => ({ fact: f, clause: kb.clause(f.docId, f.clause)!, dept: deptKey(f.docId) }))
        .filter(({ clause, dept }) => !dept || clause.lead.some((d) => d.key === dept) || clause.support.some((d) => d.key === dept))
        .map(({ fact, clause }) => ({ ...(fact as Fact), lead: names(clause, 'lead') }));
      return c.json(rows as never, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/search',
      summary: 'Ranked chunks (hybrid BM25 + vector) with scores',
      request: { query: z.object({ q: z.string().trim().min(1).max(500), limit: z.coerce.number().int().min(1).max(50).optional() }) },
      responses: { 200: json(z.array(SearchHitSchema), 'Chunks, best first'), ...errorsFor(400) },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      const words = new Set(kb.tokenizer.cut(q).filter((w) => w.trim().length > 1 && !kb.stopWords.has(w)));
      const hits = (await searchChunks(kb, q, limit ?? 10)).slice(0, limit ?? 10);
      return c.json(
        hits.map((h) => {
          const ch = kb.chunks[h.index];
          const cl = kb.clause(ch.docId, ch.clause)!;
          return {
            chunkId: ch.id, docId: ch.docId, clause: ch.clause, label: cl.cite, title: cl.title, kind: ch.kind,
            text: ch.quote, score: Math.round(h.score * 1e4) / 1e4, highlights: [...words].filter((w) => ch.quote.includes(w)),
          };
        }),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      summary: 'Liveness and readiness (503 until the index is loaded and a self-check question answers)',
      responses: { 200: json(HealthSchema, 'Ready'), 503: json(NotReadySchema, 'Live but not ready: starting, failed or stopping') },
    }),
    async (c) => {
      const state = await deps.readiness.settle();
      if (!state.ready) return c.json({ status: state.status as 'starting' | 'failed' | 'stopping', live: true, ready: false as const, reason: state.reason }, 503);
      return c.json(
        {
          status: 'ok' as const, live: true, ready: true,
          documents: kb.documents.length, clauses: kb.clauses.length, facts: kb.facts.length,
          index: { formatVersion: kb.manifest.formatVersion, builtAt: kb.manifest.builtAt, embedder: kb.manifest.embedder, vectorIndex: kb.vectors.id, tokenizer: kb.manifest.tokenizer },
        },
        200,
      );
    },
  );

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Policy Q&A assistant API', version: '1.0.0', description: 'Exact, cited answers about policy documents. Amounts and departments come from the fact tables.' },
  });
  return api;
}
