// A per-request record the logger fills in from deep inside a handler (the intent of a WeChat answer, say).
// The entry provides the storage (AsyncLocalStorage on Node); without one, only routes that set it directly log it.

export interface RequestRecord {
  id: string;
  intent?: string;
  /** Hashed session key (OpenID, userid or API session). */
  session?: string;
  question?: string;
}

export interface RequestScope {
  run<T>(record: RequestRecord, fn: () => T): T;
  get(): RequestRecord | undefined;
}

/** Hono's typed variables for this app: the logger puts the request's record where routes can add to it. */
export interface AppEnv {
  Variables: { log?: RequestRecord };
}
