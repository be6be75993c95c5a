import { defineResource } from '../resources/define.js';
import { everyRow } from '../access/rules.js';
import { roles } from '../auth/auth.js';

/** Console accounts. Served by api/users/routes.ts through better-auth, not by the generic routes. */
export default defineResource({
  name: 'users',
  label: { zh: '用户', en: 'Users' },
  titleField: 'name',
  fields: {
    name: { type: 'text', label: { zh: '姓名', en: 'Name' }, required: true, maxLength: 50 },
    email: { type: 'text', label: { zh: '登录邮箱', en: 'Email' }, required: true, unique: true, maxLength: 100 },
    role: { type: 'enum', label: { zh: '角色', en: 'Role' }, required: true, default: 'lawyer', options: roles },
    lawyerId: {
      type: 'reference', to: 'lawyers', label: { zh: '对应律师', en: 'Lawyer record' },
      help: { zh: '承办律师账号须关联律师登记记录', en: 'A lawyer account must be linked to its lawyer record' },
    },
    banned: { type: 'boolean', label: { zh: '已停用', en: 'Banned' }, default: false },
    banReason: { type: 'text', label: { zh: '停用原因', en: 'Ban reason' }, maxLength: 200, visibleWhen: { banned: true } },
    password: {
      type: 'text', label: { zh: '新密码', en: 'New password' }, maxLength: 128,
      help: { zh: '新建时必填；修改时留空则不变', en: 'Required on creation; leave empty to keep' },
    },
  },
  sections: [
    { id: 'account', label: { zh: '账号', en: 'Account' }, fields: ['name', 'email', 'role', 'lawyerId', 'password'] },
    { id: 'status', label: { zh: '停用', en: 'Suspension' }, fields: ['banned', 'banReason'] },
  ],
  access: { read: { admin: everyRow }, create: { admin: everyRow }, update: { admin: everyRow }, delete: { admin: everyRow } },
  list: {
    columns: ['name', 'email', 'role', 'lawyerId', 'banned'],
    sort: ['name', 'ASC'],
    filters: ['role', 'banned', 'lawyerId'],
    search: ['name', 'email'],
  },
});
