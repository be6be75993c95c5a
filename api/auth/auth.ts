// Sign-in with better-auth: sessions live in the same database, reached through the same kysely.
import { betterAuth } from 'better-auth';
import { admin } from 'better-auth/plugins/admin';
import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements } from 'better-auth/plugins/admin/access';
import { getMigrations } from 'better-auth/db/migration';
import type { Database } from '../db/connect.js';
import type { Config } from '../config.js';
import { ADDRESS_ATTEMPTS } from '../http/sign-in-throttle.js';

export const CLIENT_IP_HEADER = 'x-fayuan-client-ip';

export const roles = {
  admin: { zh: '中心管理员', en: 'Centre admin' },
  supervisor: { zh: '质量监督员', en: 'Quality supervisor' },
  lawyer: { zh: '承办律师', en: 'Lawyer' },
  reviewer: { zh: '评估专家', en: 'Peer reviewer' },
};
export type Role = keyof typeof roles;

const ac = createAccessControl(defaultStatements);
const accessRoles = {
  admin: ac.newRole({ ...adminAc.statements }),
  supervisor: ac.newRole({ user: [], session: [] }),
  lawyer: ac.newRole({ user: [], session: [] }),
  reviewer: ac.newRole({ user: [], session: [] }),
};

/**
 * `changed` runs after (never inside) the transaction of any change that may end or alter a
 * signed-in session: a user's role, ban, lawyer link or removal, a password, a session ended.
 * better-auth awaits these hooks before its call returns.
 */
export function createAuth(database: Database, config: Config, changed: () => Promise<void>) {
  const after = { after: async () => changed() };
  return betterAuth({
    appName: 'Fayuan',
    secret: config.authSecret,
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    trustedOrigins: config.trustedOrigins,
    database: { db: database.db, type: database.dialect, transaction: true },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        lawyerId: { type: 'number', required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    databaseHooks: {
      user: { update: after, delete: after },
      session: { delete: after },
      account: { update: after, delete: after },
    },
    advanced: {
      useSecureCookies: config.publicUrl.startsWith('https://'),
      disableOriginCheck: false, // better-auth skips it under NODE_ENV=test otherwise
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      // Set by the API from the socket (see app.ts), never taken from the client.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    rateLimit: {
      enabled: config.rateLimit,
      storage: 'database',
      window: 60,
      max: 100,
      // Per address; the stricter count per (address, account) is http/sign-in-throttle.ts.
      customRules: { '/sign-in/email': ADDRESS_ATTEMPTS },
    },
    plugins: [admin({ ac, roles: accessRoles, defaultRole: 'lawyer', adminRoles: ['admin'] })],
  });
}

export type Auth = ReturnType<typeof createAuth>;

export async function authMigrations(auth: Auth) {
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
}
