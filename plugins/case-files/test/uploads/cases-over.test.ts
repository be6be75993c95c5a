// Closing materials: cases that are over.
// (Shared setup: ./centre.ts; file fixtures: ../support.ts.)
import { describe, expect, it } from 'vitest';
import { finishedCase, newCase, pdf, transition, upload } from '../support.js';
import { setUpUploadCentre, t } from './centre.js';

setUpUploadCentre();

describe('cases that are over', () => {
  it('refuses uploads to closed, archived and terminated cases with 422', async () => {
    const closed = await finishedCase(t, 'civil', 'closed');
    const archived = await finishedCase(t, 'civil', 'archived');
    const terminated = await newCase(t);
    expect((await transition(t, 'admin', terminated, 'terminate', { reason: 'own_lawyer' })).status).toBe(200);
    for (const [what, id] of [['closed', closed], ['archived', archived], ['terminated', terminated]] as const) {
      for (const role of ['admin', 'lawyer'] as const) {
        const res = await upload(t, role, id, 'evidence', { name: '补充证据.pdf', data: pdf(`late ${what}`) });
        expect(res.status, `${role} → ${what}`).toBe(422);
      }
    }
  });
});
