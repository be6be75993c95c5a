// The PKCS#7 signer for the seal: @signpdf's P12Signer, except that certificates whose names
// are UTF-8 (Chinese centres' and CAs' names) survive. node-forge parses a UTF8String name as
// raw bytes but encodes it again on output, so without the fix the embedded certificate and the
// signer's issuer no longer match and verifiers (pdfsig) fail.
import forge from 'node-forge';
import { Signer, SignPdfError } from '@signpdf/utils';

function decodeUtf8Names(cert: forge.pki.Certificate): forge.pki.Certificate {
  for (const attribute of [...cert.subject.attributes, ...cert.issuer.attributes]) {
    if (Number(attribute.valueTagClass) === forge.asn1.Type.UTF8 && typeof attribute.value === 'string') {
      attribute.value = forge.util.decodeUtf8(attribute.value);
    }
  }
  return cert;
}

export class SealSigner extends Signer {
  constructor(
    private readonly p12: Buffer,
    private readonly passphrase: string,
  ) {
    super();
  }

  async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(this.p12.toString('binary')), false, this.passphrase);
    const certs = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
      .map((bag) => bag.cert)
      .filter((cert): cert is forge.pki.Certificate => cert !== undefined)
      .map(decodeUtf8Names);
    const key = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0]
      ?.key as forge.pki.rsa.PrivateKey | undefined;
    const certificate = certs.find((cert) => {
      const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
      return key && key.n.compareTo(publicKey.n) === 0 && key.e.compareTo(publicKey.e) === 0;
    });
    if (!key || !certificate) {
      throw new SignPdfError('The PKCS#12 holds no certificate matching its private key.', SignPdfError.TYPE_INPUT);
    }
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const cert of certs) p7.addCertificate(cert);
    // The attributes' order matters to EU validators, as in @signpdf's P12Signer.
    p7.addSigner({
      key,
      certificate,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
