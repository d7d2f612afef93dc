// npm run build:worker (after build:index) — writes data/worker/artifacts.txt, the Worker's bundled knowledge base.
// --without-vectors: leave the vectors out, for a Worker whose VECTORIZE binding serves them.
import { readWorkerArtifacts, writeWorkerArtifacts } from '../node/worker-artifacts.js';

const t0 = performance.now();
const artifacts = await readWorkerArtifacts({ withoutVectors: process.argv.includes('--without-vectors') });
const { file, bytes } = await writeWorkerArtifacts(artifacts);
console.log(`worker artifacts: ${(bytes / 1024 / 1024).toFixed(1)} MiB → ${file} in ${Math.round(performance.now() - t0)} ms`);
