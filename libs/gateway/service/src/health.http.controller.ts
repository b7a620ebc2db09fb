import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthHttpController {
  // Liveness of the gateway process only; each service reports its own health behind /api/<service>.
  @Get()
  check(): { status: 'ok'; service: 'gateway' } {
    return { status: 'ok', service: 'gateway' };
  }
}
