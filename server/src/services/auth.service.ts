// Authentication: API key, first-run user creation, forms login with sessions, failed-login throttling.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { UserRepository } from '../db/repositories/user.repository.js';
import type { Clock } from '../lib/clock.js';
import { ConflictError, RateLimitedError, ValidationError } from '../lib/errors.js';
import type { ApiKeyStore } from './api-key.store.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password.js';

export const SESSION_TTL_MS = 30 * 24 * 3600_000;

export interface Principal {
  kind: 'apiKey' | 'session';
  username?: string;
}

export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly keys: ApiKeyStore,
    private readonly throttle: LoginThrottle,
    private readonly clock: Clock,
  ) {}

  checkApiKey(candidate: string | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.keys.apiKey);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  get apiKey(): string {
    return this.keys.apiKey;
  }

  regenerateApiKey(): string {
    return this.keys.regenerate();
  }

  async needsSetup(): Promise<boolean> {
    return (await this.users.count()) === 0;
  }

  async createFirstUser(username: string, password: string): Promise<void> {
    validateCredentials(username, password);
    const user = await this.users.createFirst(username, await hashPassword(password), new Date(this.clock.now()));
    if (!user) throw new ConflictError('a user already exists; log in instead');
  }

  /** Returns a session token for the cookie. Throws ValidationError (wrong credentials) or RateLimitedError. */
  async login(username: string, password: string, clientKey: string): Promise<{ token: string; expires: Date }> {
    const wait = this.throttle.retryAfterMs(clientKey);
    if (wait > 0) throw new RateLimitedError('too many failed login attempts; try again later', wait);
    const user = await this.users.findByUsername(username);
    // Verify against a dummy hash when the user is unknown so timing does not reveal which usernames exist.
    const ok = user
      ? await verifyPassword(password, user.passwordHash)
      : await verifyPassword(password, DUMMY_HASH).then(() => false);
    if (!ok || !user) {
      this.throttle.recordFailure(clientKey);
      throw new ValidationError('invalid username or password', [
        { field: 'password', message: 'invalid username or password', severity: 'error' },
      ]);
    }
    this.throttle.recordSuccess(clientKey);
    const token = randomBytes(32).toString('base64url');
    const now = new Date(this.clock.now());
    const expires = new Date(now.getTime() + SESSION_TTL_MS);
    await this.users.createSession(hashToken(token), user.id, now, expires);
    return { token, expires };
  }

  async sessionUser(token: string | undefined): Promise<string | undefined> {
    if (!token) return undefined;
    const s = await this.users.findSession(hashToken(token), new Date(this.clock.now()));
    return s?.username;
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.users.deleteSession(hashToken(token));
  }

  async changePassword(username: string, current: string, next: string): Promise<void> {
    const user = await this.users.findByUsername(username);
    if (!user || !(await verifyPassword(current, user.passwordHash)))
      throw new ValidationError('current password is wrong', [
        { field: 'currentPassword', message: 'is wrong', severity: 'error' },
      ]);
    // The route's body calls it newPassword; findings must name the field the client sent.
    validateCredentials(username, next, 'newPassword');
    await this.users.updatePassword(user.id, await hashPassword(next));
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function validateCredentials(username: string, password: string, passwordField = 'password'): void {
  const findings = [];
  if (!/^[\w.@-]{1,64}$/.test(username))
    findings.push({
      field: 'username',
      message: 'must be 1-64 letters, digits, . _ @ or -',
      severity: 'error' as const,
    });
  if (password.length < 8)
    findings.push({ field: passwordField, message: 'must be at least 8 characters', severity: 'error' as const });
  if (findings.length) throw new ValidationError('invalid credentials', findings);
}

const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';
