import { DEMO_CATEGORIES, DEMO_SERVICE_ITEMS } from './demo-catalog';
import { creditCodeCheckCharacter } from './unified-social-credit-code.value-object';

/** Demo data only: one generated firm of the demo directory, the same for the same index on every start. */
export interface DemoFirm {
  readonly name: string;
  readonly creditCode: string;
  readonly region: string;
  readonly qualifications: readonly { readonly serviceItemCode: string; readonly level: number }[];
}

const CITIES = [
  ['杭州', '330100'], ['宁波', '330200'], ['温州', '330300'], ['嘉兴', '330400'], ['湖州', '330500'], ['绍兴', '330600'],
  ['金华', '330700'], ['衢州', '330800'], ['舟山', '330900'], ['台州', '331000'], ['丽水', '331100'],
] as const;
const BRANDS = ['恒信', '华正', '远景', '中衡', '天成', '博远', '信诚', '同创', '明远', '正源', '国衡', '汇通', '安达', '瑞丰', '新禾', '启明', '立方', '中瀚', '诚德', '清源', '广厦', '百川'];
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// The hand-made demo firms and the first-run demo projects use these items; generated firms leave their pools as they are.
const CURATED_ITEMS = new Set(['EIA-REPORT', 'SURVEY-MAPPING', 'COST-CONSULT']);

function base31(n: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++, n = Math.floor(n / 31)) out = ALPHABET[n % 31] + out;
  return out;
}

/**
 * `count` firms spread over the demo catalog's categories and cities, each qualified (level 1–3) for one or two
 * items of its category, with valid GB 32100 credit codes (`9133xxxxMA` + a serial + the check character).
 */
export function demoDirectory(count: number): DemoFirm[] {
  const items = DEMO_SERVICE_ITEMS.filter((i) => !CURATED_ITEMS.has(i.code));
  const categories = DEMO_CATEGORIES.filter((c) => items.some((i) => i.categoryCode === c.code));
  return Array.from({ length: count }, (_, n) => {
    const [city, region] = CITIES[n % CITIES.length];
    const category = categories[(n * 7) % categories.length];
    const ofCategory = items.filter((i) => i.categoryCode === category.code);
    const first = ofCategory[n % ofCategory.length];
    const second = ofCategory.length > 1 && n % 3 === 0 ? ofCategory[(n + 1) % ofCategory.length] : null;
    const body = `91${region}MA${base31(n + 1000, 7)}`;
    return {
      name: `${city}${BRANDS[(n * 5) % BRANDS.length]}${category.name.zhCN}有限公司`,
      creditCode: body + creditCodeCheckCharacter(body),
      region,
      qualifications: [first, ...(second ? [second] : [])].map((item, k) => ({ serviceItemCode: item.code, level: Math.max(item.minimumLevel - ((n + k) % 2), 1) })),
    };
  });
}
