import { describeRoute, schema } from './response-schema';

// The health controller lives in shared/messaging, below this library: its answers are described here, by route.
describeRoute('GET /health', {
  description: 'Every service database of the process answers (503 with the same body when one does not)',
  schema: schema.object({
    status: schema.oneOf(['ok', 'degraded']),
    transport: schema.oneOf(['in-process', 'kafka']),
    services: schema.map(
      schema.object({ database: schema.oneOf(['up', 'down']), unpublishedEvents: schema.nullable(schema.integer()), parkedEvents: schema.nullable(schema.integer()) }),
      'by service name',
    ),
  }),
});

describeRoute('GET /health/ready', {
  description: 'Databases and the broker are reachable (503 with the same body when one is not)',
  schema: schema.object({
    status: schema.oneOf(['ready', 'not-ready']),
    checks: schema.object({
      broker: schema.object({ transport: schema.oneOf(['in-process', 'kafka']), status: schema.oneOf(['up', 'down']) }),
      databases: schema.map(schema.oneOf(['up', 'down']), 'by service name'),
    }),
  }),
});
