/** Authentication: login, cookies, CSRF, lock-out, rate limits, sessions, password change, user administration. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, Client, PASSWORD, createTestServer, smallDocument } from './helpers.js';
import type { TestServer } from './helpers.js';

describe.each(BACKENDS)('auth on %s', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(backend, { config: { LOGIN_MAX_ATTEMPTS: 3, LOGIN_LOCK_MINUTES: 15 } });
  }, 120_000);
  afterAll(async () => s?.close());

  it('logs in: HttpOnly SameSite=Lax cookie, user and CSRF token; the session endpoint agrees', async () => {
    const c = s.client();
    const r = await c.login('preparer1', PASSWORD);
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^jixiao_session=r1\.[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(r.body.user).toMatchObject({ username: 'preparer1', role: 'preparer', roleLabel: '填报人', orgName: '单位甲', region: 'r1' });
    expect(r.body.user).not.toHaveProperty('password_hash');
    expect(r.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await c.get('/api/auth/session');
    expect(me.body.csrfToken).toBe(r.body.csrfToken);
    // Beside it, a readable hint without a secret, so the web app probes the session only when it may exist.
    const hint = r.headers.getSetCookie().find((x) => x.startsWith('jixiao_signed_in='));
    expect(hint).toMatch(/^jixiao_signed_in=1;/);
    expect(hint).not.toMatch(/HttpOnly/);
    const out = await c.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().find((x) => x.startsWith('jixiao_signed_in='))).toMatch(/Max-Age=0/);
    expect((await c.get('/api/auth/session')).status).toBe(401);
    // Only the hash of the secret is stored.
    const secret = /jixiao_session=r1\.([^;]+)/.exec(cookie)?.[1] ?? '';
    const rows = await s.deps.db.selectFrom('sessions').select('id').execute();
    expect(rows.some((x) => x.id.includes(secret))).toBe(false);
  });

  it('sets Secure behind HTTPS (trusted proxy) and with COOKIE_SECURE=true', async () => {
    const secure = await createTestServer(backend, { config: { COOKIE_SECURE: 'auto', TRUST_PROXY: true } });
    try {
      const r = await secure.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ username: 'preparer1', password: PASSWORD }),
      });
      expect(r.headers.get('set-cookie')).toMatch(/Secure/);
    } finally {
      await secure.close();
    }
  }, 120_000);

  it('answers a wrong password and an unknown user the same way', async () => {
    const a = await s.client().login('preparer2', 'wrong-password');
    const b = await s.client().login('nobody-here', 'wrong-password');
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body).toEqual(b.body);
    expect(a.body.error.code).toBe('invalid-credentials');
    const u = await s.deps.db.selectFrom('users').select('failed_logins').where('username', '=', 'preparer2').executeTakeFirstOrThrow();
    expect(u.failed_logins).toBe(1);
    expect((await s.client().login('preparer2', PASSWORD)).status).toBe(200);
    const after = await s.deps.db.selectFrom('users').select('failed_logins').where('username', '=', 'preparer2').executeTakeFirstOrThrow();
    expect(after.failed_logins).toBe(0);
  });

  it('locks an account after repeated failures, even for the right password, until the admin unlocks it', async () => {
    for (let i = 0; i < 2; i++) expect((await s.client().login('preparer3', 'nope-nope')).status).toBe(401);
    const third = await s.client().login('preparer3', 'nope-nope');
    expect(third.status).toBe(423);
    expect(third.body.error.code).toBe('account-locked');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(800);
    const right = await s.client().login('preparer3', PASSWORD);
    expect(right.status).toBe(423);
    const events = await s.deps.db.selectFrom('audit_events').select('action').where('subject_id', '=', s.fixture.users['preparer3']?.id ?? '').execute();
    expect(events.map((e) => e.action)).toContain('user.locked');

    const admin = await s.as('admin1');
    const unlocked = await admin.patch(`/api/users/${s.fixture.users['preparer3']?.id}`, { unlock: true });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.locked).toBe(false);
    expect((await s.client().login('preparer3', PASSWORD)).status).toBe(200);
  });

  it('rate-limits login attempts per client address', async () => {
    const limited = await createTestServer(backend, { config: { RATE_LIMIT_LOGIN_PER_MINUTE: 3 }, fixture: false });
    try {
      const c = new Client(limited.app);
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await c.login('someone', 'whatever-123')).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const r = await c.login('someone', 'whatever-123');
      expect(r.body.error.code).toBe('rate-limited');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  }, 120_000);

  it('requires the CSRF token on state-changing requests, and only the session’s own token', async () => {
    const c = await s.as('preparer1');
    const doc = { document: smallDocument('CSRF 测试') };
    const missing = await c.request('POST', '/api/evaluations', { json: doc, csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf-failed');
    const forged = await c.request('POST', '/api/evaluations', { json: doc, csrf: false, headers: { 'x-csrf-token': 'A'.repeat(43) } });
    expect(forged.status).toBe(403);
    const other = await s.as('head1');
    const stolen = await c.request('POST', '/api/evaluations', { json: doc, csrf: false, headers: { 'x-csrf-token': other.csrf ?? '' } });
    expect(stolen.status).toBe(403);
    const crossSite = await c.request('POST', '/api/evaluations', { json: doc, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const sameSite = await c.request('POST', '/api/evaluations', { json: doc, headers: { origin: 'http://localhost' } });
    expect(sameSite.status).toBe(201);
    const count = await s.deps.db.selectFrom('evaluations').select('title').where('title', '=', 'CSRF 测试').execute();
    expect(count).toHaveLength(1);
    // Reads need no token.
    expect((await c.request('GET', '/api/evaluations', { csrf: false })).status).toBe(200);
  });

  it('refuses requests without a session, with a malformed cookie, after logout and after expiry', async () => {
    expect((await s.client().get('/api/evaluations')).body.error.code).toBe('unauthenticated');
    const junk = s.client();
    junk.cookie = 'jixiao_session=../../etc/passwd';
    expect((await junk.get('/api/evaluations')).status).toBe(401);

    const c = s.client();
    await c.login('head1', PASSWORD);
    const saved = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const replay = s.client();
    replay.cookie = saved;
    expect((await replay.get('/api/evaluations')).status).toBe(401);

    const e = s.client();
    await e.login('reviewer2', PASSWORD);
    await s.deps.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', s.fixture.users['reviewer2']?.id ?? '').execute();
    const expired = await e.get('/api/evaluations');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('session-expired');
    const write = await e.post('/api/evaluations', { document: smallDocument() });
    expect(write.status).toBe(401);
  });

  it('with the session cache on, sees a session ended elsewhere within twice its time, and a logout here at once', async () => {
    const cached = await createTestServer(backend, { config: { SESSION_CACHE_SECONDS: 1 } });
    try {
      const a = cached.client();
      await a.login('preparer1', PASSWORD);
      expect((await a.get('/api/evaluations')).status).toBe(200);
      // Another replica ends the session: this one keeps using its lookup for a while, then notices.
      await cached.deps.db.deleteFrom('sessions').where('user_id', '=', cached.fixture.users['preparer1']?.id ?? '').execute();
      expect((await a.get('/api/evaluations')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2200));
      await a.get('/api/evaluations');
      expect((await a.get('/api/evaluations')).status).toBe(401);
      const b = cached.client();
      await b.login('head1', PASSWORD);
      expect((await b.get('/api/evaluations')).status).toBe(200);
      const saved = b.cookie;
      expect((await b.post('/api/auth/logout')).status).toBe(204);
      const replay = cached.client();
      replay.cookie = saved;
      expect((await replay.get('/api/evaluations')).status).toBe(401);
    } finally {
      await cached.close();
    }
  }, 120_000);

  it('changes a password: checks the current one and the rules, ends the other sessions', async () => {
    const a = s.client();
    await a.login('deptprep', PASSWORD);
    const b = s.client();
    await b.login('deptprep', PASSWORD);
    expect((await a.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'new-password-2' })).status).toBe(401);
    expect((await a.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' })).status).toBe(400);
    expect((await a.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'new-password-2' })).status).toBe(204);
    expect((await a.get('/api/auth/session')).status).toBe(200);
    expect((await b.get('/api/auth/session')).status).toBe(401);
    expect((await s.client().login('deptprep', PASSWORD)).status).toBe(401);
    expect((await s.client().login('deptprep', 'new-password-2')).status).toBe(200);
  });

  describe('user administration', () => {
    it('creates a user with a one-time password that must be changed before anything else', async () => {
      const admin = await s.as('admin1');
      const r = await admin.post('/api/users', { username: 'NewPrep', displayName: '新填报人', role: 'preparer', orgId: s.fixture.orgs.U2.id });
      expect(r.status, r.text).toBe(201);
      expect(r.body.user).toMatchObject({ username: 'newprep', mustChangePassword: true });
      const otp = r.body.oneTimePassword;
      expect(otp).toMatch(/^[A-Za-z0-9]{16}$/);

      const u = s.client();
      expect((await u.login('newprep', otp)).status).toBe(200);
      const blocked = await u.get('/api/evaluations');
      expect(blocked.status).toBe(403);
      expect(blocked.body.error.code).toBe('password-change-required');
      expect((await u.post('/api/auth/password', { currentPassword: otp, newPassword: 'my-own-password' })).status).toBe(204);
      expect((await u.get('/api/evaluations')).status).toBe(200);
    });

    it('checks names, roles against organisation kinds, and uniqueness across regions', async () => {
      const admin = await s.as('admin1');
      const dup = await admin.post('/api/users', { username: 'preparer9', displayName: 'x', role: 'preparer', orgId: s.fixture.orgs.U1.id, password: 'long-enough-1' });
      expect(dup.status).toBe(409);
      const wrongKind = await admin.post('/api/users', { username: 'rev-unit', displayName: 'x', role: 'reviewer', orgId: s.fixture.orgs.U1.id, password: 'long-enough-1' });
      expect(wrongKind.status).toBe(400);
      expect(wrongKind.body.error.message).toContain('主管部门');
      const badName = await admin.post('/api/users', { username: "x'; DROP TABLE users;--", displayName: 'x', role: 'preparer', orgId: s.fixture.orgs.U1.id, password: 'long-enough-1' });
      expect(badName.status).toBe(400);
      const foreignOrg = await admin.post('/api/users', { username: 'foreign', displayName: 'x', role: 'preparer', orgId: s.fixture.orgs.V1.id, password: 'long-enough-1' });
      expect(foreignOrg.status).toBe(400);
    });

    it('changes roles and disables accounts, ending their sessions; the admin cannot lock themself out', async () => {
      const admin = await s.as('admin1');
      const created = await admin.post('/api/users', { username: 'temp-user', displayName: '临时', role: 'preparer', orgId: s.fixture.orgs.U1.id, password: 'temp-password-1' });
      const id = created.body.user.id;
      const t = s.client();
      await t.login('temp-user', 'temp-password-1');
      const moved = await admin.patch(`/api/users/${id}`, { role: 'reviewer', orgId: s.fixture.orgs.D2.id });
      expect(moved.status, moved.text).toBe(200);
      expect(moved.body).toMatchObject({ role: 'reviewer', orgId: s.fixture.orgs.D2.id });
      expect((await t.get('/api/evaluations')).status).toBe(401);
      expect((await admin.patch(`/api/users/${id}`, { disabled: true })).body.disabled).toBe(true);
      expect((await s.client().login('temp-user', 'temp-password-1')).status).toBe(401);
      expect((await admin.patch(`/api/users/${s.fixture.users['admin1']?.id}`, { disabled: true })).status).toBe(409);

      const reset = await admin.post(`/api/users/${id}/reset-password`);
      expect(reset.body.oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
      const trail = await admin.get(`/api/users/${s.fixture.users['admin1']?.id}/audit-trail?pageSize=100`);
      const actions = trail.body.items.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.update', 'user.password-reset']));
    });

    it('is the admin’s alone, within the admin’s region', async () => {
      for (const who of ['preparer1', 'reviewer1', 'finance1']) {
        const c = await s.as(who);
        expect((await c.get('/api/users')).status, who).toBe(403);
        expect((await c.post('/api/users', { username: `by-${who}`, displayName: 'x', role: 'preparer', orgId: s.fixture.orgs.U1.id })).status).toBe(403);
        expect((await c.patch(`/api/users/${s.fixture.users['preparer2']?.id}`, { disabled: true })).status).toBe(403);
      }
      const other = await s.as('admin2');
      const list = await other.get('/api/users');
      expect(list.body.items.every((u: { region: string }) => u.region === 'r2')).toBe(true);
      expect((await other.get(`/api/users/${s.fixture.users['preparer1']?.id}`)).status).toBe(404);
      expect((await other.patch(`/api/users/${s.fixture.users['preparer1']?.id}`, { disabled: true })).status).toBe(404);
      expect((await other.post(`/api/users/${s.fixture.users['preparer1']?.id}/reset-password`)).status).toBe(404);
    });
  });
});
