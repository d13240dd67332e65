/**
 * @module Rate limiting: a token bucket per key (client address or user), in memory. Each replica
 * counts on its own, so behind N replicas the effective limit is up to N times the configured one;
 * docs/deployment.md says so and where to put a shared limiter if that matters.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors.js';
import type { AppEnv } from './env.js';

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  readonly perMinute: number;
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxKeys: number;
  private sweptAt = 0;

  constructor(perMinute: number, options: { maxKeys?: number } = {}) {
    this.perMinute = perMinute;
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  /** Takes one token for `key`: true when allowed, else the seconds until one is available. */
  take(key: string, now: number = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (this.perMinute <= 0) return { ok: true };
    const rate = this.perMinute / 60_000;
    this.sweep(now);
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * rate);
    b.at = now;
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000)) };
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    return { ok: true };
  }

  /** Forgets buckets that have refilled, at most once a second; caps the number of keys kept. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 1000 && this.buckets.size < this.maxKeys) return;
    this.sweptAt = now;
    const rate = this.perMinute / 60_000;
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * rate >= this.perMinute) this.buckets.delete(key);
    }
    if (this.buckets.size >= this.maxKeys) {
      // Under a flood of distinct keys, drop the oldest half rather than grow without bound.
      let n = this.buckets.size / 2;
      for (const key of this.buckets.keys()) {
        if (n-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }
}

/** Middleware: one token per request from `limiter`, keyed by `keyOf`. */
export function rateLimit(limiter: RateLimiter, keyOf: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (limiter.perMinute <= 0) return next();
    const r = limiter.take(keyOf(c));
    if (!r.ok) {
      throw new AppError('rate-limited', `请求过于频繁，请 ${r.retryAfterSeconds} 秒后再试`, {
        headers: { 'Retry-After': String(r.retryAfterSeconds) },
      });
    }
    await next();
  };
}
