import { DEFAULT_SCRYPT, ScryptPasswordHasher } from './scrypt-password.hasher';

describe('ScryptPasswordHasher', () => {
  it('hashes with the strong default parameters, a fresh salt each time, and verifies only the right password', async () => {
    const hasher = new ScryptPasswordHasher();
    const [a, b] = await Promise.all([hasher.hash('西湖边的柳树发芽了'), hasher.hash('西湖边的柳树发芽了')]);
    expect(DEFAULT_SCRYPT).toEqual({ ln: 17, r: 8, p: 1 });
    expect(a).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    await expect(hasher.verify(a, '西湖边的柳树发芽了')).resolves.toBe(true);
    await expect(hasher.verify(a, '西湖边的柳树发芽啦')).resolves.toBe(false);
  }, 30000);

  it('asks for a rehash of weaker or unreadable hashes, and refuses to verify unreadable or absurd ones', async () => {
    const weak = new ScryptPasswordHasher({ ln: 10, r: 8, p: 1 });
    const hash = await weak.hash('correct horse battery');
    await expect(weak.verify(hash, 'correct horse battery')).resolves.toBe(true);
    expect(new ScryptPasswordHasher().needsRehash(hash)).toBe(true);
    expect(weak.needsRehash(hash)).toBe(false);
    expect(weak.needsRehash('plain')).toBe(true);
    await expect(weak.verify('plain', 'plain')).resolves.toBe(false);
    await expect(weak.verify(hash.replace('ln=10', 'ln=30'), 'correct horse battery')).resolves.toBe(false);
  });
});
