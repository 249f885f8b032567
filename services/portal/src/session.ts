import { type CommonGroundClient, createCommonGroundClient, type Schemas } from '@cg/sdk';
import { call, type Problem, type Result } from './api.js';

export type Me = Extract<Schemas['Me'], { user: unknown }>;

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; expired?: boolean }
  | { status: 'signed-in'; me: Me };

/*
 * The browser session. The access token lives only in this object's memory; the refresh token
 * is an httpOnly cookie the page never sees. A "signed in" flag (no secret) in localStorage
 * tells a fresh page whether a refresh is worth trying, so a visitor without a session causes
 * no failing request. Refreshes are serialised across tabs with the Web Locks API, because each
 * refresh rotates the cookie and a replayed one ends the session.
 */

const HINT_KEY = 'cg.signed-in';
const CHANNEL = 'cg-session';
const LOCK = 'cg-session-refresh';
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;
const SESSION_PATH = '/v1/auth/session';

function readHint(): boolean {
  try {
    return window.localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}

function writeHint(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(HINT_KEY, '1');
    else window.localStorage.removeItem(HINT_KEY);
  } catch {
    // Storage may be disabled; the session then simply is not restored on the next page load.
  }
}

export class Session {
  /** The client for everything but the session routes: it carries the access token. */
  readonly client: CommonGroundClient;
  private readonly anonymous: CommonGroundClient;
  private token: string | undefined;
  private expiresAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | undefined;
  private state: SessionState = { status: 'restoring' };
  private readonly listeners = new Set<() => void>();
  private readonly channel: BroadcastChannel | undefined;

  constructor() {
    this.anonymous = createCommonGroundClient({ baseUrl: '' });
    this.client = createCommonGroundClient({
      baseUrl: '',
      accessToken: () => this.currentToken(),
      fetch: (input, init) => this.fetchWithRefresh(input, init),
    });
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;
    this.channel?.addEventListener('message', (event: MessageEvent) => {
      if (event.data === 'signed-out') this.clear(false);
      else if (event.data === 'signed-in' && this.state.status === 'signed-out') void this.restore();
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && this.token && this.expiresSoon()) void this.refresh();
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): SessionState => this.state;

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  /** On page load: restore the session from the cookie when this browser was signed in. */
  async start(): Promise<void> {
    if (readHint()) await this.restore();
    else this.setState({ status: 'signed-out' });
  }

  private async restore(): Promise<void> {
    if (this.state.status !== 'signed-in') this.setState({ status: 'restoring' });
    if (await this.refresh()) await this.loadMe();
    else if (this.state.status !== 'signed-out') this.setState({ status: 'signed-out' });
  }

  async signIn(email: string, password: string): Promise<Result<Me>> {
    return this.openSession({ email, password });
  }

  /** Signs in with the one-time code mailed by `POST /v1/auth/sign-in-code`. */
  async signInWithCode(email: string, code: string): Promise<Result<Me>> {
    // The session route takes `{ email, code }` as well (packages/contracts SessionRequestSchema).
    return this.openSession({ email, code } as unknown as Schemas['SessionRequestInput']);
  }

  private async openSession(body: Schemas['SessionRequestInput']): Promise<Result<Me>> {
    const result = await call(this.anonymous.POST('/v1/auth/session', { body }));
    if (!result.ok) return result;
    this.accept(result.data);
    const me = await this.loadMe();
    if (me.ok) this.channel?.postMessage('signed-in');
    return me;
  }

  async signUp(body: Schemas['SignupRequestInput']): Promise<Result<Me>> {
    const created = await call(this.anonymous.POST('/v1/signup', { body }));
    if (!created.ok) return created;
    return this.signIn(body.user.email, body.user.password);
  }

  async signOut(): Promise<void> {
    await call(this.anonymous.DELETE('/v1/auth/session', {}));
    this.clear(false);
    this.channel?.postMessage('signed-out');
  }

  /** Reads `/v1/me` again (e.g. after a role change). */
  async loadMe(): Promise<Result<Me>> {
    const result = await call(this.client.GET('/v1/me', {}));
    if (!result.ok) {
      if (result.problem.status === 401) this.clear(true);
      return result;
    }
    if (!('user' in result.data)) {
      const problem: Problem = {
        type: 'about:blank',
        title: 'Not a person’s session',
        status: 403,
        detail: 'The portals are for people; API clients use the REST API.',
      };
      this.clear(false);
      return { ok: false, problem };
    }
    this.setState({ status: 'signed-in', me: result.data });
    return { ok: true, data: result.data, response: result.response };
  }

  private accept(session: Schemas['Session']): void {
    this.token = session.access_token;
    this.expiresAt = Date.now() + session.expires_in * 1000;
    writeHint(true);
    clearTimeout(this.timer);
    const delay = Math.max(5_000, session.expires_in * 1000 - REFRESH_MARGIN_MS);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private clear(expired: boolean): void {
    clearTimeout(this.timer);
    this.token = undefined;
    this.expiresAt = 0;
    writeHint(false);
    this.setState(expired ? { status: 'signed-out', expired: true } : { status: 'signed-out' });
  }

  private expiresSoon(): boolean {
    return Date.now() > this.expiresAt - REFRESH_MARGIN_MS / 2;
  }

  private async currentToken(): Promise<string | undefined> {
    if (this.token && Date.now() > this.expiresAt - 5_000) await this.refresh();
    return this.token;
  }

  /** One refresh at a time in this tab, and (with Web Locks) across tabs. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.runRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async runRefresh(): Promise<boolean> {
    const attempt = async (): Promise<boolean> => {
      const result = await call(this.anonymous.POST('/v1/auth/session/refresh', { body: {} }));
      if (result.ok) {
        this.accept(result.data);
        return true;
      }
      if (result.problem.status === 401 || result.problem.status === 400) {
        const wasSignedIn = this.state.status === 'signed-in';
        this.clear(wasSignedIn);
      }
      return false;
    };
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request(LOCK, attempt) : attempt();
  }

  /** Retries a request once with a fresh token when the API says the old one is no longer valid. */
  private async fetchWithRefresh(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request ? input : new Request(input, init);
    const spare = request.clone();
    const response = await fetch(request);
    if (response.status !== 401 || !this.token || new URL(request.url).pathname.startsWith(SESSION_PATH)) {
      return response;
    }
    if (!(await this.refresh()) || !this.token) return response;
    spare.headers.set('authorization', `Bearer ${this.token}`);
    return fetch(spare);
  }
}
