import type { Locale } from '../messages';

export interface VerifyMessages {
  readonly heading: string;
  readonly intro: string;
  readonly drawIdLabel: string;
  readonly load: string;
  readonly recordLabel: string;
  readonly verify: string;
  readonly loading: string;
  readonly notFound: string;
  readonly notRevealed: string;
  readonly badJson: string;
  readonly verifies: (drawId: string) => string;
  readonly fails: (check: string) => string;
  readonly checkNames: Readonly<Record<string, string>>;
  /** A weighted draw's pool check covers its weights too. */
  readonly weightedPoolHash: string;
  readonly weighted: (firms: number, totalWeight: number) => string;
  readonly ranLocally: string;
}

export const VERIFY_MESSAGES: Record<Locale, VerifyMessages> = {
  'zh-CN': {
    heading: '核验一次抽取',
    intro: '输入抽取编号，或粘贴公示的抽取记录。核验在您的浏览器中完成，使用与平台相同的算法代码，无需信任本网站。',
    drawIdLabel: '抽取编号',
    load: '读取记录',
    recordLabel: '抽取记录（JSON）',
    verify: '核验',
    loading: '正在读取…',
    notFound: '找不到该抽取',
    notRevealed: '该抽取尚未揭晓：见证人录入全部数值后自动揭晓。',
    badJson: '记录不是有效的 JSON',
    verifies: (id) => `抽取 ${id} 核验通过`,
    fails: (check) => `核验未通过：${check}`,
    checkNames: {
      algorithm: '算法标识',
      'pool-order': '候选池顺序',
      'pool-hash': '候选池哈希',
      exclusions: '排除名单',
      commitment: '承诺值',
      entropy: '外部随机数',
      seed: '随机种子',
      result: '抽取结果',
    },
    weightedPoolHash: '候选池与权重哈希',
    weighted: (firms, total) => `信用择优抽取：候选池 ${firms} 家机构各带公布的权重（合计 ${total}），按权重不放回抽取；权重随承诺公布并计入随机种子。`,
    ranLocally: '以下每一项均在本浏览器中重新计算。',
  },
  en: {
    heading: 'Verify a draw',
    intro: 'Enter a draw id, or paste a published draw record. The check runs in your browser, with the same code the platform uses — you do not have to trust this site.',
    drawIdLabel: 'Draw id',
    load: 'Load record',
    recordLabel: 'Draw record (JSON)',
    verify: 'Verify',
    loading: 'Loading…',
    notFound: 'No such draw',
    notRevealed: 'This draw is not revealed yet: it reveals itself when the last witness value is entered.',
    badJson: 'The record is not valid JSON',
    verifies: (id) => `Draw ${id} verifies`,
    fails: (check) => `Does not verify: ${check}`,
    checkNames: {
      algorithm: 'algorithm',
      'pool-order': 'pool order',
      'pool-hash': 'pool hash',
      exclusions: 'exclusions',
      commitment: 'commitment',
      entropy: 'entropy',
      seed: 'seed',
      result: 'result',
    },
    weightedPoolHash: 'pool and weights hash',
    weighted: (firms, total) => `Credit-weighted draw: each of the ${firms} firms in the pool carries its published weight (${total} in all), drawn by weight without replacement; the weights were committed and enter the seed.`,
    ranLocally: 'Every line below was recomputed in this browser.',
  },
};
