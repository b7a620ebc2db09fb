import { Inject, Injectable } from '@nestjs/common';
import { generateSigner, parseSignerKey, signerKeyString, verifierKeyString, verifierOf, type NoteSigner, type NoteVerifier } from '@mkt/audit/core';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AUDIT_LOG_SETTINGS, type AuditLogSettings } from '../audit-settings';
import { SigningKeyRepository } from '../infrastructure/signing-key.repository';

export interface LogKey {
  readonly origin: string;
  readonly signer: NoteSigner;
  readonly verifier: NoteVerifier;
  /** The C2SP vkey string (`<name>+<key id>+<base64 key>`) clients pin. */
  readonly verifierKey: string;
}

/**
 * The log's Ed25519 key: `AUDIT_SIGNING_KEY` when configured; otherwise one generated on first start and kept
 * in the audit database, so a dev or embedded deployment signs with the same key across restarts.
 */
@Injectable()
export class LogSigner {
  private loading: Promise<LogKey> | null = null;

  constructor(
    @Inject(AUDIT_LOG_SETTINGS) private readonly settings: AuditLogSettings,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  key(): Promise<LogKey> {
    this.loading ??= this.load().catch((error) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<LogKey> {
    const { origin, signingKey } = this.settings;
    const signer = signingKey ? this.configured(signingKey) : await this.stored(origin);
    // C2SP tlog-checkpoint: the key name is the log's origin, so a key and a log are never mixed up.
    if (signer.name !== origin) throw new Error(`the audit signing key is named ${signer.name}, but the log's origin is ${origin}: set AUDIT_LOG_ORIGIN to the key's name`);
    const verifier = verifierOf(signer);
    return { origin, signer, verifier, verifierKey: verifierKeyString(verifier) };
  }

  private configured(signingKey: string): NoteSigner {
    try {
      return parseSignerKey(signingKey);
    } catch (error) {
      throw new Error(`AUDIT_SIGNING_KEY is not a C2SP Ed25519 signer key (PRIVATE+KEY+<name>+<id>+<key>): ${(error as Error).message}`);
    }
  }

  private async stored(origin: string): Promise<NoteSigner> {
    const text = await this.unitOfWork.run((tx) => new SigningKeyRepository(tx.manager).findOrStore(origin, () => signerKeyString(generateSigner(origin)), tx.now));
    return parseSignerKey(text);
  }
}
