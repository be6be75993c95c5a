// The console's entry: everything waits for /api/meta (see MetaGate).
import './no-eval.js'; // first: before any schema parses
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MetaGate } from './MetaGate.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MetaGate />
  </StrictMode>,
);
