import type { Locale } from '../messages';

export const PROGRESS_TEXT: Record<
  Locale,
  { readonly of: (loaded: string, total: string, percent: number) => string; readonly soFar: (loaded: string) => string; readonly sending: string; readonly receiving: string }
> = {
  'zh-CN': {
    of: (loaded, total, percent) => `${loaded} / ${total}（${percent}%）`,
    soFar: (loaded) => `已接收 ${loaded}`,
    sending: '正在上传',
    receiving: '正在下载',
  },
  en: {
    of: (loaded, total, percent) => `${loaded} of ${total} (${percent} %)`,
    soFar: (loaded) => `${loaded} so far`,
    sending: 'Uploading',
    receiving: 'Downloading',
  },
};
