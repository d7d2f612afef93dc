// The artifacts bundled into the Worker: data/worker/artifacts.txt (npm run build:worker), a Text module.
import text from '../../data/worker/artifacts.txt';
import type { WorkerArtifacts } from './artifacts.js';

let parsed: WorkerArtifacts | undefined;

/** Parsed on first use (a request), not at start-up. */
export const bundledArtifacts = (): WorkerArtifacts => (parsed ??= JSON.parse(text));
