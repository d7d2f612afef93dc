// The few Workers runtime types this code uses (the project does not depend on @cloudflare/workers-types).

interface DurableObjectStorage {
  get<T = unknown>(key: string): Promise<T | undefined>;
  put<T>(key: string, value: T): Promise<void>;
  deleteAll(): Promise<void>;
  getAlarm(): Promise<number | null>;
  setAlarm(scheduledTime: number | Date): Promise<void>;
  deleteAlarm(): Promise<void>;
}

interface DurableObjectState {
  readonly storage: DurableObjectStorage;
  blockConcurrencyWhile<T>(fn: () => Promise<T>): Promise<T>;
}

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  readonly props: unknown;
}

declare module 'cloudflare:workers' {
  export abstract class DurableObject<Env = unknown> {
    protected ctx: DurableObjectState;
    protected env: Env;
    constructor(ctx: DurableObjectState, env: Env);
  }
  /** The Worker's bindings and variables (module scope). */
  export const env: Record<string, unknown>;
  /** The Worker's own exports, callable like a service binding (tests). */
  export const exports: { default: { fetch(input: string | Request | URL, init?: RequestInit): Promise<Response> } };
}

declare module 'cloudflare:test' {
  /** Runs the object's alarm now, if one is set; resolves to whether it ran. */
  export function runDurableObjectAlarm(stub: unknown): Promise<boolean>;
  export function createExecutionContext(): ExecutionContext;
  export function runInDurableObject<O, R>(stub: unknown, fn: (instance: O, state: DurableObjectState) => R | Promise<R>): Promise<R>;
}
