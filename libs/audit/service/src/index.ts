export { AuditModule, type AuditModuleOptions } from './audit.module';
