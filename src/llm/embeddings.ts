// Optional remote embeddings: any OpenAI-compatible /v1/embeddings endpoint (Ollama, vLLM, DashScope, …) behind
// LangChain's Embeddings interface. Only fetch, so the Worker can use it for query vectors too.
import { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../config.js';

export interface OpenAICompatibleEmbeddingsOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Texts per request when embedding the corpus (default 32). */
  batchSize?: number;
  /** Per request when building the index (default 30 s). */
  timeoutMs?: number;
  /** Per query at answer time (default 2 s): retrieval falls back to BM25 alone when it is late. */
  queryTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** The manifest's embedder id: an index built by one model is never queried with another. */
export const remoteEmbedderId = (model: string) => `openai-compatible/${model}`;

class EmbeddingsHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
  // LangChain's retry logic reads the status here and does not retry a 4xx.
  get response() {
    return { status: this.status };
  }
}

export class OpenAICompatibleEmbeddings extends Embeddings {
  readonly id: string;
  private readonly url: string;

  constructor(private readonly opts: OpenAICompatibleEmbeddingsOptions) {
    super({ maxRetries: 2, maxConcurrency: 4 });
    this.id = remoteEmbedderId(opts.model);
    this.url = `${opts.baseUrl.replace(/\/+$/, '')}/embeddings`;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const size = this.opts.batchSize ?? 32;
    const batches: string[][] = [];
    for (let i = 0; i < texts.length; i += size) batches.push(texts.slice(i, i + size));
    const out = await Promise.all(batches.map((b) => this.caller.call(() => this.request(b, this.opts.timeoutMs ?? 30_000))));
    const vectors = out.flat();
    const dim = vectors[0]?.length;
    if (vectors.some((v) => v.length !== dim)) throw new Error(`${this.id} returned vectors of different lengths`);
    return vectors;
  }

  /** One attempt, short timeout: a query must not wait for retries. */
  async embedQuery(text: string): Promise<number[]> {
    return (await this.request([text], this.opts.queryTimeoutMs ?? 2000))[0];
  }

  private async request(input: string[], timeoutMs: number): Promise<number[][]> {
    const res = await (this.opts.fetch ?? fetch)(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.opts.apiKey ? { authorization: `Bearer ${this.opts.apiKey}` } : {}) },
      body: JSON.stringify({ model: this.opts.model, input, encoding_format: 'float' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new EmbeddingsHttpError(res.status, `${this.id}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    const body = (await res.json()) as { data?: { index: number; embedding: number[] }[] };
    const data = [...(body.data ?? [])].sort((a, b) => a.index - b.index);
    if (data.length !== input.length || data.some((d) => !Array.isArray(d.embedding) || !d.embedding.length)) {
      throw new Error(`${this.id}: expected ${input.length} embeddings, got ${data.length}`);
    }
    // Unit length: the vector indexes compare by dot product.
    return data.map((d) => {
      const norm = Math.sqrt(d.embedding.reduce((a, x) => a + x * x, 0)) || 1;
      return d.embedding.map((x) => x / norm);
    });
  }
}

/** From EMBEDDINGS_BASE_URL / EMBEDDINGS_MODEL / EMBEDDINGS_API_KEY; undefined means the local default embedder. */
export function embeddingsFromConfig(config: Pick<Config, 'embeddings'>): OpenAICompatibleEmbeddings | undefined {
  return config.embeddings ? new OpenAICompatibleEmbeddings(config.embeddings) : undefined;
}
