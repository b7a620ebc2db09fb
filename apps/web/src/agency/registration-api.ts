/** A registration application (入驻申请) as GET /api/registry/registrations[/:id] gives it. */
export interface Certificate {
  qualificationType: string;
  level: number;
  certificateNumber: string;
  issuer: string;
  validFrom: string;
  validUntil: string;
  scanId: string;
}

export interface RegistrationContent {
  readonly name: string;
  readonly creditCode: string;
  readonly legalRepresentative: string;
  readonly contacts: readonly { readonly name: string; readonly phone: string; readonly email?: string | null }[];
  readonly region: string;
  readonly qualifications: readonly Certificate[];
  readonly serviceItems: readonly string[];
}

export interface Registration {
  readonly id: string;
  readonly agencyId: string;
  readonly status: 'SUBMITTED' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED';
  readonly revision: number;
  readonly submittedAt: string;
  readonly content: RegistrationContent;
  readonly history?: readonly { readonly sequence: number; readonly action: string; readonly reason: string | null; readonly at: string }[];
}

export interface RegistrationSummary {
  readonly id: string;
  readonly agencyId: string;
  readonly status: Registration['status'];
  readonly revision: number;
  readonly name: string;
  readonly creditCode: string;
  readonly submittedAt: string;
}
