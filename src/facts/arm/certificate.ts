/**
 * Reads the expiry date of the integration certificate from a VNet connection's `certBlob`
 * (base64 DER, public certificate). Only the date leaves this function: the blob itself is
 * never logged, printed or stored.
 */
import { X509Certificate } from 'node:crypto';

/** The certificate's notAfter as YYYY-MM-DD (UTC), or undefined when the blob is not a certificate. */
export function certificateExpiry(certBlob: string | Uint8Array | undefined): string | undefined {
  if (!certBlob || certBlob.length === 0) return undefined;
  try {
    const der = typeof certBlob === 'string' ? Buffer.from(certBlob, 'base64') : Buffer.from(certBlob);
    const expires = new Date(new X509Certificate(der).validTo);
    return Number.isNaN(expires.getTime()) ? undefined : expires.toISOString().slice(0, 10);
  } catch {
    return undefined;
  }
}

/**
 * SHA-1 thumbprint (upper-case hex, as App Service writes `certThumbprint`) of a base64 DER
 * certificate, such as a point-to-site root certificate's `publicCertData`. Only the thumbprint
 * leaves this function.
 */
export function certificateThumbprint(base64Der: string | undefined): string | undefined {
  if (!base64Der) return undefined;
  try {
    // publicCertData is base64 DER; tolerate PEM armour and line breaks around it.
    const body = base64Der.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
    return new X509Certificate(Buffer.from(body, 'base64')).fingerprint.replace(/:/g, '').toUpperCase();
  } catch {
    return undefined;
  }
}
