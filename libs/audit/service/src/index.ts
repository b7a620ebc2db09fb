export { AuditModule, type AuditModuleOptions } from './audit.module';
export { AUDITED_TOPICS, DEFAULT_LOG_ORIGIN, type AuditLogSettings } from './audit-settings';
