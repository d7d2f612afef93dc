// Hand-built PDFs for the reader's failure tests: a page whose content never ends in practice (millions of text
// operators behind a small deflated stream), and a document that claims more pages than the limit. No PDF
// library writes such files on purpose.
import { deflateRaw } from './zip.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** zlib framing around raw deflate, as PDF's FlateDecode wants (header, data, Adler-32). */
async function zlib(data: Uint8Array): Promise<Uint8Array> {
  const raw = await deflateRaw(data);
  let a = 1;
  let b = 0;
  for (const byte of data) (a = (a + byte) % 65521), (b = (b + a) % 65521);
  const out = new Uint8Array(raw.length + 6);
  out.set([0x78, 0x9c]);
  out.set(raw, 2);
  new DataView(out.buffer).setUint32(raw.length + 2, ((b << 16) | a) >>> 0);
  return out;
}

/** A PDF of `pages` pages sharing one content stream. */
export async function makePdf(content: Uint8Array, { pages = 1, claimPages }: { pages?: number; claimPages?: number } = {}): Promise<Uint8Array> {
  const stream = await zlib(content);
  const kids = Array.from({ length: pages }, (_, i) => `${5 + i} 0 R`).join(' ');
  const objects: (Uint8Array | string)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${claimPages ?? pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Uint8Array[] = [enc('%PDF-1.7\n')];
  const offsets: number[] = [];
  let size = parts[0].length;
  const push = (bytes: Uint8Array) => (parts.push(bytes), (size += bytes.length));
  objects.forEach((o, i) => {
    offsets.push(size);
    push(enc(`${i + 1} 0 obj\n${o}\nendobj\n`));
  });
  offsets.push(size);
  push(enc(`4 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`));
  push(stream);
  push(enc('\nendstream\nendobj\n'));
  for (let i = 0; i < pages; i++) {
    offsets.push(size);
    push(enc(`${5 + i} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>\nendobj\n`));
  }
  const xref = size;
  const n = offsets.length + 1;
  push(enc(`xref\n0 ${n}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${n} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return new Uint8Array(await new Blob(parts as Uint8Array<ArrayBuffer>[]).arrayBuffer());
}

/** Content that draws `count` short text runs: cheap to store, slow to read. */
export function manyTextRuns(count: number): Uint8Array {
  const op = enc('BT /F1 9 Tf 72 700 Td (policy) Tj ET\n');
  const out = new Uint8Array(op.length * count);
  for (let i = 0; i < count; i++) out.set(op, i * op.length);
  return out;
}
