import { Controller, Get, Header, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { swaggerUiAsset, swaggerUiPage, swaggerUiStartScript } from '@mkt/shared/http';
import type { ServiceRoutes } from './api-proxy/service-routes';
import { GATEWAY_SERVICE_ROUTES } from './gateway-tokens';

/**
 * `/api/docs` in distributed mode: one Swagger UI over every service's own document, each fetched through the
 * gateway at `/api/<service>/docs/openapi.json` (the proxy forwards those like any other service path).
 */
@Controller('api/docs')
export class ApiDocsHttpController {
  constructor(@Inject(GATEWAY_SERVICE_ROUTES) private readonly routes: ServiceRoutes) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return swaggerUiPage('/api/docs', 'Marketplace API');
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    if (file === 'start.js') {
      const urls = Object.keys(this.routes).map((service) => ({ name: service, url: `/api/${service}/docs/openapi.json` }));
      res.type('text/javascript; charset=utf-8').send(swaggerUiStartScript({ urls }));
      return;
    }
    const asset = swaggerUiAsset(file);
    if (!asset) throw new NotFoundException(`no such asset: ${file}`);
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type(asset.contentType).send(asset.body);
  }
}
