// The console's words are polyglot messages in one i18nProvider (i18n.ts): the core's under
// `fayuan.*` (messages.ts), each plugin's under `plugins.<name>.*` (its admin half's `messages`).
// Screens translate with react-admin's useTranslate; a plugin's with usePluginTranslate(name).
import { useCallback } from 'react';
import { useTranslate } from 'react-admin';

export interface Messages {
  [key: string]: string | Messages;
}

/** Chinese first: the same keys in both languages. */
export interface PolyglotMessages {
  zh: Messages;
  en: Messages;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Every plugin's words in one language, each under `plugins.<name>`. */
export function pluginMessages(plugins: { name: string; messages?: PolyglotMessages }[], locale: keyof PolyglotMessages) {
  return { plugins: Object.fromEntries(plugins.map((plugin) => [plugin.name, plugin.messages?.[locale] ?? {}])) };
}

/** react-admin's translate inside one plugin's namespace: `translate('progress', { done, total })`. */
export function usePluginTranslate(plugin: string): Translate {
  const translate = useTranslate();
  return useCallback((key, options) => translate(`plugins.${plugin}.${key}`, options), [translate, plugin]);
}
