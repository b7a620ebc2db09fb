// Prints a bearer token for trying the API in embedded mode until sign-in exists:
//   npm run token -- ADMIN | SUPERVISOR | OWNER <org> | AGENCY <agency id>
// Signed with the embedded secret in DATA_DIR/auth-secret (or AUTH_TOKEN_SECRET), valid 15 minutes.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { JwtService } = require('@nestjs/jwt');

const [role, org] = process.argv.slice(2);
if (!['ADMIN', 'SUPERVISOR', 'OWNER', 'AGENCY'].includes(role)) {
  console.error('usage: npm run token -- ADMIN|SUPERVISOR|OWNER|AGENCY [organisation id]');
  process.exit(2);
}
const dataDir = process.env.DATA_DIR ?? join(__dirname, '../../.data');
const secret = process.env.AUTH_TOKEN_SECRET ?? readFileSync(join(dataDir, 'auth-secret'), 'utf8').trim();
const token = new JwtService({ secret }).sign(
  { sub: `dev-${role.toLowerCase()}`, role, org: org ?? null },
  { algorithm: 'HS256', expiresIn: 900, issuer: 'mkt-identity' },
);
console.log(token);
