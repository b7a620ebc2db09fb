import type { Locale } from '../messages';

/** Group labels the fairness report uses (libs/audit/core/src/fairness), in the reader's language. */
function groupLabel(group: string, locale: Locale): string {
  const ordinal = /^(decile|quintile)s? (\d+)(?:–(\d+))?$/.exec(group);
  if (ordinal) {
    const [, unit, from, to] = ordinal;
    const span = to ? `${from}–${to}` : from;
    if (locale === 'en') return `${unit}${to ? 's' : ''} ${span}`;
    return `第 ${span} ${unit === 'decile' ? '十分位' : '五分位'}`;
  }
  const grade = /^grade (\d+)$/.exec(group);
  if (grade) return locale === 'en' ? group : `${grade[1]} 级资质`;
  const fixed: Record<string, string> = locale === 'en' ? {} : { 'cheaper half': '报价较低的一半', 'dearer half': '报价较高的一半', 'no quotes': '无竞价报价记录', unknown: '未知', other: '其他' };
  return fixed[group] ?? group;
}

export const FAIRNESS_TEXT = {
  'zh-CN': {
    heading: '公平性检验',
    summary: (draws: number, tests: number, alpha: number) =>
      `基于日志中的 ${draws} 次抽取，共 ${tests} 项事先确定的检验（整体显著性水平 ${alpha}，经加权 Holm 多重检验校正）。`,
    weighted: (n: number) => `其中 ${n} 次为信用择优抽取：每家机构的随机期望按承诺中公布的信用权重计算，而不是均等机会。`,
    weightedLeftOut: (n: number) => `另有 ${n} 次信用择优抽取不参与检验：它们的承诺记入日志时尚未公布权重，无从得知各机构的机会。`,
    noFlags: '没有需要关注的异常',
    flags: (n: number) => `${n} 项检验提示异常，请查看证据`,
    test: '检验',
    agency: '机构',
    evidence: '证据',
    observedExpected: '实际 / 随机期望',
    testNames: {
      'wins-against-chance': '中选次数与随机期望',
      'winner-position-uniformity': '中选者在候选池中的位置均匀性',
      'sign-up-order': '中选与报名先后无关',
      region: '中选与机构所在地无关',
      'qualification-grade': '中选与资质等级（规模）无关',
      'price-level': '中选与以往报价水平无关',
      'win-concentration': '各服务事项的中选集中度（HHI）',
    } as Record<string, string>,
    evidenceNames: {
      entered: '参与次数',
      wins: '中选次数',
      expected: '期望次数',
      draws: '抽取次数',
      degrees: '自由度',
      items: '服务事项数',
      simulations: '模拟次数',
      simulatedAtLeastAsConcentrated: '模拟中至少同样集中的次数',
    } as Record<string, string>,
    notRunHeading: '数据尚不足以运行的检验',
    notRun: (reason: string, have: number, need: number) =>
      reason === 'too-few-draws'
        ? `需要至少 ${need} 次可用的抽取，目前 ${have} 次`
        : reason === 'one-group'
          ? '日志中的机构只有一类，无从比较'
          : `最小的一组随机期望中选 ${have.toFixed(1)} 次，需要至少 ${need} 次`,
    group: (group: string) => groupLabel(group, 'zh-CN'),
  },
  en: {
    heading: 'Fairness tests',
    summary: (draws: number, tests: number, alpha: number) => `${tests} tests fixed in advance over the log's ${draws} draws (family-wise α = ${alpha}, weighted Holm correction).`,
    weighted: (n: number) => `${n} of them are credit-weighted draws: each firm's chance there is the one its committed credit weight gives it, not an equal share.`,
    weightedLeftOut: (n: number) => `${n} credit-weighted draws are left out: their commitments were logged before weights were published, so no firm's chance is known.`,
    noFlags: 'Nothing flagged',
    flags: (n: number) => `${n} tests flagged: look at the evidence`,
    test: 'Test',
    agency: 'Agency',
    evidence: 'Evidence',
    observedExpected: 'observed / expected by chance',
    testNames: {
      'wins-against-chance': 'wins against chance',
      'winner-position-uniformity': 'winner position uniformity',
      'sign-up-order': 'selection independent of sign-up order',
      region: 'selection independent of region',
      'qualification-grade': 'selection independent of grade (size)',
      'price-level': 'selection independent of past price level',
      'win-concentration': 'win concentration per service item (HHI)',
    } as Record<string, string>,
    evidenceNames: {
      entered: 'entered',
      wins: 'wins',
      expected: 'expected',
      draws: 'draws',
      degrees: 'degrees of freedom',
      items: 'items',
      simulations: 'simulations',
      simulatedAtLeastAsConcentrated: 'simulated at least as concentrated',
    } as Record<string, string>,
    notRunHeading: 'Tests waiting for more data',
    notRun: (reason: string, have: number, need: number) =>
      reason === 'too-few-draws'
        ? `needs at least ${need} usable draws, has ${have}`
        : reason === 'one-group'
          ? 'the log shows only one kind of firm: nothing to compare'
          : `its smallest group expects ${have.toFixed(1)} wins by chance, needs ${need}`,
    group: (group: string) => groupLabel(group, 'en'),
  },
} satisfies Record<Locale, unknown>;
