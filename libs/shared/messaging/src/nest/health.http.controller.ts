import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { Public } from '@mkt/shared/auth';
import { MessagingRuntime } from './messaging-runtime';

/** Liveness and readiness in one: 200 when every service's database answers, 503 otherwise. */
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
}
