import 'reflect-metadata';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UploadedFile } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { Public, Roles } from '@mkt/shared/auth';
import { ApiDocsModule } from './api-docs.module';
import { HttpRouteCatalog } from './http-route-catalog';
import { routeKey } from './http-route';
import { buildOpenApiDocument, undescribedRoutes, type OpenApiDocument } from './openapi-document';
import { Responds, RespondsWith, schema } from './response-schema';
import { responseSchemaErrors } from './response-schema-check';

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

const SAMPLE_ORDER = schema.named('SampleOrderView', schema.object({ id: schema.uuid(), method: schema.oneOf(['DRAW', 'BIDDING']), note: schema.nullable(schema.string()) }));

@Controller('api/sample/orders')
@Roles('OWNER')
class SampleOrdersHttpController {
  @Post()
  @Responds(SAMPLE_ORDER, { description: 'The order as recorded' })
  create(@Body() body: SampleOrderRequestDto) {
    return body;
  }

  @Get(':orderId/lines/:line')
  @Roles('OWNER', 'SUPERVISOR')
  @Responds(schema.object({ orderId: schema.string(), line: schema.string() }), { alternatives: { 'text/csv': 'the line as CSV' } })
  line(@Param('orderId') orderId: string, @Param('line') line: string) {
    return { orderId, line };
  }

  @Delete(':orderId')
  @Roles('ADMIN')
  @HttpCode(204)
  remove(@Param('orderId') orderId: string) {
    return { orderId };
  }
}

@Controller('api/sample')
class SamplePublicHttpController {
  @Get('search')
  @Public()
  @HttpCode(200)
  @RespondsWith('application/pdf', 'The matching orders as a PDF')
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
  let moduleRoutes: ReturnType<HttpRouteCatalog['routes']>;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ApiDocsModule.forRoot([{ path: 'api/sample/docs', title: 'sample API', routePrefix: '/api/sample/' }])],
      controllers: [SampleOrdersHttpController, SamplePublicHttpController],
    }).compile();
    moduleRoutes = moduleRef.get(HttpRouteCatalog).routes();
    keys = moduleRoutes.map(routeKey);
    document = buildOpenApiDocument(moduleRoutes, { title: 'sample API', version: '1' });
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

  it('describes the success answer as the handler declares it, under its @HttpCode status, a named schema once under components', () => {
    expect(document.paths['/api/sample/orders']['post']).toMatchObject({
      responses: { '201': { description: 'The order as recorded', content: { 'application/json': { schema: { $ref: '#/components/schemas/SampleOrderView' } } } } },
    });
    expect(document.components.schemas['SampleOrderView']).toMatchObject({ required: ['id', 'method', 'note'], properties: { note: { type: 'string', nullable: true } } });
    expect(document.paths['/api/sample/orders/{orderId}/lines/{line}']['get']).toMatchObject({
      responses: { '200': { content: { 'application/json': { schema: { required: ['orderId', 'line'] } }, 'text/csv': { schema: { type: 'string' } } } } },
    });
    expect(document.paths['/api/sample/search']['get']).toMatchObject({ responses: { '200': { content: { 'application/pdf': { schema: { format: 'binary' } } } } } });
    expect(document.paths['/api/sample/orders/{orderId}']['delete']).toMatchObject({ responses: { '204': { description: 'Success, no body' } } });
    expect(document.paths['/api/sample/orders/{orderId}']['delete']).not.toHaveProperty('responses.204.content');
  });

  it('finds every route whose success has a body it does not describe, and none that answers 204', () => {
    expect(undescribedRoutes(moduleRoutes).map(routeKey)).toEqual(['POST /api/sample/uploads']);
  });

  it('names where a body strays from its declared schema: a missing field, a malformed id, a value off the list, no body at all', () => {
    const declared = { kind: 'json', schema: SAMPLE_ORDER, description: 'x', alternatives: {} } as const;
    expect(responseSchemaErrors(declared, { id: '5f0c6a56-8a4f-4a8e-9d43-2f0e0d3b1c11', method: 'DRAW', note: null })).toEqual([]);
    expect(responseSchemaErrors(declared, { id: 'not-a-uuid', method: 'LOTTERY' })).toEqual([
      "/ must have required property 'note'",
      '/id must match format "uuid"',
      '/method must be equal to one of the allowed values',
    ]);
    expect(responseSchemaErrors(declared, undefined)).toEqual(['/ must be object']);
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
