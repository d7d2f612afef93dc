// Request and response schemas of the HTTP API (zod, also the source of the OpenAPI document).
import { z } from '@hono/zod-openapi';

export const INTENTS = ['amount', 'department', 'clause', 'overview', 'search', 'out_of_scope', 'greeting', 'clarify'] as const;

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');

export const AskRequestSchema = z
  .object({
    question: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().min(1, 'question is empty').max(500, 'question is longer than 500 characters'))
      .openapi({ example: '新认定的自治区级孵化器给多少钱？' }),
    sessionId: z
      .string()
      .regex(/^[A-Za-z0-9_:.-]{1,128}$/, 'sessionId must be 1-128 characters of A-Z a-z 0-9 _ : . -')
      .optional()
      .openapi({ example: '2c6f0e0a-6d1b-4d7e-9a3e-2f1d8d0b7c11' }),
    docId: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,128}$/, 'docId must be 1-128 characters of A-Z a-z 0-9 _ . -')
      .optional()
      .openapi({ description: 'Answer from this document only (GET /api/documents lists them).', example: 'guangxi-hitech-zones-2021' }),
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be a date written YYYY-MM-DD')
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'asOf is not a calendar date')
      .optional()
      .openapi({ description: 'Judge validity (in force, expired, repealed) on this day instead of today.', example: '2026-12-01' }),
  })
  .strict()
  .openapi('AskRequest');

export const ComputationSchema = z
  .object({
    rule: z.string().openapi({ description: 'The rule as the clause writes it.' }),
    inputs: z.array(z.string()).openapi({ description: "The user's own figures." }),
    steps: z.array(z.string()).openapi({ example: ['1500万元 × 1:1 = 1500万元', 'min(1500万元, 1000万元) = 1000万元'] }),
    result: z.string(),
  })
  .openapi('Computation');

export const AnswerPartSchema = z
  .object({
    attribute: z.string().openapi({ example: 'amount' }),
    text: z.string(),
    stated: z.boolean().openapi({ description: 'false: the document does not state what was asked (本政策未写明…).' }),
    computation: z.string().optional(),
    computed: ComputationSchema.optional(),
  })
  .openapi('AnswerPart');

export const CitationSchema = z
  .object({
    docId: z.string(),
    docTitle: z.string(),
    clause: z.string().openapi({ example: '十四' }),
    number: z.number().int(),
    title: z.string().openapi({ example: '优化创新创业生态' }),
    quote: z.string(),
  })
  .openapi('Citation');

export const FactSchema = z
  .object({
    id: z.string(),
    type: z.enum(['amount', 'target', 'sanction']),
    docId: z.string(),
    clause: z.number().int(),
    label: z.string(),
    subject: z.string(),
    sentence: z.string(),
    display: z.string().openapi({ example: '50万元' }),
    kind: z.string().optional(),
    value: z.number().optional(),
    unit: z.string().optional(),
    qualifiers: z.array(z.string()).optional(),
    level: z.enum(['national', 'province', 'city', 'district', 'county']).optional(),
    form: z.string().optional(),
    year: z.number().optional(),
    measure: z.string().optional(),
  })
  .openapi('Fact');

export const AnswerSchema = z
  .object({
    answer: z.string(),
    intent: z.enum(INTENTS),
    citations: z.array(CitationSchema),
    facts: z.array(FactSchema),
    departments: z.object({ lead: z.array(z.string()), support: z.array(z.string()) }).optional(),
    parts: z.array(AnswerPartSchema).optional().openapi({ description: 'What each ask of the question got, in order.' }),
    validity: z
      .array(z.object({ docId: z.string(), status: z.string(), note: z.string() }))
      .optional()
      .openapi({ description: 'Cited documents not simply in force on the day asked (expired, repealed, not yet in force).' }),
    sessionId: z.string(),
    notice: z.literal('session_expired').optional().openapi({ description: 'The sessionId sent was unknown (expired, lost in a restart, never issued): a new session started, and the answer says so first.' }),
    generatedBy: z.enum(['rules', 'llm']).optional(),
    guard: z.string().optional(),
  })
  .openapi('Answer');

export const DeptRefSchema = z.object({ written: z.string(), key: z.string(), name: z.string() }).openapi('DepartmentRef');

export const ClauseSummarySchema = z
  .object({
    docId: z.string(),
    number: z.number().int(),
    label: z.string(),
    chapter: z.string(),
    title: z.string(),
    lead: z.array(z.string()),
    support: z.array(z.string()),
  })
  .openapi('ClauseSummary');

export const ClauseDetailSchema = ClauseSummarySchema.extend({
  docTitle: z.string(),
  text: z.string(),
  sentences: z.array(z.string()),
  deptNote: z.string(),
  departments: z.object({ lead: z.array(DeptRefSchema), support: z.array(DeptRefSchema) }),
  facts: z.array(FactSchema),
}).openapi('ClauseDetail');

const ClauseRefSchema = z.object({ docId: z.string(), number: z.number().int(), label: z.string(), title: z.string() });

export const DepartmentSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    /** Other names the lexicon knows it by (发改委): the console's department filter finds it by them. */
    aliases: z.array(z.string()),
    lead: z.array(ClauseRefSchema),
    support: z.array(ClauseRefSchema),
  })
  .openapi('Department');

export const DocumentSchema = z
  .object({
    docId: z.string(),
    title: z.string(),
    shortTitle: z.string(),
    docNumber: z.string().optional(),
    issuer: z.string().optional(),
    region: z.string().optional(),
    level: z.string().optional(),
    published: z.string().optional(),
    effective: z.string().optional(),
    validUntil: z.string().optional(),
    status: z.enum(['active', 'expired', 'repealed']),
    statusNote: z.string().optional(),
    clauses: z.number().int(),
    /** What the parser found ("26 条（第N条），分 6 组") and how many things it could not place. */
    structure: z.string().optional(),
    warnings: z.number().int().optional(),
  })
  .openapi('Document');

export const SearchHitSchema = z
  .object({
    chunkId: z.string(),
    docId: z.string(),
    clause: z.number().int(),
    label: z.string(),
    title: z.string(),
    kind: z.enum(['clause', 'sentence']),
    text: z.string(),
    score: z.number(),
    highlights: z.array(z.string()),
  })
  .openapi('SearchHit');

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    live: z.boolean(),
    ready: z.boolean(),
    documents: z.number().int(),
    clauses: z.number().int(),
    facts: z.number().int(),
    index: z.object({ formatVersion: z.number(), builtAt: z.string(), embedder: z.string(), vectorIndex: z.string(), tokenizer: z.string() }),
  })
  .openapi('Health');

export const NotReadySchema = z
  .object({
    status: z.enum(['starting', 'failed', 'stopping']),
    live: z.boolean(),
    ready: z.literal(false),
    reason: z.string().optional(),
  })
  .openapi('NotReady');

const FigureValue = z.union([z.number(), z.string().max(50), z.array(z.number()).max(10), z.object({ from: z.number(), to: z.number() }).strict()]);

export const MatchRequestSchema = z
  .object({
    profile: z
      .union([
        z.string().transform((s) => s.trim()).pipe(z.string().min(1, 'profile is empty').max(1000, 'profile is longer than 1000 characters')),
        z
          .object({
            type: z.string().max(50).optional(),
            level: z.string().max(20).optional(),
            events: z.array(z.string().max(50)).max(20).optional(),
            figures: z.record(z.string().max(50), FigureValue).optional(),
            place: z.string().max(50).optional(),
          })
          .strict()
          .refine((p) => Object.values(p).some((v) => v !== undefined && (!Array.isArray(v) || v.length)), 'profile is empty'),
      ])
      .openapi({ example: '我们是南宁的孵化器，去年被认定为国家级，今年考核又是A，能拿哪些钱？' }),
    docId: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,128}$/, 'docId must be 1-128 characters of A-Z a-z 0-9 _ . -')
      .optional()
      .openapi({ description: 'Match against this document only.' }),
    includeNotEligible: z.boolean().optional().openapi({ description: 'Also list the tempting items that do not apply, with reasons.' }),
  })
  .strict()
  .openapi('MatchRequest');

export const MatchItemSchema = z
  .object({
    status: z.enum(['eligible', 'needs-info', 'not-eligible']),
    docId: z.string(),
    docTitle: z.string(),
    clause: z.string().openapi({ description: "The clause in the document's own label.", example: '（十四）' }),
    number: z.number().int(),
    subject: z.string(),
    amount: z.string().openapi({ description: "The fact's figure, or the figure computed from the profile's numbers (see computation)." }),
    display: z.string(),
    role: z.enum(['award', 'cap', 'ratio', 'threshold', 'other']),
    upTo: z.boolean().openapi({ description: 'The amount is a maximum (最高不超过).' }),
    quote: z.string().openapi({ description: 'The sentence the figure is in, verbatim.' }),
    factId: z.string(),
    computation: z.string().optional(),
    computed: ComputationSchema.optional(),
    met: z.array(z.string()),
    missing: z.string().optional().openapi({ description: 'needs-info: the question that settles it.' }),
    reason: z.string().optional().openapi({ description: 'not-eligible: why.' }),
    lead: z.array(z.string()),
    support: z.array(z.string()),
    yuan: z.number().optional(),
    coverage: z.number(),
  })
  .openapi('MatchItem');

export const MatchResultSchema = z
  .object({
    items: z.array(MatchItemSchema),
    total: z.object({ amount: z.string(), yuan: z.number(), items: z.number().int(), upTo: z.boolean() }).optional(),
    stacking: z.array(z.object({ docId: z.string(), stated: z.boolean(), note: z.string() })),
    ask: z.string().optional().openapi({ description: 'The one fact that would change the list most.' }),
    documents: z.array(z.string()),
    profile: z.object({ text: z.string(), places: z.array(z.string()), level: z.string().optional() }),
  })
  .openapi('MatchResult');
