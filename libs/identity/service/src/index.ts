export { IdentityModule, type IdentityModuleOptions } from './identity.module';
