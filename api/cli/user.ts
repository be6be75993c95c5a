// `npm run user -- …`: console accounts from the command line, for the first admin of a real
// deployment (no one can sign in to create it) and for a forgotten password.
//
//   npm run user -- create --email a@b.cn --role admin [--name 名字] [--password …] [--lawyer-id N]
//   npm run user -- list
//   npm run user -- set-password --email a@b.cn [--password …]
//
// It opens the configured database exactly as `npm start` does (DATABASE_URL or DATA_DIR).
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Fayuan } from '../http/app.js';
import { boot, type Booted } from '../boot.js';
import { roles, type Role } from '../auth/auth.js';
import type { Actor } from '../rest/audit.js';
import users from '../users/declaration.js';
import type { Database } from '../db/connect.js';

const MIN_PASSWORD = 8;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** Who the audit log names for work done here. */
const cliActor: Actor = { id: 'cli', email: 'cli', role: 'admin', lawyerId: null };

const usage = `用法：
  npm run user -- create --email <邮箱> --role <角色> [--name <姓名>] [--password <密码>] [--lawyer-id <律师编号>]
  npm run user -- list
  npm run user -- set-password --email <邮箱> [--password <密码>]

角色：${Object.entries(roles).map(([id, label]) => `${id}（${label.zh}）`).join('、')}
不给 --password 时生成一个强密码并显示一次。承办律师（lawyer）账号须用 --lawyer-id 关联律师登记记录。`;

/** A refusal with a message for the operator; exit code 1. */
class Refusal extends Error {}

function strongPassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}

function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD) throw new Refusal(`密码至少 ${MIN_PASSWORD} 位`);
  if (password.length > 128) throw new Refusal('密码不能超过 128 位');
}

function normaliseEmail(value: string | undefined): string {
  if (!value) throw new Refusal('请用 --email 给出登录邮箱');
  const email = value.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new Refusal(`邮箱格式不正确：${value}`);
  return email;
}

async function findUser(database: Database, email: string) {
  return database.db.selectFrom('user').select(['id', 'email', 'name', 'role', 'lawyerId', 'banned', 'createdAt'])
    .where('email', '=', email).executeTakeFirst();
}

async function createAccount(fayuan: Fayuan, database: Database, options: Record<string, string | undefined>) {
  const email = normaliseEmail(options.email);
  const role = options.role;
  if (!role) throw new Refusal('请用 --role 给出角色（admin、supervisor、lawyer 或 reviewer）');
  if (!(role in roles)) {
    throw new Refusal(`未知角色「${role}」，可选：${Object.entries(roles).map(([id, label]) => `${id}（${label.zh}）`).join('、')}`);
  }
  let lawyerId: number | null = null;
  if (options['lawyer-id'] !== undefined) {
    lawyerId = Number(options['lawyer-id']);
    if (!Number.isSafeInteger(lawyerId) || lawyerId <= 0) throw new Refusal(`律师编号应为正整数：${options['lawyer-id']}`);
    const lawyer = await database.db.selectFrom('lawyers').select('id').where('id', '=', lawyerId).executeTakeFirst();
    if (!lawyer) throw new Refusal(`律师登记记录不存在（编号 ${lawyerId}）`);
  }
  if (role === 'lawyer' && lawyerId === null) throw new Refusal('承办律师账号须用 --lawyer-id 关联律师登记记录');
  if (await findUser(database, email)) throw new Refusal(`该邮箱已有账号：${email}`);
  const generated = options.password === undefined;
  const password = options.password ?? strongPassword();
  checkPassword(password);
  const name = options.name?.trim() || email.split('@')[0];

  const { user } = await fayuan.auth.api.createUser({
    body: { email, password, name, role: role as Role, data: lawyerId === null ? {} : { lawyerId } },
  });
  await fayuan.records.external(users, cliActor, 'create', user.id,
    { name: [null, name], email: [null, email], role: [null, role], ...(lawyerId === null ? {} : { lawyerId: [null, lawyerId] }) });
  console.log(`已创建账号：${email}（${roles[role as Role].zh}${lawyerId === null ? '' : `，律师编号 ${lawyerId}`}）`);
  if (generated) console.log(`密码（已随机生成，只显示这一次，请妥善保存）：${password}`);
}

async function listAccounts(database: Database) {
  const users = await database.db.selectFrom('user').select(['email', 'name', 'role', 'lawyerId', 'banned', 'createdAt']).orderBy('email').execute();
  if (!users.length) {
    console.log('还没有账号。用 npm run user -- create --email … --role admin 创建第一个管理员。');
    return;
  }
  const rows = users.map((u) => [
    String(u.email),
    `${u.role}（${roles[u.role as Role]?.zh ?? '未知角色'}）`,
    String(u.name ?? ''),
    u.lawyerId === null || u.lawyerId === undefined ? '-' : String(u.lawyerId),
    u.banned === true || u.banned === 1 ? '已停用' : '正常',
  ]);
  const header = ['邮箱', '角色', '姓名', '律师编号', '状态'];
  const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ').trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`共 ${users.length} 个账号`);
}

async function setPassword(fayuan: Fayuan, database: Database, options: Record<string, string | undefined>) {
  const email = normaliseEmail(options.email);
  const user = await findUser(database, email);
  if (!user) throw new Refusal(`没有该邮箱的账号：${email}`);
  const generated = options.password === undefined;
  const password = options.password ?? strongPassword();
  checkPassword(password);

  // Server-side, without a session: better-auth's own hashing and account records.
  const context = await fayuan.auth.$context;
  const hash = await context.password.hash(password);
  const userId = String(user.id);
  if (await context.internalAdapter.findCredentialAccount(userId)) await context.internalAdapter.updatePassword(userId, hash);
  else await context.internalAdapter.createAccount({ userId, providerId: 'credential', accountId: userId, password: hash });
  // Whoever held the old password is signed out.
  await context.internalAdapter.deleteUserSessions(userId);
  await fayuan.records.external(users, cliActor, 'update', userId, { password: ['***', '***'] });
  console.log(`已为 ${email} 设置新密码，该账号的已有登录已全部退出。`);
  if (generated) console.log(`密码（已随机生成，只显示这一次，请妥善保存）：${password}`);
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        'lawyer-id': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`参数有误：${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 1;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(usage);
    return command || parsed.values.help ? 0 : 1;
  }
  if (!['create', 'list', 'set-password'].includes(command) || rest.length) {
    console.error(`未知命令：${[command, ...rest].join(' ')}\n\n${usage}`);
    return 1;
  }

  let booted: Booted | undefined;
  try {
    booted = await boot();
    const { database, fayuan } = booted;
    const options = parsed.values as Record<string, string | undefined>;
    if (command === 'create') await createAccount(fayuan, database, options);
    else if (command === 'list') await listAccounts(database);
    else await setPassword(fayuan, database, options);
    return 0;
  } catch (error) {
    if (error instanceof Refusal) {
      console.error(`错误：${error.message}`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`操作失败：${message}`);
    return 1;
  } finally {
    await booted?.database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
