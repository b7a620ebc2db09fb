import { Injectable, Optional } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { MessagingRuntime, type ServiceHealth } from '@mkt/shared/messaging';

/**
 * This app's Prometheus registry: HTTP requests by route and status, the process's defaults, and per service
 * the outbox backlog and parked events, read from its database when scraped. One registry per app, not
 * prom-client's global one, so several apps in one test process do not share counters.
 */
@Injectable()
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly durations: Histogram<'method' | 'route' | 'status'>;

  constructor(@Optional() runtime?: MessagingRuntime) {
    collectDefaultMetrics({ register: this.registry });
    const labelNames = ['method', 'route', 'status'] as const;
    this.requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by route pattern and status', labelNames, registers: [this.registry] });
    this.durations = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route pattern and status',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    if (runtime) this.registerMessagingGauges(runtime);
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.durations.observe(labels, seconds);
  }

  private registerMessagingGauges(runtime: MessagingRuntime): void {
    const labelNames = ['service'] as const;
    // prom-client reads the gauges of a scrape concurrently: they share one in-flight query per service.
    let inFlight: Promise<Record<string, ServiceHealth>> | null = null;
    const health = () => (inFlight ??= runtime.health().finally(() => (inFlight = null)));
    const gauge = (name: string, help: string, value: (h: ServiceHealth) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers: [this.registry],
        async collect() {
          for (const [service, h] of Object.entries(await health())) {
            const v = value(h);
            if (v !== null) this.set({ service }, v);
          }
        },
      });
    gauge('messaging_outbox_unpublished_events', 'Events committed to the outbox and not yet published', (h) => h.unpublishedEvents);
    gauge('messaging_parked_events', 'Events a consumer could not handle and set aside with the reason', (h) => h.parkedEvents);
    const deliveries = new Counter({ name: 'messaging_inbox_deliveries_total', help: 'Messages consumed, by outcome (handled, duplicate, ignored, parked)', labelNames: ['service', 'outcome'], registers: [this.registry] });
    const delay = new Histogram({
      name: 'messaging_event_delivery_delay_seconds',
      help: 'From an event occurring (producer clock) to its handling here: grows when a consumer falls behind',
      labelNames,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [this.registry],
    });
    runtime.onDelivery((service, outcome, event) => {
      deliveries.inc({ service, outcome });
      const occurred = event ? Date.parse(event.occurredAt) : NaN;
      // A producer on a shifted test clock can be ahead of this process: such a delay is not observed.
      if (outcome === 'handled' && Number.isFinite(occurred) && Date.now() >= occurred) delay.observe({ service }, (Date.now() - occurred) / 1000);
    });
    gauge('messaging_database_up', 'Whether the service database answered this scrape (1) or not (0)', (h) => (h.database === 'up' ? 1 : 0));
  }
}
