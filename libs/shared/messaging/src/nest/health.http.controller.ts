import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { Public } from '@mkt/shared/auth';
import { MessagingRuntime } from './messaging-runtime';

/**
 * `/health`: 200 when every service's database answers, 503 otherwise (what the launcher and liveness probes
 * wait on). `/health/ready`: also the broker, so a load balancer sends traffic only to a process that can
 * both store a command and publish what it caused.
 */
@Controller('health')
export class HealthHttpController {
  constructor(private readonly runtime: MessagingRuntime) {}

  @Get()
  @Public()
  @HttpCode(200)
  async health(): Promise<object> {
    const services = await this.runtime.health();
    const down = Object.values(services).some((s) => s.database === 'down');
    const body = { status: down ? 'degraded' : 'ok', transport: this.runtime.transport.kind, services };
    if (down) throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }

  @Get('ready')
  @Public()
  @HttpCode(200)
  async ready(): Promise<object> {
    const [services, broker] = await Promise.all([this.runtime.health(), this.runtime.transport.isReachable()]);
    const databasesUp = Object.values(services).every((s) => s.database === 'up');
    const body = {
      status: databasesUp && broker ? 'ready' : 'not-ready',
      checks: { broker: { transport: this.runtime.transport.kind, status: broker ? 'up' : 'down' }, databases: Object.fromEntries(Object.entries(services).map(([name, s]) => [name, s.database])) },
    };
    if (!databasesUp || !broker) throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}
