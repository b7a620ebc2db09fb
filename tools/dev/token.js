// Prints a bearer token for trying the API in embedded mode:
//   npm run token -- ADMIN | SUPERVISOR | OWNER <org> | AGENCY <agency id>
// Signed like identity signs (EdDSA) with the embedded key in DATA_DIR/identity-signing-key.pem (or the key
// derived from AUTH_TOKEN_SECRET, or AUTH_PRIVATE_KEY), valid 15 minutes. Signing in (POST /api/identity/login)
// as a demo user gets the same kind of token.
const { join } = require('node:path');
require('@swc-node/register');
const { signAccessToken, TOKEN_ISSUER } = require('../../libs/shared/auth/src/access-token.codec');
const { authKeysFromEnv, publicKeyOf } = require('../../libs/shared/auth/src/signing-keys');

const [role, org] = process.argv.slice(2);
if (!['ADMIN', 'SUPERVISOR', 'OWNER', 'AGENCY'].includes(role)) {
  console.error('usage: npm run token -- ADMIN|SUPERVISOR|OWNER|AGENCY [organisation id]');
  process.exit(2);
}
const dataDir = process.env.DATA_DIR ?? join(__dirname, '../../.data');
const { signing } = authKeysFromEnv(process.env, { dataDir });
if (!signing) {
  console.error('no signing key here: only AUTH_PUBLIC_KEY is set');
  process.exit(2);
}
const iat = Math.floor(Date.now() / 1000);
const claims = { iss: TOKEN_ISSUER, sub: `dev-${role.toLowerCase()}`, role, org: org ?? null, iat, exp: iat + 900 };
console.log(signAccessToken(claims, signing, publicKeyOf(signing)));
