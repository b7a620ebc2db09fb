/** A public announcement as `/api/projects/announcements` gives it (only the fields this page shows). */
export interface Announcement {
  readonly id: string;
  readonly status: string;
  readonly round: number;
  readonly title: string;
  readonly serviceItemCode: string;
  readonly method: string;
  readonly budgetCapFen: number;
  readonly selection: {
    readonly source: { readonly kind: string; readonly drawId?: string };
    readonly winners: readonly { readonly agencyId: string }[];
    readonly publicityEndsAt: string;
  } | null;
}

export async function fetchAnnouncements(signal?: AbortSignal): Promise<Announcement[]> {
  const res = await fetch('/api/projects/announcements', { signal, headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`/api/projects/announcements answered ${res.status}`);
  return res.json();
}

/** Firm names by id from the public directory, so results show who was selected, not an identifier. */
export async function fetchAgencyNames(signal?: AbortSignal): Promise<Map<string, string>> {
  const res = await fetch('/api/registry/directory?limit=500', { signal, headers: { Accept: 'application/json' } });
  if (!res.ok) return new Map();
  const firms: { id: string; name: string }[] = await res.json();
  return new Map(firms.map((f) => [f.id, f.name]));
}
