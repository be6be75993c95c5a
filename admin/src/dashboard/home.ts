// The home page's one request (GET /api/home): the indicators, the count cards, the registers'
// sizes and the plugins' panels all read their part of the same answer.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { HomeFigures } from '../../../api/reports/home.js';
import { useApi } from '../apiClient.js';

export type { HomeFigures };

const homeQueryKey = ['home'] as const;

export function useHome() {
  const api = useApi();
  return useQuery({ queryKey: homeQueryKey, queryFn: () => api.get<HomeFigures>('/api/home') });
}

/** What the named plugin's `home` gave for this user (undefined while loading or when it gave nothing). */
export function useHomeData<T>(plugin: string): T | undefined {
  return useHome().data?.plugins[plugin] as T | undefined;
}

/** Asks for the home figures again, e.g. after a panel's action changed them. */
export function useRefreshHome(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: homeQueryKey });
}
