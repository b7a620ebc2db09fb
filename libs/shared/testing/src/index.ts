export { FixedClock } from './fixed-clock';
export { waitFor, StopWaiting } from './wait-for';
export { startServiceProcess, startServiceProcesses, type ServiceProcess, type ServiceProcessOptions } from './service-process';
export { createTestDatabases } from './test-databases';
export { eventEnvelope, eventMessage } from './event-envelope';
export { jsonClient, type JsonResponse, type CallOptions } from './json-client';
