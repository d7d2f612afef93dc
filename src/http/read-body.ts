// Reading a request body with a hard size bound: refused by the declared Content-Length and again while streaming,
// so a lying or absent header cannot make a handler buffer megabytes.

/** The body's bytes, or undefined when it exceeds `maxBytes` (the stream is cancelled then). */
export async function readBoundedBytes(req: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) return undefined;
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}
