// Chinese first, English second. The framework's messages, the console's own (fayuan.*), each
// plugin's (plugins.<name>.*, see words.ts), and every register's and field's label from
// /api/meta under resources.<name>.fields.<field>.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import chineseModule from '@haxqer/ra-language-chinese';
import { mergeTranslations, useLocaleState, type I18nProvider, type TranslationMessages } from 'react-admin';
import type { Label, ResourceMeta } from './meta.js';
import { appMessages } from './messages.js';
import { pluginMessages, type PolyglotMessages } from './words.js';

export type AppLocale = 'zh' | 'en';
export const DEFAULT_LOCALE: AppLocale = 'zh';
export const LOCALES = [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
];

/** Under Vite the CommonJS default export arrives as `{ default: messages }`. */
function unwrap(module: unknown): TranslationMessages {
  const value = module as { default?: TranslationMessages } & TranslationMessages;
  return (value.default && 'ra' in value.default ? value.default : value) as TranslationMessages;
}

/** The words of react-admin 5 that the Chinese pack (made for react-admin 4) lacks or words awkwardly. */
const chineseFixes = {
  ra: {
    action: { add_filter: '添加筛选条件', reset: '重置', search_columns: '搜索列', select_all_button: '全选', export: '导出', clear_input_value: '清空' },
    page: {
      access_denied: '无权访问',
      authentication_error: '认证出错',
      dashboard: '工作台',
      list: '%{name}',
      edit: '%{name} %{recordRepresentation}',
      show: '%{name} %{recordRepresentation}',
      empty: '暂无%{name}',
      invite: '要新建一条吗？',
      not_found: '页面不存在',
    },
    message: {
      invalid_form: '表单有误，请检查标红的字段',
      not_found: '您访问的地址不存在，或链接有误。',
      access_denied: '您没有访问此页面的权限',
      authentication_error: '认证服务出错，无法核验您的身份。',
      select_all_limit_reached: '记录过多，只选中了前 %{max} 条。',
      placeholder_data_warning: '网络问题：数据刷新失败。',
    },
    navigation: {
      clear_filters: '清除筛选',
      no_filtered_results: '没有符合当前筛选条件的%{name}。',
      no_results: '没有找到记录',
      partial_page_range_info: '第 %{offsetBegin}–%{offsetEnd} 条，共超过 %{offsetEnd} 条',
      page_range_info: '第 %{offsetBegin}–%{offsetEnd} 条，共 %{total} 条',
      page_rows_per_page: '每页条数：',
    },
    auth: {
      email: '电子邮箱',
      username: '电子邮箱',
      user_menu: '我的账户',
      logout: '退出登录',
      sign_in_error: '登录失败，请重试',
      auth_check_error: '请先登录',
    },
    notification: {
      offline: '网络不通，无法获取数据。',
      item_doesnt_exist: '记录不存在',
      logged_out: '登录已失效，请重新登录。',
      http_error: '与服务器通信出错',
      data_provider_error: '数据出错，请查看浏览器控制台。',
    },
    validation: { unique: '不能与已有记录重复' },
    guesser: { empty: { title: '没有可显示的数据', message: '请检查数据来源' } },
  },
};

const englishFixes = { ra: { auth: { username: 'Email' } } };

/** English plural labels name one record without their final "s" (Lawyers → Lawyer). */
function singular(plural: string): string {
  return /[^s]s$/.test(plural) ? plural.slice(0, -1) : plural;
}

/** resources.<name>.name and resources.<name>.fields.<field> in one language. */
export function resourceMessages(resources: ResourceMeta[], locale: AppLocale) {
  return Object.fromEntries(
    resources.map((resource) => [
      resource.name,
      {
        name: locale === 'zh' ? resource.label.zh : `${singular(resource.label.en)} |||| ${resource.label.en}`,
        fields: Object.fromEntries(resource.fields.map((field) => [field.name, field.label[locale]])),
      },
    ]),
  );
}

export function createI18nProvider(
  resources: ResourceMeta[],
  plugins: { name: string; messages?: PolyglotMessages }[] = [],
  initialLocale: AppLocale = storedLocale(),
): I18nProvider {
  const chinese = mergeTranslations(englishMessages, unwrap(chineseModule), chineseFixes);
  const own = (locale: AppLocale) => [appMessages[locale], pluginMessages(plugins, locale), { resources: resourceMessages(resources, locale) }];
  const messages: Record<AppLocale, TranslationMessages> = {
    zh: mergeTranslations(chinese, ...own('zh')),
    en: mergeTranslations(englishMessages, englishFixes, ...own('en')),
  };
  return polyglotI18nProvider((locale) => messages[locale === 'en' ? 'en' : 'zh'], initialLocale, LOCALES, {
    allowMissing: true,
  });
}

/** The language chosen last time (react-admin keeps it in its store), else Chinese. */
export function storedLocale(): AppLocale {
  try {
    return JSON.parse(localStorage.getItem('RaStore.locale') ?? 'null') === 'en' ? 'en' : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** What the server and Intl understand for a console locale. */
export function languageTag(locale: string): 'zh-CN' | 'en-GB' {
  return locale === 'en' ? 'en-GB' : 'zh-CN';
}

/** Picks the current language's side of a { zh, en } label. */
export function useLabel(): (label: Label) => string {
  const [locale] = useLocaleState();
  return (label) => (locale === 'en' ? label.en : label.zh);
}

/** The BCP 47 tag for Intl formatting of dates and amounts in the current language. */
export function useLanguageTag(): 'zh-CN' | 'en-GB' {
  const [locale] = useLocaleState();
  return languageTag(locale);
}
