// Cloudflare Worker entry: the app from the bundled artifacts (npm run build:worker writes them), sessions in a
// Durable Object. Served by `npm run dev:worker`, bundled by `npm run deploy:dry`, deployed by `npm run deploy`.
import { bundledArtifacts } from '../worker/bundled.js';
import { createWorkerHandler } from '../worker/handler.js';

export { SessionObject } from '../worker/sessions.js';

export default createWorkerHandler(bundledArtifacts);
