export { DrawModule, type DrawModuleOptions } from './draw.module';
export { drandRelaySettingsFrom, type DrandRelaySettings } from './infrastructure/drand-relays';
