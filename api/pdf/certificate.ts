// The centre's signing certificate: the operator's PKCS#12 in production, a self-signed one
// generated at first start for development and demonstration.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import type { SealCertificate } from './sign.js';

export interface LoadedSealCertificate extends SealCertificate {
  /** Where the PKCS#12 was read from. */
  source: string;
  /** Set when a development certificate is in use: say so at start-up. */
  notice?: string;
}

const DEV_P12 = 'development-seal.p12';
const DEV_PASSPHRASE = 'development-seal.passphrase';

/**
 * A self-signed PKCS#12 for `centreName` under `<dataDir>/seal/`, generated on first call and
 * reused afterwards. Signatures made with it verify but chain to no trusted authority.
 */
export function ensureDevelopmentCertificate(dataDir: string, centreName: string): LoadedSealCertificate {
  const dir = path.join(dataDir, 'seal');
  const p12Path = path.join(dir, DEV_P12);
  const passphrasePath = path.join(dir, DEV_PASSPHRASE);
  const notice = (made: string) =>
    `电子印章使用开发用自签名证书（${made}：${p12Path}），签名可验证但不受信任；生产环境请设置 FAYUAN_SEAL_P12 与 FAYUAN_SEAL_PASSPHRASE。 ` +
    `The electronic seal uses a self-signed development certificate (${p12Path}); set FAYUAN_SEAL_P12 and FAYUAN_SEAL_PASSPHRASE in production.`;
  if (fs.existsSync(p12Path) && fs.existsSync(passphrasePath)) {
    return { p12: fs.readFileSync(p12Path), passphrase: fs.readFileSync(passphrasePath, 'utf8'), source: p12Path, notice: notice('已有') };
  }
  const passphrase = crypto.randomBytes(18).toString('base64url');
  const p12 = selfSignedP12(centreName, passphrase);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(passphrasePath, passphrase, { mode: 0o600 });
  fs.writeFileSync(p12Path, p12, { mode: 0o600 });
  return { p12, passphrase, source: p12Path, notice: notice('已生成') };
}

/**
 * The certificate to seal with: FAYUAN_SEAL_P12 (a path) and FAYUAN_SEAL_PASSPHRASE when the
 * operator set them, else the development certificate under `<dataDir>/seal/`.
 */
export function loadSealCertificate(env: NodeJS.ProcessEnv, dataDir: string, centreName: string): LoadedSealCertificate {
  const p12Path = env.FAYUAN_SEAL_P12;
  if (!p12Path) return ensureDevelopmentCertificate(dataDir, centreName);
  return { p12: fs.readFileSync(p12Path), passphrase: env.FAYUAN_SEAL_PASSPHRASE ?? '', source: p12Path };
}

function selfSignedP12(centreName: string, passphrase: string): Buffer {
  // Node's key generation is native and fast; forge's pure-JS one takes seconds.
  const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keys = {
    privateKey: forge.pki.privateKeyFromPem(pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    publicKey: forge.pki.publicKeyFromPem(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = `01${crypto.randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
  const subject = [
    { name: 'commonName', value: `${centreName}（开发用电子印章）`, valueTagClass: forge.asn1.Type.UTF8 },
    { name: 'organizationName', value: centreName, valueTagClass: forge.asn1.Type.UTF8 },
    { name: 'countryName', value: 'CN' },
  ];
  cert.setSubject(subject as forge.pki.CertificateField[]);
  cert.setIssuer(subject as forge.pki.CertificateField[]);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], passphrase, { algorithm: '3des', friendlyName: centreName });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
