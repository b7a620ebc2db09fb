export { FixedClock } from './fixed-clock';
export { waitFor } from './wait-for';
export { startServiceProcess, type ServiceProcess } from './service-process';
export { createTestDatabases } from './test-databases';
