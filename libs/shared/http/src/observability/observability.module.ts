import { Controller, Get, Header, Module } from '@nestjs/common';
import { Registry } from 'prom-client';
import { Public } from '@mkt/shared/auth';
import { RespondsWith } from '../openapi/response-schema';
import { HttpMetrics } from './http-metrics';

@Controller('metrics')
export class MetricsHttpController {
  constructor(private readonly metrics: HttpMetrics) {}

  /** Prometheus text exposition; public like /health, and without business data (counts only). */
  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @RespondsWith(Registry.PROMETHEUS_CONTENT_TYPE, 'Prometheus text exposition format')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

/** `/metrics` and the registry the request observer counts into. Imported by `createHttpApp` for every app. */
@Module({ controllers: [MetricsHttpController], providers: [HttpMetrics], exports: [HttpMetrics] })
export class ObservabilityModule {}
