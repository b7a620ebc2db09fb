import 'reflect-metadata';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Body, Controller, Delete, Get, Param, Post, Query, UploadedFile } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { Public, Roles } from '@mkt/shared/auth';
import { ApiDocsModule } from './api-docs.module';
import { HttpRouteCatalog } from './http-route-catalog';
import { routeKey } from './http-route';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi-document';

class SampleLineRequestDto {
  @IsString() label!: string;
  @IsInt() @Min(1) @Max(10) level!: number;
}

class SampleOrderRequestDto {
  @IsIn(['DRAW', 'BIDDING']) method!: string;
  @IsOptional() @IsString() note?: string;
  @ValidateNested({ each: true }) @Type(() => SampleLineRequestDto) lines!: SampleLineRequestDto[];
}

class SampleSearchRequestDto {
  @IsString() region!: string;
  @IsOptional() @IsInt() page?: number;
}

@Controller('api/sample/orders')
@Roles('OWNER')
class SampleOrdersHttpController {
  @Post()
  create(@Body() body: SampleOrderRequestDto) {
    return body;
  }

  @Get(':orderId/lines/:line')
  @Roles('OWNER', 'SUPERVISOR')
  line(@Param('orderId') orderId: string, @Param('line') line: string) {
    return { orderId, line };
  }

  @Delete(':orderId')
  @Roles('ADMIN')
  remove(@Param('orderId') orderId: string) {
    return { orderId };
  }
}

@Controller('api/sample')
class SamplePublicHttpController {
  @Get('search')
  @Public()
  search(@Query() query: SampleSearchRequestDto, @Query('extra') extra: string) {
    return { query, extra };
  }

  @Post('uploads')
  @Roles('AGENCY')
  upload(@UploadedFile() file: unknown) {
    return { file: Boolean(file) };
  }
}

describe('buildOpenApiDocument', () => {
  let document: OpenApiDocument;
  let keys: string[];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ApiDocsModule.forRoot([{ path: 'api/sample/docs', title: 'sample API', routePrefix: '/api/sample/' }])],
      controllers: [SampleOrdersHttpController, SamplePublicHttpController],
    }).compile();
    const routes = moduleRef.get(HttpRouteCatalog).routes();
    keys = routes.map(routeKey);
    document = buildOpenApiDocument(routes, { title: 'sample API', version: '1' });
  });

  it('is a valid OpenAPI 3 document', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('lists every route of the app, its own docs routes included, with Express params as OpenAPI templates', () => {
    expect(keys).toEqual([
      'GET /api/sample/docs',
      'GET /api/sample/docs/assets/:file',
      'GET /api/sample/docs/openapi.json',
      'POST /api/sample/orders',
      'DELETE /api/sample/orders/:orderId',
      'GET /api/sample/orders/:orderId/lines/:line',
      'GET /api/sample/search',
      'POST /api/sample/uploads',
    ]);
    expect(Object.keys(document.paths['/api/sample/orders/{orderId}/lines/{line}'])).toEqual(['get']);
    expect(document.paths['/api/sample/orders/{orderId}/lines/{line}']['get']).toMatchObject({
      parameters: [
        { name: 'orderId', in: 'path', required: true },
        { name: 'line', in: 'path', required: true },
      ],
    });
  });

  it('states the roles of each operation, the handler overriding its controller, and public ones without security', () => {
    expect(document.paths['/api/sample/orders']['post']).toMatchObject({ 'x-roles': ['OWNER'], security: [{ bearer: [] }] });
    expect(document.paths['/api/sample/orders/{orderId}']['delete']).toMatchObject({ 'x-roles': ['ADMIN'] });
    expect(document.paths['/api/sample/search']['get']).toMatchObject({ 'x-roles': 'public', security: [] });
    expect(document.paths['/api/sample/search']['get']).not.toHaveProperty('responses.401');
  });

  it('describes a request body from the DTO’s class-validator metadata, nested DTOs by reference', () => {
    expect(document.paths['/api/sample/orders']['post']).toMatchObject({
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/SampleOrderRequestDto' } } } },
    });
    const order = document.components.schemas['SampleOrderRequestDto'];
    expect(order).toMatchObject({
      type: 'object',
      required: ['method', 'lines'],
      properties: { method: { enum: ['DRAW', 'BIDDING'] }, lines: { type: 'array', items: { $ref: '#/components/schemas/SampleLineRequestDto' } } },
    });
    expect(document.components.schemas['SampleLineRequestDto']).toMatchObject({ properties: { level: { type: 'integer', minimum: 1, maximum: 10 } } });
  });

  it('turns a query DTO into query parameters, required where the DTO requires them, and a multipart upload into a file body', () => {
    expect(document.paths['/api/sample/search']['get']).toMatchObject({
      parameters: [
        { name: 'region', in: 'query', required: true, schema: { type: 'string' } },
        { name: 'page', in: 'query', required: false },
        { name: 'extra', in: 'query', required: false },
      ],
    });
    expect(document.paths['/api/sample/uploads']['post']).toMatchObject({ requestBody: { content: { 'multipart/form-data': { schema: { required: ['file'] } } } } });
  });
});
