// The centre's signing certificate, loaded once per data directory; a development one is
// generated at first start and said so on the console.
import { loadSealCertificate, type LoadedSealCertificate } from '../../../api/plugin-kit.js';

const loaded = new Map<string, LoadedSealCertificate>();

export function centreSeal(dataDir: string): LoadedSealCertificate {
  let seal = loaded.get(dataDir);
  if (!seal) {
    seal = loadSealCertificate(process.env, dataDir, '法律援助中心');
    if (seal.notice) console.warn(seal.notice);
    loaded.set(dataDir, seal);
  }
  return seal;
}
