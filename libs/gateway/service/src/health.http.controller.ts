import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { ServiceRoutes } from './api-proxy/service-routes';
import { GATEWAY_SERVICE_ROUTES } from './gateway-tokens';

const UPSTREAM_READY_TIMEOUT_MS = 2000;

@Controller('health')
export class HealthHttpController {
  constructor(@Inject(GATEWAY_SERVICE_ROUTES) private readonly routes: ServiceRoutes) {}

  // Liveness of the gateway process only; each service reports its own health behind /api/<service>.
  @Get()
  check(): { status: 'ok'; service: 'gateway' } {
    return { status: 'ok', service: 'gateway' };
  }

  /**
   * Ready when every service behind it is ready (its databases and the broker, see each service's
   * /health/ready): the gateway has no state of its own, so it is only as useful as what it forwards to.
   */
  @Get('ready')
  async ready(): Promise<object> {
    const entries = await Promise.all(Object.entries(this.routes).map(async ([service, base]) => [service, await upstreamReady(base)] as const));
    const services = Object.fromEntries(entries);
    const ready = entries.every(([, status]) => status === 'ready');
    const body = { status: ready ? 'ready' : 'not-ready', services };
    if (!ready) throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}

async function upstreamReady(base: string): Promise<'ready' | 'not-ready' | 'unreachable'> {
  try {
    const res = await fetch(new URL('/health/ready', base), { signal: AbortSignal.timeout(UPSTREAM_READY_TIMEOUT_MS) });
    await res.body?.cancel();
    return res.ok ? 'ready' : 'not-ready';
  } catch {
    return 'unreachable';
  }
}
