export const CLOCK = Symbol('Clock');
export const MESSAGING_OPTIONS = Symbol('MessagingOptions');
export const SERVICE_PLATFORM_OPTIONS = Symbol('ServicePlatformModuleOptions');
