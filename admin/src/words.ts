// Words a screen keeps next to itself, in both languages, like the { zh, en } labels of /api/meta:
// `const words = useWords(checklistWords)` then `words.progress(3, 19)`.
import { useLocaleState } from 'react-admin';

export function useWords<T>(words: { zh: T; en: T }): T {
  const [locale] = useLocaleState();
  return locale === 'en' ? words.en : words.zh;
}
