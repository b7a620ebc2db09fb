export { DrawModule, type DrawModuleOptions } from './draw.module';
