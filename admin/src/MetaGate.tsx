// Holds /api/meta for the console: fetched before anything is drawn, fetched again when
// someone signs in or out (the registers, permissions and home-page cards depend on who).
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchMeta, mergeCatalogue, type Meta, type ResourceMeta } from './meta.js';
import { appMessages } from './messages.js';
import { storedLocale } from './i18n.js';
import { App } from './App.js';

function Splash({ failed, onRetry }: { failed: boolean; onRetry: () => void }) {
  const words = appMessages[storedLocale()].fayuan;
  return (
    <div role="status" style={{ display: 'flex', height: '100%', alignItems: 'center', justifyContent: 'center', flexDirection: 'column', gap: 12, color: '#5b6776' }}>
      <div style={{ fontSize: 22, fontWeight: 700, color: '#17324f', letterSpacing: 2 }}>{words.title}</div>
      <div>{failed ? words.meta.failed : words.meta.loading}</div>
      {failed ? <button type="button" onClick={onRetry}>{words.meta.retry}</button> : null}
    </div>
  );
}

export function MetaGate() {
  const [meta, setMeta] = useState<Meta | null>(null);
  const [catalogue, setCatalogue] = useState<ResourceMeta[]>([]);
  const [failed, setFailed] = useState(false);
  const shown = useRef('');

  const load = useCallback(async () => {
    const next = await fetchMeta(storedLocale);
    const text = JSON.stringify(next);
    if (text === shown.current) return;
    shown.current = text;
    setCatalogue((known) => mergeCatalogue(known, next.resources));
    setMeta(next);
  }, []);

  const start = useCallback(() => {
    setFailed(false);
    load().catch((error: unknown) => {
      console.error(error);
      setFailed(true);
    });
  }, [load]);

  useEffect(start, [start]);

  if (!meta) return <Splash failed={failed} onRetry={start} />;
  return <App meta={meta} catalogue={catalogue} reloadMeta={load} />;
}
