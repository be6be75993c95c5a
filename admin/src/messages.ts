// The console's own words (register and field names come from /api/meta instead).
export const appMessages = {
  zh: {
    fayuan: {
      title: '法援 · 法律援助管理平台',
      short_title: '法援',
      dashboard: {
        title: '工作台',
        greeting: '%{name}，您好',
        role: '当前身份：%{role}',
        today: '今天是 %{date}',
        todo: '待办与提醒',
        registers: '各登记簿记录数',
        records: '条记录',
        unavailable: '无权查看',
        open: '进入',
      },
      show: { main: '基本信息', text: '文字说明', system: '系统信息' },
      form: { readonly: '由系统生成，不可修改' },
      filter: { from: '%{field}（起）', to: '%{field}（止）', search: '搜索' },
      list: { more: '等 %{count} 项', items: '%{smart_count} 项' },
      auth: {
        too_many_attempts: '登录尝试过于频繁，请一分钟后再试',
        invalid_credentials: '电子邮箱或密码不正确',
        banned: '该账户已被停用，请联系中心管理员',
        subtitle: '法律援助中心管理平台',
      },
      meta: { loading: '正在加载…', failed: '无法连接服务器，请稍后重试。', retry: '重试' },
    },
  },
  en: {
    fayuan: {
      title: 'Fayuan · Legal Aid Console',
      short_title: 'Fayuan',
      dashboard: {
        title: 'Dashboard',
        greeting: 'Hello, %{name}',
        role: 'Signed in as: %{role}',
        today: 'Today is %{date}',
        todo: 'To do',
        registers: 'Records per register',
        records: 'records',
        unavailable: 'Not available to you',
        open: 'Open',
      },
      show: { main: 'Details', text: 'Notes', system: 'System' },
      form: { readonly: 'Set by the system; cannot be changed' },
      filter: { from: '%{field} (from)', to: '%{field} (to)', search: 'Search' },
      list: { more: '(%{count} in all)', items: '%{smart_count} item |||| %{smart_count} items' },
      auth: {
        too_many_attempts: 'Too many sign-in attempts; please wait a minute',
        invalid_credentials: 'Wrong email or password',
        banned: 'This account is disabled; ask the centre admin',
        subtitle: 'Legal aid centre console',
      },
      meta: { loading: 'Loading…', failed: 'Cannot reach the server; please try again.', retry: 'Retry' },
    },
  },
};
