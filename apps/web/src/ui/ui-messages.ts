import type { Locale } from '../messages';

export const UI_TEXT: Record<Locale, { working: string; network: string; serverError: string; loading: string; fieldError: (label: string, detail: string) => string; codes: Record<string, string> }> = {
  'zh-CN': {
    working: '正在处理…',
    loading: '正在读取…',
    network: '无法连接服务器',
    serverError: '服务器出错，请稍后再试',
    fieldError: (label, detail) => `「${label}」有误：${detail}`,
    codes: {
      'VALIDATION.FAILED': '输入不符合要求',
      'AUTH.UNAUTHENTICATED': '请先登录',
      'AUTH.INVALID_TOKEN': '登录已失效，请重新登录',
      'AUTH.FORBIDDEN': '当前角色无权进行此操作',
      'IDENTITY.INVALID_CREDENTIALS': '用户名或密码错误',
      'IDENTITY.ACCOUNT_LOCKED': '账户已被临时锁定',
      'IDENTITY.ACCOUNT_PENDING': '账户尚待管理员审核',
      'IDENTITY.TOO_MANY_ATTEMPTS': '尝试次数过多，请稍后再试',
      'PROJECTS.WRONG_STATUS': '项目当前状态不允许此操作',
      'PROJECTS.SIGN_UP_WINDOW_TOO_SHORT': '报名期太短',
      'BIDDING.DEADLINE_PASSED': '竞价已截止',
    },
  },
  en: {
    working: 'Working…',
    loading: 'Loading…',
    network: 'The server cannot be reached',
    serverError: 'The server failed; try again later',
    fieldError: (label, detail) => `${label}: ${detail}`,
    codes: {},
  },
};
