import 'reflect-metadata';
import { Writable } from 'node:stream';
import { Controller, Headers, Injectable, Logger, Module, Post, type INestApplication, type OnModuleInit } from '@nestjs/common';
import { AuthModule, Public } from '@mkt/shared/auth';
import { defineEvent } from '@mkt/shared/contracts';
import { currentCorrelationId, EventSubscriptions, MessagingModule, MessagingRuntime, ServicePlatformModule, UnitOfWork } from '@mkt/shared/messaging';
import { waitFor } from '@mkt/shared/testing';
import { createHttpApp } from '../http-app';
import { createPinoLogger, PinoNestLogger } from './platform-logger';

const ThingMadeV1 = defineEvent<{ readonly thingId: string }>({
  type: 'producer.ThingMade',
  version: 1,
  topic: 'producer.thing.v1',
  schema: { type: 'object', additionalProperties: false, required: ['thingId'], properties: { thingId: { type: 'string' } } },
});
const memory = { kind: 'pglite', dataDir: 'memory://' } as const;

@Controller('api/producer/things')
class MakeThingHttpController {
  private readonly logger = new Logger('producer');
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Post()
  @Public()
  async make(@Headers('x-test-fail') fail?: string) {
    this.logger.log('making a thing');
    if (fail) throw new Error('boom');
    return this.unitOfWork.run(async (tx) => {
      tx.publish(ThingMadeV1, 'thing-1', { thingId: 'thing-1' });
      return { made: true };
    });
  }
}

@Module({
  imports: [ServicePlatformModule.forService({ service: 'producer', produces: [ThingMadeV1.topic], entities: [], migrations: [], database: memory })],
  controllers: [MakeThingHttpController],
})
class ProducerModule {}

const handled: { correlationId: string | undefined; envelopeCorrelationId: string }[] = [];

@Injectable()
class OnThingMade implements OnModuleInit {
  private readonly logger = new Logger('consumer');
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions.on(ThingMadeV1, async (event) => {
      this.logger.log(`handling ${event.type}`);
      handled.push({ correlationId: currentCorrelationId(), envelopeCorrelationId: event.correlationId });
    });
  }
}

@Module({
  imports: [ServicePlatformModule.forService({ service: 'consumer', produces: [], entities: [], migrations: [], database: memory })],
  providers: [OnThingMade],
})
class ConsumerModule {}

@Module({
  imports: [MessagingModule.forRoot({ transport: { kind: 'in-process' } }), AuthModule.forRoot({ secret: 'observability-spec-secret-0123456789abcdef' }), ProducerModule, ConsumerModule],
})
class ObservedRoot {}

describe('correlation ids, JSON logs and metrics at the HTTP edge', () => {
  let app: INestApplication;
  let base: string;
  const lines: Record<string, unknown>[] = [];
  const make = (headers: Record<string, string> = {}) => fetch(`${base}/api/producer/things`, { method: 'POST', headers });
  const outboxCorrelationIds = async (): Promise<string[]> => {
    const platform = app.get(MessagingRuntime).platform('producer');
    const rows: { envelope: string }[] = await platform!.database.dataSource.query(`SELECT envelope FROM outbox ORDER BY seq`);
    return rows.map((r) => JSON.parse(r.envelope).correlationId);
  };

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const logger = new PinoNestLogger(createPinoLogger({ name: 'observed', level: 'info', destination }));
    app = await createHttpApp(ObservedRoot, { logger });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  beforeEach(() => {
    lines.length = 0;
    handled.length = 0;
  });

  it('takes the caller’s X-Correlation-Id, answers with it, stamps it on the events and hands it to the consumer', async () => {
    const res = await make({ 'X-Correlation-Id': 'req-2026-abc' });

    expect(res.status).toBe(201);
    expect(res.headers.get('x-correlation-id')).toBe('req-2026-abc');
    expect((await outboxCorrelationIds()).at(-1)).toBe('req-2026-abc');
    await waitFor(async () => handled, (h) => h.length === 1, { what: 'the consumer to handle the event' });
    expect(handled).toEqual([{ correlationId: 'req-2026-abc', envelopeCorrelationId: 'req-2026-abc' }]);
  });

  it('writes JSON log lines that carry the id: the controller’s, the consumer’s and the access log', async () => {
    await make({ 'X-Correlation-Id': 'req-2026-def' });
    await waitFor(async () => lines, (l) => l.some((line) => line['context'] === 'consumer'), { what: 'the consumer’s log line' });

    expect(lines.find((l) => l['context'] === 'producer')).toMatchObject({ level: 30, msg: 'making a thing', correlationId: 'req-2026-def', service: 'observed' });
    expect(lines.find((l) => l['context'] === 'consumer')).toMatchObject({ msg: 'handling producer.ThingMade', correlationId: 'req-2026-def' });
    await waitFor(async () => lines, (l) => l.some((line) => line['msg'] === 'request'), { what: 'the access log line' });
    expect(lines.find((l) => l['msg'] === 'request')).toMatchObject({ correlationId: 'req-2026-def', method: 'POST', route: '/api/producer/things', status: 201 });
  });

  it('parks an unreadable message under the id its transport header carries', async () => {
    const consumer = app.get(MessagingRuntime).platform('consumer');
    await consumer!.inbox.deliver({ topic: ThingMadeV1.topic, key: 'k', value: '{not json', headers: { 'x-correlation-id': 'broken-7' } });

    expect(lines.find((l) => l['level'] === 40)).toMatchObject({ correlationId: 'broken-7', msg: expect.stringContaining('malformed JSON') });
  });

  it('makes up an id when the caller sent none or one that is not a plain token', async () => {
    const none = await make();
    const hostile = await make({ 'X-Correlation-Id': '<script>alert(1)</script>' });

    const generated = none.headers.get('x-correlation-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(hostile.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(hostile.headers.get('x-correlation-id')).not.toBe(generated);
    expect((await outboxCorrelationIds()).slice(-2)).toEqual([generated, hostile.headers.get('x-correlation-id')]);
  });

  it('logs a failure with its stack under the request’s id', async () => {
    const res = await make({ 'X-Correlation-Id': 'req-fails', 'x-test-fail': '1' });

    expect(res.status).toBe(500);
    expect(lines.find((l) => l['level'] === 50)).toMatchObject({ correlationId: 'req-fails', msg: expect.stringContaining('boom') });
  });

  it('counts requests by route pattern and status, and reports outbox backlog, parked events and consumed messages per service at /metrics', async () => {
    await make();
    const res = await fetch(`${base}/metrics`);
    const text = await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(text).toMatch(/http_requests_total\{method="POST",route="\/api\/producer\/things",status="201"\} [1-9]/);
    expect(text).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/api\/producer\/things",status="201"\} [1-9]/);
    expect(text).toMatch(/messaging_outbox_unpublished_events\{service="producer"\} \d+/);
    expect(text).toMatch(/messaging_parked_events\{service="consumer"\} \d+/);
    expect(text).toMatch(/messaging_database_up\{service="producer"\} 1/);
    expect(text).toMatch(/messaging_inbox_deliveries_total\{service="consumer",outcome="handled"\} [1-9]/);
    expect(text).toMatch(/messaging_inbox_deliveries_total\{service="consumer",outcome="parked"\} 1/);
    expect(text).toMatch(/messaging_event_delivery_delay_seconds_count\{service="consumer"\} [1-9]/);
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('is ready when every database and the broker answer, and says which', async () => {
    const res = await fetch(`${base}/health/ready`);

    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({
      status: 'ready',
      checks: { broker: { transport: 'in-process', status: 'up' }, databases: { consumer: 'up', producer: 'up' } },
    });
  });

  it('is not ready when a service database is gone', async () => {
    const consumer = app.get(MessagingRuntime).platform('consumer');
    const query = consumer!.database.dataSource.query.bind(consumer!.database.dataSource);
    consumer!.database.dataSource.query = (() => Promise.reject(new Error('connection lost'))) as never;
    try {
      const res = await fetch(`${base}/health/ready`);
      expect(res.status).toBe(503);
      await expect(res.json()).resolves.toMatchObject({ status: 'not-ready', checks: { databases: { consumer: 'down', producer: 'up' } } });
    } finally {
      consumer!.database.dataSource.query = query;
    }
  });
});
