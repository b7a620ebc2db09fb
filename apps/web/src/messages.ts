export type Locale = 'zh-CN' | 'en';

export interface Messages {
  readonly title: string;
  readonly subtitle: string;
  readonly purpose: string;
  readonly switchTo: string;
  readonly statusHeading: string;
  readonly checking: string;
  readonly reachable: (service: string) => string;
  readonly unreachable: string;
  readonly servicesHeading: string;
  readonly refresh: string;
  readonly navHome: string;
  readonly navVerify: string;
  readonly navDirectory: string;
  readonly navStatistics: string;
  readonly navObservedDraws: string;
  readonly navOwnerProjects: string;
  readonly navPostProject: string;
  readonly navAgencyProjects: string;
  readonly navAgencyRecord: string;
  readonly navAccounts: string;
  readonly navRegistration: string;
  readonly navRegistrations: string;
  readonly navCatalog: string;
  readonly navImports: string;
  readonly navSupervision: string;
  readonly navSanctions: string;
  readonly navVerifyLog: string;
  readonly navCollusion: string;
  readonly navLabel: string;
  readonly login: string;
  readonly logout: string;
  readonly notFound: string;
  readonly needsRole: (roles: string) => string;
  readonly language: string;
}

export const MESSAGES: Record<Locale, Messages> = {
  'zh-CN': {
    title: '网上中介超市',
    subtitle: 'Intermediary-Service Marketplace',
    purpose:
      '网上中介超市是项目业主选取中介服务机构的公开平台：通过任何人都无法操纵的随机抽取，或通过密封竞价确定中选机构；' +
      '每一次抽取和评审的结果都附有可公开核验的依据，任何人都能独立验证其公正。',
    switchTo: 'English',
    statusHeading: '后台状态',
    checking: '正在检查…',
    reachable: (service) => `${service} 运行正常`,
    unreachable: '无法连接后台服务',
    servicesHeading: '各项服务',
    refresh: '重新检查',
    navHome: '首页',
    navVerify: '核验抽取',
    navDirectory: '机构名录',
    navStatistics: '统计',
    navObservedDraws: '我见证的抽取',
    navOwnerProjects: '我的项目',
    navPostProject: '发布项目',
    navAgencyProjects: '报名与竞价',
    navAgencyRecord: '本机构信用',
    navAccounts: '账户审核',
    navRegistration: '入驻申请',
    navRegistrations: '入驻审核',
    navCatalog: '服务目录',
    navImports: '批量导入',
    navSupervision: '项目监督',
    navSanctions: '暂停与黑名单',
    navVerifyLog: '核验日志',
    navCollusion: '串通分析',
    navLabel: '主导航',
    login: '登录',
    logout: '退出',
    notFound: '页面不存在',
    needsRole: (roles) => `此页面需要以${roles}身份登录。`,
    language: '语言',
  },
  en: {
    title: 'Intermediary-Service Marketplace',
    subtitle: '网上中介超市',
    purpose:
      'An open marketplace where public project owners choose intermediary service providers: by a random draw that ' +
      'nobody can rig, or by sealed bidding. Every draw and every evaluation comes with public evidence, so anyone can ' +
      'verify for themselves that the outcome was fair.',
    switchTo: '中文',
    statusHeading: 'Backend status',
    checking: 'Checking…',
    reachable: (service) => `${service} is up`,
    unreachable: 'The backend cannot be reached',
    servicesHeading: 'Services',
    refresh: 'Check again',
    navHome: 'Home',
    navVerify: 'Verify a draw',
    navDirectory: 'Agencies',
    navStatistics: 'Statistics',
    navObservedDraws: 'Draws I witness',
    navOwnerProjects: 'My projects',
    navPostProject: 'Post a project',
    navAgencyProjects: 'Sign up & bid',
    navAgencyRecord: 'Our record',
    navAccounts: 'Accounts',
    navRegistration: 'Registration',
    navRegistrations: 'Registrations',
    navCatalog: 'Catalog',
    navImports: 'Bulk import',
    navSupervision: 'Supervision',
    navSanctions: 'Sanctions',
    navVerifyLog: 'Verify the log',
    navCollusion: 'Collusion',
    navLabel: 'Main',
    login: 'Sign in',
    logout: 'Sign out',
    notFound: 'No such page',
    needsRole: (roles) => `Sign in as ${roles} to use this page.`,
    language: 'Language',
  },
};

export function initialLocale(): Locale {
  const saved = localStorage.getItem('locale');
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
