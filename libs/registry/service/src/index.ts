export { RegistryModule, type RegistryModuleOptions } from './registry.module';
