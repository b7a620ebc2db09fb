export { Agency, type AgencyState, type AgencyEvent, type Qualification } from './agency.entity';
export { statusTransitionMustBeAllowed, type AgencyStatus } from './agency-status';
export { UnifiedSocialCreditCode, creditCodeCheckCharacter } from './unified-social-credit-code.value-object';
