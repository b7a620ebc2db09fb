export { IdentityModule } from './identity.module';
export type { IdentityModuleOptions } from './identity-settings';
export { AccountFactory, type NewAccountCommand } from './application/commands/sign-up/sign-up.handler';
export { ApproveAccountHandler } from './application/commands/approve-account/approve-account.handler';
