/** The memory-hard password hash, provided by infrastructure (scrypt); hashes are self-describing strings. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Constant-time comparison; false for a hash it cannot read. */
  verify(hash: string, password: string): Promise<boolean>;
  /** True when the hash was made with weaker parameters than today's, so it is redone at the next sign-in. */
  needsRehash(hash: string): boolean;
}
