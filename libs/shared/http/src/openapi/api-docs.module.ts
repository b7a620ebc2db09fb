import { Controller, Get, Header, Inject, Module, NotFoundException, Param, Res, type DynamicModule, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Response } from 'express';
import { Public } from '@mkt/shared/auth';
import { HttpRouteCatalog } from './http-route-catalog';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi-document';
import { Responds, RespondsWith, schema } from './response-schema';
import { swaggerUiAsset, swaggerUiPage, swaggerUiStartScript } from './swagger-ui';

export interface ApiDocsSite {
  /** Where the page lives, e.g. `api/docs` (embedded: every service) or `api/registry/docs` (one service). */
  readonly path: string;
  readonly title: string;
  /** Describe only routes whose path starts with this (a service's own `/api/registry/`); default every route. */
  readonly routePrefix?: string;
}

const API_VERSION = '1';
const OPENAPI_DOCUMENT = schema.object({
  openapi: schema.string(),
  info: schema.object({ title: schema.string(), version: schema.string() }),
  paths: schema.map(schema.any('the operations of one path'), 'by path template'),
  components: schema.object({ schemas: schema.map(schema.any('a JSON Schema')), securitySchemes: schema.map(schema.any('a security scheme')) }),
});

/**
 * OpenAPI 3 documents and Swagger UI, generated from the running app's routes: `<path>` (the page) and
 * `<path>/openapi.json`. Public, like the API's own public reads: the document says who may call what.
 */
@Module({})
export class ApiDocsModule {
  static forRoot(sites: readonly ApiDocsSite[]): DynamicModule {
    return {
      module: ApiDocsModule,
      imports: [DiscoveryModule],
      providers: [HttpRouteCatalog],
      exports: [HttpRouteCatalog],
      controllers: sites.map(apiDocsController),
    };
  }
}

function apiDocsController(site: ApiDocsSite): Type {
  const base = `/${site.path.replace(/^\/+|\/+$/g, '')}`;

  @Controller(site.path)
  class ApiDocsHttpController {
    private document: OpenApiDocument | null = null;

    constructor(@Inject(HttpRouteCatalog) private readonly catalog: HttpRouteCatalog) {}

    @Get()
    @Public()
    @Header('Content-Type', 'text/html; charset=utf-8')
    @RespondsWith('text/html', 'Swagger UI over this document')
    page(): string {
      return swaggerUiPage(base, site.title);
    }

    @Get('openapi.json')
    @Public()
    @Responds(OPENAPI_DOCUMENT, { description: 'This OpenAPI 3.0 document' })
    openApi(): OpenApiDocument {
      // Routes are fixed once the app is up: build once, on first request.
      this.document ??= buildOpenApiDocument(
        this.catalog.routes().filter((r) => !site.routePrefix || r.path.startsWith(site.routePrefix)),
        { title: site.title, version: API_VERSION },
      );
      return this.document;
    }

    @Get('assets/:file')
    @Public()
    @RespondsWith(['text/javascript', 'text/css', 'image/png'], 'A Swagger UI file')
    asset(@Param('file') file: string, @Res() res: Response): void {
      if (file === 'start.js') {
        res.type('text/javascript; charset=utf-8').send(swaggerUiStartScript({ url: `${base}/openapi.json` }));
        return;
      }
      const asset = swaggerUiAsset(file);
      if (!asset) throw new NotFoundException(`no such asset: ${file}`);
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.type(asset.contentType).send(asset.body);
    }
  }
  return ApiDocsHttpController;
}
