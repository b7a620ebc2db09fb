/** The post-a-project form as typed: strings, as the inputs hold them. */
export interface ProjectForm {
  title: string;
  serviceItemCode: string;
  description: string;
  budgetYuan: string;
  requiredLevel: string;
  region: string;
  servicePeriodDays: string;
  method: 'RANDOM_DRAW' | 'CREDIT_WEIGHTED_DRAW' | 'BIDDING' | 'DIRECT_SELECTION';
  /** A draw's entropy: values the witnesses enter, or the drand beacon of the round its commitment fixes. */
  entropySource: 'witnesses' | 'drand';
  winners: string;
  alternates: string;
  minimumCandidates: string;
  /** Credit-weighted draw: firms scoring below this drop out before the draw. */
  minimumCreditScore: string;
  /** Credit-weighted draw: the published weight function's identifier, e.g. `credit-linear/v1`. */
  weightFunction: string;
  minimumValidBids: string;
  evaluationRule: 'LOWEST_PRICE' | 'REASONABLE_LOW' | 'CLOSEST_TO_AVERAGE';
  abnormallyLowFraction: string;
  quoteForm: 'AMOUNT' | 'DISCOUNT_RATE';
  bidDeadline: string;
  signUpMode: 'ALL_ELIGIBLE' | 'WINDOW';
  opensAt: string;
  closesAt: string;
  /** Direct selection only: why this project may skip a draw or bidding, for supervisors. */
  justification: string;
}

/** `<input type="datetime-local">` speaks local wall time; the API wants an instant. Empty stays empty, so the API names it. */
export function instant(local: string): string {
  if (!local) return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

export function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An observer row as typed: the invited person's account id and the label the public record will show. */
export interface ObserverRow {
  userId: string;
  label: string;
}

/** Both kinds of draw take an entropy source and observers; only they do. */
export const isDraw = (method: ProjectForm['method']): method is 'RANDOM_DRAW' | 'CREDIT_WEIGHTED_DRAW' => method === 'RANDOM_DRAW' || method === 'CREDIT_WEIGHTED_DRAW';

/**
 * An optional number as typed. An empty input goes as null rather than `Number('')`, which is 0 and would pass
 * for a threshold nobody chose; the API refuses null by the field's name.
 */
function numberOrNull(typed: string): number | null {
  const trimmed = typed.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/**
 * What the form sends: the project's terms with the method's own rules, as the projects API takes them. A draw
 * names its observers only when there are any, and only with witnesses (a drand draw has none); the API checks and
 * names a bad row by its index.
 */
export function termsOf(f: ProjectForm, conflicts: { agencyId: string; reason: string }[], observers: readonly ObserverRow[] = []) {
  const selection = selectionOf(f, observers);
  const signUp = f.signUpMode === 'WINDOW' ? { mode: 'WINDOW', opensAt: instant(f.opensAt), closesAt: instant(f.closesAt) } : { mode: 'ALL_ELIGIBLE' };
  return {
    title: f.title,
    serviceItemCode: f.serviceItemCode,
    description: f.description,
    budgetCapFen: Math.round(Number(f.budgetYuan) * 100),
    requiredLevel: Number(f.requiredLevel),
    region: f.region,
    servicePeriodDays: Number(f.servicePeriodDays),
    selection,
    signUp,
    conflicts,
  };
}

function selectionOf(f: ProjectForm, observers: readonly ObserverRow[]) {
  switch (f.method) {
    case 'RANDOM_DRAW':
    case 'CREDIT_WEIGHTED_DRAW': {
      const parameters = { method: f.method, winners: Number(f.winners), alternates: Number(f.alternates), minimumCandidates: Number(f.minimumCandidates) };
      const draw = f.method === 'CREDIT_WEIGHTED_DRAW' ? { ...parameters, minimumCreditScore: numberOrNull(f.minimumCreditScore), weightFunction: f.weightFunction } : parameters;
      if (f.entropySource === 'drand') return { ...draw, entropySource: f.entropySource };
      return observers.length > 0 ? { ...draw, observers: observers.map((o) => ({ userId: o.userId.trim(), label: o.label })) } : draw;
    }
    case 'DIRECT_SELECTION':
      return { method: f.method, justification: f.justification };
    case 'BIDDING':
      return {
        method: f.method,
        winners: Number(f.winners),
        minimumValidBids: Number(f.minimumValidBids),
        evaluation: f.evaluationRule === 'REASONABLE_LOW' ? { rule: f.evaluationRule, abnormallyLowFraction: Number(f.abnormallyLowFraction) } : { rule: f.evaluationRule },
        quoteForm: f.quoteForm,
        bidDeadline: instant(f.bidDeadline),
      };
  }
}
