export { IdentityModule } from './identity.module';
export type { IdentityModuleOptions } from './identity-settings';
export { CreateAccountHandler, type NewAccountCommand } from './application/commands/create-account/create-account.handler';
export { ApproveAccountHandler } from './application/commands/approve-account/approve-account.handler';
