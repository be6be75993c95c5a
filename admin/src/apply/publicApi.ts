// The page's calls: /api/public/ only, same origin, no credentials beyond what the browser sends.
export type Label = { zh: string; en: string };

export interface PublicField {
  name: string;
  type: string;
  label: Label;
  required: boolean;
  help?: Label;
  options?: { id: string; label: Label }[];
  maxLength?: number;
  min?: number;
  max?: number;
}

export interface ApplicationFormMeta {
  fields: PublicField[];
  uploads: Record<string, { label: Label }>;
  fileLimitMb: number;
}

export class PublicApiError extends Error {
  constructor(message: string, readonly status: number, readonly errors: Record<string, string>) {
    super(message);
  }
}

async function answer<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new PublicApiError(body.message ?? '请求失败，请稍后重试', res.status, body.errors ?? {});
  return body as T;
}

export const fetchForm = () => fetch('/api/public/application-form').then((r) => answer<ApplicationFormMeta>(r));

/** Fetches a challenge and finds its proof of work (SHA-256 with `bits` leading zero bits). */
export async function solveChallenge(): Promise<{ token: string; solution: string }> {
  const { token, nonce, bits } = await fetch('/api/public/challenge', { cache: 'no-store' }).then((r) => answer<{ token: string; nonce: string; bits: number }>(r));
  const encoder = new TextEncoder();
  for (let counter = 0; ; counter++) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${nonce}:${counter}`)));
    let zero = true;
    for (let i = 0; i < bits && zero; i++) if ((digest[i >> 3] >> (7 - (i & 7))) & 1) zero = false;
    if (zero) return { token, solution: String(counter) };
  }
}

export async function submitApplication(form: FormData): Promise<{ trackingCode: string }> {
  return answer(await fetch('/api/public/applications', { method: 'POST', body: form }));
}

export interface ApplicationStatus {
  trackingCode: string;
  submittedOn: string;
  status: string;
  statusLabel: Label;
  notice: string | null;
}

export async function lookUp(code: string, phone: string): Promise<ApplicationStatus> {
  return answer(await fetch(`/api/public/applications/${encodeURIComponent(code.trim())}?phone=${encodeURIComponent(phone.trim())}`, { cache: 'no-store' }));
}

/** GET /api/public/complaint-notice: the centre's public notice on complaints; null where not set. */
export interface ComplaintNotice {
  centreName: string | null;
  address: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  scope: string | null;
  procedure: string | null;
}

export const fetchComplaintNotice = () => fetch('/api/public/complaint-notice').then((r) => answer<ComplaintNotice>(r));
