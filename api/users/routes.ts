// The `users` register in the simple-rest protocol: reads from better-auth's `user` table,
// writes through better-auth's admin API (so hashing, bans and session revocation stay its job).
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { Auth } from '../auth/auth.js';
import { roles } from '../auth/auth.js';
import { assertMay } from '../access/enforce.js';
import { jsonBody } from '../rest/crud-routes.js';
import { ApiError, badInput, notFound } from '../rest/errors.js';
import type { Records } from '../rest/records.js';
import type { Label, Row } from '../resources/define.js';
import users from './declaration.js';
import { bad, cannotFilterBy, cannotSortBy, parseListQuery } from '../rest/list-query.js';
import { hasNul, isDbId, numberOf } from '../rest/input-bounds.js';

const COLUMNS = ['id', 'name', 'email', 'role', 'lawyerId', 'banned', 'banReason', 'createdAt', 'updatedAt'] as const;
const SORTABLE = new Set(['name', 'email', 'role', 'createdAt', 'id']);

function present(row: Row): Row {
  return {
    ...row,
    banned: row.banned === true || row.banned === 1,
    lawyerId: row.lawyerId === null || row.lawyerId === undefined ? null : Number(row.lawyerId),
    createdAt: row.createdAt ? new Date(row.createdAt as string).toISOString() : null,
    updatedAt: row.updatedAt ? new Date(row.updatedAt as string).toISOString() : null,
  };
}

const accountExists = () => new ApiError(409, { zh: '该邮箱已有账号', en: 'That email already has an account' }, { email: { zh: '已存在', en: 'Already exists' } });

function checkAccount(body: Row, creating: boolean) {
  const errors: Record<string, Label> = {};
  for (const name of ['name', 'email', 'password', 'banReason'] as const) {
    const value = body[name];
    if (value !== undefined && value !== null && (typeof value !== 'string' || hasNul(value) || value.length > 200)) errors[name] = { zh: '应为不含空字符的文字（不超过 200 字）', en: 'Must be text without NUL (200 characters at most)' };
  }
  if (body.lawyerId !== undefined && body.lawyerId !== null && body.lawyerId !== '' && !isDbId(numberOf(body.lawyerId))) errors.lawyerId = { zh: '应为律师记录编号', en: 'Must be a lawyer id' };
  if (body.banned !== undefined && typeof body.banned !== 'boolean') errors.banned = { zh: '应为是或否', en: 'Must be yes or no' };
  if (body.role !== undefined && typeof body.role !== 'string') errors.role = { zh: '角色不存在', en: 'No such role' };
  if (Object.keys(errors).length) throw badInput(errors); // the checks below read these values as text
  if (creating || body.name !== undefined) if (!String(body.name ?? '').trim()) errors.name = { zh: '必填', en: 'Required' };
  if (creating && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(body.email ?? ''))) errors.email = { zh: '邮箱格式不正确', en: 'Not a valid email' };
  if (body.role !== undefined && !Object.hasOwn(roles, String(body.role))) errors.role = { zh: '角色不存在', en: 'No such role' };
  const password = body.password ? String(body.password) : '';
  if ((creating || password) && password.length < 8) errors.password = { zh: '密码至少 8 位', en: 'At least 8 characters' };
  if ((body.role ?? 'lawyer') === 'lawyer' && creating && !body.lawyerId) errors.lawyerId = { zh: '承办律师账号须关联律师记录', en: 'Link the lawyer record' };
  if (Object.keys(errors).length) throw badInput(errors);
}

export function userRoutes(auth: Auth, records: Records) {
  const { db } = records.database;
  const find = async (id: string) => {
    if (hasNul(id)) throw notFound();
    const row = await db.selectFrom('user').select([...COLUMNS]).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return present(row);
  };
  const lawyerExists = async (lawyerId: unknown) => {
    if (lawyerId === null || lawyerId === undefined || lawyerId === '') return;
    const found = await db.selectFrom('lawyers').select('id').where('id', '=', Number(lawyerId)).executeTakeFirst();
    if (!found) throw badInput({ lawyerId: { zh: '律师记录不存在', en: 'No such lawyer' } });
  };

  return new Hono<AppEnv>()
    .use(async (c, next) => {
      assertMay(users, c.var.actor, c.req.method === 'GET' ? 'read' : c.req.method === 'POST' ? 'create' : c.req.method === 'DELETE' ? 'delete' : 'update');
      await next();
    })
    .get('/', async (c) => {
      // The shapes of sort, range and filter are checked as on every register; then what the user table has.
      const { sort: [field, order], range: [start, end], filter } = parseListQuery(users, c.req.query());
      if (!SORTABLE.has(field)) throw cannotSortBy(field);
      let query = db.selectFrom('user');
      for (const [key, value] of Object.entries(filter)) {
        const values = [value].flat();
        if (!values.every((v) => (typeof v === 'string' && !hasNul(v)) || typeof v === 'number' || typeof v === 'boolean' || v === null)) {
          throw bad('filter', { zh: `${key} 的筛选值不正确`, en: `Bad value for ${key}` });
        }
        if (key === 'lawyerId' && !values.every((v) => isDbId(numberOf(v)))) throw bad('filter', { zh: `${key} 的筛选值不正确`, en: `Bad value for ${key}` });
        if (key === 'q') {
          const like = `%${String(value).toLowerCase()}%`;
          query = query.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb(eb.fn('lower', ['email']), 'like', like)]));
        } else if (key === 'id') query = query.where('id', 'in', [value].flat().map(String));
        else if (key === 'role') query = query.where('role', 'in', [value].flat().map(String));
        else if (key === 'lawyerId') query = query.where('lawyerId', '=', Number(value));
        else if (key === 'banned') query = value ? query.where('banned', '=', true) : query.where((eb) => eb.or([eb('banned', '=', false), eb('banned', 'is', null)]));
        else throw cannotFilterBy(key);
      }
      const [rows, count] = await Promise.all([
        query.select([...COLUMNS]).orderBy(field, order === 'DESC' ? 'desc' : 'asc').limit(end - start + 1).offset(start).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      c.header('Content-Range', rows.length ? `users ${start}-${start + rows.length - 1}/${count.n}` : `users */${count.n}`);
      c.header('Access-Control-Expose-Headers', 'Content-Range');
      return c.json(rows.map(present));
    })
    .get('/:id', async (c) => c.json(await find(c.req.param('id'))))
    .post('/', async (c) => {
      const body = await jsonBody(c);
      checkAccount(body, true);
      await lawyerExists(body.lawyerId);
      const exists = await db.selectFrom('user').select('id').where('email', '=', String(body.email).toLowerCase()).executeTakeFirst();
      if (exists) throw accountExists();
      const { user } = await auth.api.createUser({
        headers: c.req.raw.headers,
        body: {
          email: String(body.email), password: String(body.password), name: String(body.name),
          role: String(body.role ?? 'lawyer') as 'admin', data: body.lawyerId ? { lawyerId: Number(body.lawyerId) } : {},
        },
      }).catch(async (error) => {
        // Two admins creating one account at once: the later one hears 409, as when it already existed.
        if (await db.selectFrom('user').select('id').where('email', '=', String(body.email).toLowerCase()).executeTakeFirst()) throw accountExists();
        throw error;
      });
      await records.external(users, c.var.actor, 'create', user.id, { name: [null, body.name], email: [null, body.email], role: [null, body.role ?? 'lawyer'], lawyerId: [null, body.lawyerId ?? null] });
      return c.json(await find(user.id), 201);
    })
    .put('/:id', async (c) => {
      const previous = await find(c.req.param('id'));
      const body = await jsonBody(c);
      checkAccount(body, false);
      await lawyerExists(body.lawyerId);
      const headers = c.req.raw.headers;
      const userId = String(previous.id);
      const changes: Record<string, [unknown, unknown]> = {};
      if (body.role !== undefined && body.role !== previous.role) {
        await auth.api.setRole({ headers, body: { userId, role: String(body.role) as 'admin' } });
        changes.role = [previous.role, body.role];
      }
      const lawyerId = body.lawyerId === undefined ? previous.lawyerId : body.lawyerId === null || body.lawyerId === '' ? null : Number(body.lawyerId);
      if ((body.name !== undefined && body.name !== previous.name) || lawyerId !== previous.lawyerId) {
        await auth.api.adminUpdateUser({ headers, body: { userId, data: { name: String(body.name ?? previous.name), lawyerId } } });
        if (lawyerId !== previous.lawyerId) changes.lawyerId = [previous.lawyerId, lawyerId];
        if (body.name !== undefined && body.name !== previous.name) changes.name = [previous.name, body.name];
      }
      if (body.banned !== undefined && Boolean(body.banned) !== previous.banned) {
        if (userId === c.var.actor.id) throw new ApiError(422, { zh: '不能停用自己的账号', en: 'You cannot ban yourself' });
        if (body.banned) await auth.api.banUser({ headers, body: { userId, banReason: body.banReason ? String(body.banReason) : undefined } });
        else await auth.api.unbanUser({ headers, body: { userId } });
        changes.banned = [previous.banned, Boolean(body.banned)];
        if (body.banned && body.banReason) changes.banReason = [previous.banReason, body.banReason];
      }
      if (body.password) {
        await auth.api.setUserPassword({ headers, body: { userId, newPassword: String(body.password) } });
        changes.password = ['***', '***'];
      }
      // A new password, a ban or another role ends the sessions opened under the old ones.
      if (changes.password || changes.banned || changes.role) await auth.api.revokeUserSessions({ headers, body: { userId } });
      await records.external(users, c.var.actor, 'update', userId, changes);
      return c.json(await find(userId));
    })
    .delete('/:id', async (c) => {
      const previous = await find(c.req.param('id'));
      if (previous.id === c.var.actor.id) throw new ApiError(422, { zh: '不能删除自己的账号', en: 'You cannot delete yourself' });
      await auth.api.removeUser({ headers: c.req.raw.headers, body: { userId: String(previous.id) } });
      await records.external(users, c.var.actor, 'delete', previous.id, { email: [previous.email, null] });
      return c.json(previous);
    });
}
