import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { HttpMetrics } from '@mkt/shared/http';

/** Why an upstream gave no answer, as a bounded label (the raw error code set is open-ended). */
export type UpstreamFailure = 'refused' | 'reset' | 'timeout' | 'other';

/**
 * What the gateway forwards, per upstream service, in the app's own registry beside the process defaults:
 * requests by method and status (502 when the service gave no answer, `aborted` when the client left first),
 * their latency through the service, and the reasons an upstream gave no answer. Only known services get a
 * label, so the label set stays bounded whatever paths clients send.
 */
@Injectable()
export class ProxyMetrics {
  private readonly requests: Counter<'service' | 'method' | 'status'>;
  private readonly durations: Histogram<'service' | 'method' | 'status'>;
  private readonly failures: Counter<'service' | 'cause'>;

  constructor(metrics: HttpMetrics) {
    const labelNames = ['service', 'method', 'status'] as const;
    const registers = [metrics.registry];
    this.requests = new Counter({ name: 'gateway_proxy_requests_total', help: 'Requests forwarded to a service, by upstream service, method and status', labelNames, registers });
    this.durations = new Histogram({
      name: 'gateway_proxy_request_duration_seconds',
      help: 'Time from receiving a forwarded request to the end of its answer, by upstream service, method and status',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.failures = new Counter({ name: 'gateway_upstream_failures_total', help: 'Forwarded requests an upstream service did not answer, by cause', labelNames: ['service', 'cause'], registers });
  }

  observe(service: string, method: string, status: string, seconds: number): void {
    const labels = { service, method, status };
    this.requests.inc(labels);
    this.durations.observe(labels, seconds);
  }

  upstreamFailed(service: string, code: string | undefined): void {
    this.failures.inc({ service, cause: failureOf(code) });
  }
}

function failureOf(code: string | undefined): UpstreamFailure {
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'reset';
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return 'timeout';
  return 'other';
}
