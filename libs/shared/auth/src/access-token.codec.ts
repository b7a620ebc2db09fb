import { sign, verify, type KeyObject } from 'node:crypto';
import { keyIdOf } from './signing-keys';

export const TOKEN_ISSUER = 'mkt-identity';
// RFC 9068 media type of a JWT access token: a token of any other type (an ID token, a test JWT) is refused.
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/** Tolerated lead of identity's clock over a verifying service's, for `iat`; `exp` is strict. */
const CLOCK_SKEW_SECONDS = 5;

export interface AccessTokenClaims {
  readonly iss: string;
  readonly sub: string;
  readonly role: string;
  readonly org: string | null;
  readonly iat: number;
  readonly exp: number;
}

export type TokenRefusal = 'malformed' | 'algorithm' | 'unknown-key' | 'signature' | 'expired' | 'not-yet-valid' | 'issuer' | 'claims';

export class InvalidTokenError extends Error {
  constructor(readonly reason: TokenRefusal) {
    super(`access token refused: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS (RFC 7515) signed with Ed25519 (RFC 8037, `alg: EdDSA`), naming its key by thumbprint. */
export function signAccessToken(claims: AccessTokenClaims, signingKey: KeyObject, publicKey: KeyObject): string {
  const input = `${b64url({ alg: 'EdDSA', typ: ACCESS_TOKEN_TYPE, kid: keyIdOf(publicKey) })}.${b64url(claims)}`;
  return `${input}.${sign(null, Buffer.from(input), signingKey).toString('base64url')}`;
}

const PART = /^[A-Za-z0-9_-]+$/;

function decodeJson(part: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  throw new InvalidTokenError('malformed');
}

/**
 * Verifies a token against the configured public keys. The algorithm is fixed to EdDSA, not read from the
 * token: `alg: none`, HS256 keyed with the public key and any other algorithm are refused before any crypto.
 */
export function verifyAccessToken(token: string, keys: ReadonlyMap<string, KeyObject>, nowSeconds: number): AccessTokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => PART.test(p))) throw new InvalidTokenError('malformed');
  const [headerPart, payloadPart, signaturePart] = parts;
  const header = decodeJson(headerPart);
  if (header['alg'] !== 'EdDSA') throw new InvalidTokenError('algorithm');
  // RFC 7515 §4.1.11: an extension we do not understand must not be ignored.
  if (header['typ'] !== ACCESS_TOKEN_TYPE || 'crit' in header) throw new InvalidTokenError('malformed');
  const key = typeof header['kid'] === 'string' ? keys.get(header['kid']) : undefined;
  if (!key) throw new InvalidTokenError('unknown-key');
  const signature = Buffer.from(signaturePart, 'base64url');
  // Only the canonical encoding counts, so a token has exactly one accepted spelling.
  if (signature.toString('base64url') !== signaturePart) throw new InvalidTokenError('malformed');
  if (signature.length !== 64 || !verify(null, Buffer.from(`${headerPart}.${payloadPart}`), key, signature)) throw new InvalidTokenError('signature');
  const claims = decodeJson(payloadPart);
  if (claims['iss'] !== TOKEN_ISSUER) throw new InvalidTokenError('issuer');
  const { exp, iat, sub, role, org } = claims;
  if (typeof exp !== 'number' || typeof iat !== 'number' || typeof sub !== 'string' || typeof role !== 'string' || (org !== null && typeof org !== 'string')) {
    throw new InvalidTokenError('claims');
  }
  if (nowSeconds >= exp) throw new InvalidTokenError('expired');
  if (iat > nowSeconds + CLOCK_SKEW_SECONDS) throw new InvalidTokenError('not-yet-valid');
  return { iss: TOKEN_ISSUER, sub, role, org, iat, exp };
}

export function keyRing(publicKeys: readonly KeyObject[]): Map<string, KeyObject> {
  return new Map(publicKeys.map((k) => [keyIdOf(k), k]));
}
