/** Durable deadlines of the registry, keyed by sanction id, run by the service's TaskScheduler on the injected clock. */
export const SANCTION_STARTS_TASK = 'registry.sanction-starts';
export const SANCTION_ENDS_TASK = 'registry.sanction-ends';
/** Keyed by qualification id: due at the end of its last valid day in Beijing. */
export const QUALIFICATION_EXPIRES_TASK = 'registry.qualification-expires';
