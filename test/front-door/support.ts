// Submitting the public application form as a browser would: a challenge solved, multipart.
import { solve } from '../../api/public/challenge.js';
import { ORIGIN, type TestFayuan } from '../support/fayuan.js';
import { jpeg, pdf, png } from '../../plugins/case-files/test/support.js';

export { jpeg, pdf, png };

export const application = (extra: Record<string, unknown> = {}) => ({
  applicantName: '赵敏', applicantIdNumber: '110101199003071241', applicantPhone: '13900001111',
  caseType: 'civil', causeOfAction: '劳动报酬纠纷', opposingPartyName: '某某建筑公司',
  householdMonthlyIncome: 800, householdSize: 3, ...extra,
});

export async function challenge(t: TestFayuan, headers: Record<string, string> = {}) {
  const res = await t.fayuan.app.request('/api/public/challenge', { headers });
  if (res.status !== 200) throw new Error(`challenge answered ${res.status}`);
  const c = await res.json();
  return { token: c.token as string, solution: solve(c.nonce, c.bits) };
}

export async function submit(t: TestFayuan, {
  fields = application(), consent = true, files = { idDocument: png(), hardshipProof: pdf() } as Record<string, Uint8Array | string>,
  solved, headers = {} as Record<string, string>,
}: { fields?: Record<string, unknown>; consent?: boolean; files?: Record<string, Uint8Array | string>; solved?: { token: string; solution: string }; headers?: Record<string, string> } = {}) {
  const { token, solution } = solved ?? await challenge(t, headers);
  const form = new FormData();
  form.set('application', JSON.stringify(fields));
  if (consent) form.set('consent', 'true');
  form.set('challengeToken', token);
  form.set('challengeSolution', solution);
  for (const [name, content] of Object.entries(files)) form.set(name, new Blob([content as BlobPart]), `${name}.bin`);
  return t.fayuan.app.request('/api/public/applications', { method: 'POST', body: form, headers: { origin: ORIGIN, ...headers } });
}
