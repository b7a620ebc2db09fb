import type { Locale } from '../messages';

type TestName = 'co-bidding' | 'quote-spread' | 'identical-quotes' | 'repeated-declines';

interface CollusionText {
  readonly heading: string;
  readonly intro: string;
  readonly summary: (rounds: number, tests: number) => string;
  readonly correction: (alpha: string, familyRate: string) => string;
  readonly noTests: string;
  readonly noFlags: string;
  readonly flagged: (n: number) => string;
  readonly flagsHeading: string;
  readonly lead: string;
  readonly testsHeading: string;
  readonly methodsHeading: string;
  readonly test: string;
  readonly agencies: string;
  readonly round: string;
  readonly statistic: string;
  readonly pValue: string;
  readonly threshold: string;
  readonly pAgainstThreshold: (p: string, threshold: string) => string;
  readonly flag: string;
  readonly yes: string;
  readonly no: string;
  readonly names: Record<TestName, string>;
  readonly hypotheses: Record<TestName, string>;
  readonly models: Record<TestName, string>;
  readonly when: Record<TestName, string>;
  readonly evidence: {
    readonly rounds: (n: number) => string;
    readonly eachBid: (a: string, n: number, b: string, m: number) => string;
    readonly together: (k: number, expected: string) => string;
    readonly items: string;
    readonly sharedRounds: string;
    readonly project: string;
    readonly prices: string;
    readonly spread: (spread: string, typical: string) => string;
    readonly jointRounds: (n: number) => string;
    readonly identicalRounds: (n: number, expected: string) => string;
    readonly declines: (d: number, a: number, rate: string) => string;
    readonly declinedProjects: string;
    readonly nextAwarded: string;
    readonly times: (n: number) => string;
    readonly more: (n: number) => string;
    readonly yuan: (amount: string) => string;
  };
}

export const COLLUSION_TEXT: Record<Locale, CollusionText> = {
  'zh-CN': {
    heading: '串通迹象分析',
    intro: '以下检验及其显著性水平事先确定并公开，只读取审计日志中已截止的竞价轮次与中选、放弃记录。提示仅是需要核查的线索，不是串通的认定。',
    summary: (rounds, tests) => `基于日志中 ${rounds} 轮已截止的竞价，共进行 ${tests} 项检验。`,
    correction: (alpha, rate) => `整份报告的全部 p 值作为一个检验族，经 Holm–Bonferroni 校正，α = ${alpha}：整份报告出现任何一次误报的概率不超过 ${rate}。`,
    noTests: '日志中的竞价记录尚不足以进行任何检验（各检验的最低数据量见下文）。',
    noFlags: '校正后没有需要关注的提示。',
    flagged: (n) => `校正后有 ${n} 项提示，请查看证据。`,
    flagsHeading: '提示及其证据',
    lead: '线索，需人工核查',
    testsHeading: '全部检验',
    methodsHeading: '检验方法（事先确定）',
    test: '检验',
    agencies: '机构',
    round: '竞价轮次',
    statistic: '统计量',
    pValue: 'p 值',
    threshold: 'Holm 阈值',
    pAgainstThreshold: (p, threshold) => `p = ${p} ≤ Holm 阈值 ${threshold}`,
    flag: '提示',
    yes: '是',
    no: '否',
    names: { 'co-bidding': '共同投标', 'quote-spread': '报价过度集中', 'identical-quotes': '报价雷同', 'repeated-declines': '反复放弃中选' },
    hypotheses: {
      'co-bidding': '两家机构共同参加竞价的次数多于偶然（陪标：一方参加只为落选）。',
      'quote-spread': '同一轮的报价比竞争性报价集中得多。',
      'identical-quotes': '同样两家机构一再报出相同的价格（差距不超过报价的最小单位）。',
      'repeated-declines': '某机构放弃中选的比例高于其他机构（转让项目、轮流中选）。',
    },
    models: {
      'co-bidding': '在两家都投过的服务事项的各轮中，单侧 Fisher 精确检验 P(X ≥ 共同轮数)，X 服从超几何分布。',
      'quote-spread': '报价取对数后服从正态分布，方差由其他轮次合并估计；(n − 1)s²/σ² 对照 χ²(n − 1) 的下尾。',
      'identical-quotes': '每轮两报价偶然相同的概率由合并方差求得；相同轮数近似服从泊松分布，取上尾。',
      'repeated-declines': '放弃次数对照二项分布 B(中选次数, p₀)，p₀ 为其他机构的放弃率（各加半次）。',
    },
    when: {
      'co-bidding': '两家各自至少参加 5 轮相关竞价',
      'quote-spread': '本轮至少 3 个有效报价，合并自由度至少 30',
      'identical-quotes': '两家至少在 2 轮中都有有效报价',
      'repeated-declines': '至少 3 次中选',
    },
    evidence: {
      rounds: (n) => `相关竞价 ${n} 轮`,
      eachBid: (a, n, b, m) => `${a} 参加 ${n} 轮，${b} 参加 ${m} 轮`,
      together: (k, expected) => `共同参加 ${k} 轮（偶然期望 ${expected} 轮）`,
      items: '服务事项',
      sharedRounds: '共同参加的轮次',
      project: '项目',
      prices: '有效报价',
      spread: (spread, typical) => `本轮报价离散度 ${spread}，通常为 ${typical}`,
      jointRounds: (n) => `两家都有有效报价的轮次 ${n} 轮`,
      identicalRounds: (n, expected) => `报价相同 ${n} 轮（偶然期望 ${expected} 轮）`,
      declines: (d, a, rate) => `中选 ${a} 次，放弃 ${d} 次；其他机构的放弃率 ${rate}`,
      declinedProjects: '放弃的项目',
      nextAwarded: '随后中选的机构',
      times: (n) => `${n} 次`,
      more: (n) => `（另有 ${n} 项未列出）`,
      yuan: (amount) => `${amount} 元`,
    },
  },
  en: {
    heading: 'Signs of collusion',
    intro: 'These tests and their significance were fixed in advance and published; they read only the closed bidding rounds, awards and declines in the audit log. A flag is a lead to look into, not a finding of collusion.',
    summary: (rounds, tests) => `${tests} ${tests === 1 ? 'test' : 'tests'} over ${rounds} closed bidding ${rounds === 1 ? 'round' : 'rounds'} in the log.`,
    correction: (alpha, rate) => `All p-values of the report are one family, corrected with Holm–Bonferroni at α = ${alpha}: the chance of any false alarm anywhere in the report is at most ${rate}.`,
    noTests: 'The log does not yet hold enough bidding to run any test (each test’s minimum is below).',
    noFlags: 'Nothing is flagged after the correction.',
    flagged: (n) => `${n} ${n === 1 ? 'flag' : 'flags'} after the correction; see the evidence.`,
    flagsHeading: 'Flags and their evidence',
    lead: 'a lead to check',
    testsHeading: 'Every test',
    methodsHeading: 'The tests (fixed in advance)',
    test: 'Test',
    agencies: 'Agencies',
    round: 'Bidding round',
    statistic: 'Statistic',
    pValue: 'p-value',
    threshold: 'Holm threshold',
    pAgainstThreshold: (p, threshold) => `p = ${p} ≤ Holm threshold ${threshold}`,
    flag: 'Flag',
    yes: 'yes',
    no: 'no',
    names: { 'co-bidding': 'Co-bidding', 'quote-spread': 'Clustered quotes', 'identical-quotes': 'Identical quotes', 'repeated-declines': 'Repeated declines' },
    hypotheses: {
      'co-bidding': 'Two firms bid together more often than chance (cover bidding: one enters to lose).',
      'quote-spread': 'A round’s quotes are far more tightly clustered than competitive quotes.',
      'identical-quotes': 'The same two firms quote the same price again and again (within one step of the quote grid).',
      'repeated-declines': 'A firm declines its awards more often than the others (handing work on, bid rotation).',
    },
    models: {
      'co-bidding': 'Over the rounds of the items both bid on: one-sided Fisher exact test, P(X ≥ rounds together), X hypergeometric.',
      'quote-spread': 'Log prices normal with a variance pooled from the other rounds; (n − 1)s²/σ² against the lower tail of χ²(n − 1).',
      'identical-quotes': 'Each round’s chance of two equal quotes from the pooled variance; the count of equal rounds about Poisson, upper tail.',
      'repeated-declines': 'Declines against Binomial(awards, p₀), p₀ the other firms’ decline rate with half a decline added.',
    },
    when: {
      'co-bidding': 'each firm bid in at least 5 of the rounds concerned',
      'quote-spread': 'at least 3 valid quotes in the round and 30 pooled degrees of freedom',
      'identical-quotes': 'the two quoted validly in at least 2 of the same rounds',
      'repeated-declines': 'at least 3 awards',
    },
    evidence: {
      rounds: (n) => `${n} rounds concerned`,
      eachBid: (a, n, b, m) => `${a} bid in ${n}, ${b} in ${m}`,
      together: (k, expected) => `together in ${k} (${expected} expected by chance)`,
      items: 'Service items',
      sharedRounds: 'Rounds together',
      project: 'Project',
      prices: 'Valid quotes',
      spread: (spread, typical) => `spread of this round ${spread}, typically ${typical}`,
      jointRounds: (n) => `${n} rounds where both quoted validly`,
      identicalRounds: (n, expected) => `identical in ${n} (${expected} expected by chance)`,
      declines: (d, a, rate) => `${a} awards, ${d} declined; the other firms decline ${rate}`,
      declinedProjects: 'Declined projects',
      nextAwarded: 'Awarded next',
      times: (n) => `${n}×`,
      more: (n) => `(${n} more not listed)`,
      yuan: (amount) => `¥${amount}`,
    },
  },
};
