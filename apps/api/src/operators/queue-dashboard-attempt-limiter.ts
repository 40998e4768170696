export const MAX_FAILED_SIGN_INS = 5;
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60_000;

// Bounds memory when many addresses fail (a scan, a botnet): the oldest windows go first.
const MAX_TRACKED_CLIENTS = 10_000;

interface AttemptWindow {
  attempts: number;
  resetsAt: number;
}

// Limits password attempts per client address: MAX_FAILED_SIGN_INS failures in a fixed window
// that starts at the first attempt, then the client waits for the window to end.
// Kept in memory, so the limit holds per API instance: with N instances behind a load balancer a
// client gets up to N × MAX_FAILED_SIGN_INS guesses per window, and a restart forgets them.
// argon2 already makes every guess expensive; this stops a script from hammering the prompt.
export class AttemptLimiter {
  private readonly windows = new Map<string, AttemptWindow>();

  constructor(
    private readonly maxFailures = MAX_FAILED_SIGN_INS,
    private readonly windowMs = FAILED_SIGN_IN_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  // Counts an attempt before its password is checked, so guesses sent in parallel cannot all
  // pass before the first failure is known. Returns 0 when the attempt may go ahead, otherwise
  // the milliseconds until the client may try again.
  take(client: string): number {
    const window = this.current(client);
    if (!window) {
      if (this.windows.size >= MAX_TRACKED_CLIENTS) this.evict();
      this.windows.set(client, { attempts: 1, resetsAt: this.now() + this.windowMs });
      return 0;
    }
    if (window.attempts >= this.maxFailures) return Math.max(1, window.resetsAt - this.now());
    window.attempts += 1;
    return 0;
  }

  // A correct password does not count. It does not clear earlier failures either: anyone can
  // sign up, so a reset on success would let them guess an admin's password between sign-ins
  // with their own account.
  refund(client: string): void {
    const window = this.current(client);
    if (window && window.attempts > 0) window.attempts -= 1;
  }

  private current(client: string): AttemptWindow | undefined {
    const window = this.windows.get(client);
    if (window && window.resetsAt <= this.now()) {
      this.windows.delete(client);
      return undefined;
    }
    return window;
  }

  // Drops ended windows; when none has ended, the oldest one (Maps iterate in insertion order).
  private evict(): void {
    const now = this.now();
    for (const [client, window] of this.windows) {
      if (window.resetsAt <= now) this.windows.delete(client);
    }
    if (this.windows.size >= MAX_TRACKED_CLIENTS) {
      const oldest = this.windows.keys().next();
      if (!oldest.done) this.windows.delete(oldest.value);
    }
  }
}
