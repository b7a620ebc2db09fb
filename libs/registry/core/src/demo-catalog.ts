import type { Bilingual, ServiceCategory, ServiceItemStandard } from './catalog.entity';

/**
 * Demo data only: a city-scale catalog of administrative-approval intermediary services, 16 categories and
 * 56 items, the size the report describes. Fee bases cite the national guide prices most provinces still
 * reference; figures are illustrative, not a tariff. Levels: 1 = 甲级 (grade A), 2 = 乙级, 3 = 丙级.
 */
export const DEMO_CATEGORIES: readonly ServiceCategory[] = [
  { code: 'EIA', name: { zhCN: '环境影响评价', en: 'Environmental impact assessment' } },
  { code: 'SURVEY', name: { zhCN: '测绘', en: 'Surveying and mapping' } },
  { code: 'CONSULT', name: { zhCN: '工程咨询', en: 'Engineering consulting' } },
  { code: 'COST', name: { zhCN: '工程造价咨询', en: 'Cost consulting' } },
  { code: 'APPRAISAL', name: { zhCN: '资产与不动产评估', en: 'Appraisal' } },
  { code: 'DESIGN', name: { zhCN: '规划与工程设计', en: 'Planning and design' } },
  { code: 'TESTING', name: { zhCN: '检验检测', en: 'Testing and inspection' } },
  { code: 'SAFETY', name: { zhCN: '安全评价', en: 'Safety assessment' } },
  { code: 'WATER', name: { zhCN: '水土保持与水资源', en: 'Soil, water conservation and water resources' } },
  { code: 'ENERGY', name: { zhCN: '节能评估', en: 'Energy-saving assessment' } },
  { code: 'GEO', name: { zhCN: '地质勘察与评估', en: 'Geological investigation and assessment' } },
  { code: 'TRAFFIC', name: { zhCN: '交通影响评价', en: 'Traffic impact assessment' } },
  { code: 'SEISMIC', name: { zhCN: '地震安全性评价', en: 'Seismic safety evaluation' } },
  { code: 'FIRE', name: { zhCN: '消防技术服务', en: 'Fire protection technical services' } },
  { code: 'ARCHIVE', name: { zhCN: '档案整理与数字化', en: 'Archives and digitisation' } },
  { code: 'LEGAL', name: { zhCN: '法律服务', en: 'Legal services' } },
];

const step = (zhCN: string, en: string): Bilingual => ({ zhCN, en });
const ENGAGE = step('签订委托合同，接收项目资料', 'Sign the engagement and receive the project documents');
const DELIVER = step('修改完善，提交正式成果', 'Revise and deliver the final results');

const STEPS = {
  assess: [ENGAGE, step('现场踏勘与调查', 'Site survey and investigation'), step('编制报告', 'Draft the report'), step('组织专家技术评审', 'Expert technical review'), DELIVER],
  survey: [ENGAGE, step('控制测量', 'Control survey'), step('外业测量', 'Field survey'), step('内业成图与两级质检', 'Office processing and two-level quality check'), DELIVER],
  test: [step('签订委托合同，确定检测方案', 'Sign the engagement and agree the test plan'), step('现场检测与取样', 'On-site testing and sampling'), step('实验室分析与数据审核', 'Laboratory analysis and data review'), step('出具检测报告', 'Issue the test report')],
  cost: [ENGAGE, step('核对工程量与计价', 'Check quantities and pricing'), step('与建设、施工单位三方核对', 'Reconcile with the owner and the contractor'), step('出具审核报告', 'Issue the review report')],
  appraise: [ENGAGE, step('实地查勘', 'On-site inspection'), step('市场调查与测算', 'Market research and valuation'), step('内部审核', 'Internal review'), step('出具评估报告', 'Issue the appraisal report')],
  design: [step('签订委托合同，确认设计条件', 'Sign the engagement and confirm the design brief'), step('方案设计', 'Scheme design'), step('初步设计', 'Preliminary design'), step('施工图设计', 'Construction drawings'), step('交付成果与设计交底', 'Handover and design briefing')],
  docs: [ENGAGE, step('审查与整理', 'Review and processing'), step('质量检查', 'Quality check'), step('出具成果', 'Deliver the results')],
} as const;

type Steps = keyof typeof STEPS;

function item(
  code: string,
  categoryCode: string,
  name: [string, string],
  content: [string, string],
  legalBasis: string,
  timeLimitWorkingDays: number,
  feeBasis: [string, string],
  standardFeeFen: number | null,
  qualificationType: string,
  minimumLevel: number,
  steps: Steps,
): ServiceItemStandard {
  return {
    code,
    categoryCode,
    name: { zhCN: name[0], en: name[1] },
    content: { zhCN: content[0], en: content[1] },
    legalBasis,
    timeLimitWorkingDays,
    processSteps: STEPS[steps],
    feeBasis: { zhCN: feeBasis[0], en: feeBasis[1] },
    standardFeeFen,
    qualificationType,
    minimumLevel,
  };
}

const yuan = (amount: number): number => amount * 100;

const EIA_FEE: [string, string] = ['参照《建设项目环境影响咨询收费标准》（计价格〔2002〕125号）按投资额分档计费', 'By the EIA consulting fee guide (Jijiage [2002] No. 125), banded by investment'];
const SURVEY_FEE: [string, string] = ['按《测绘生产成本费用定额》（财建〔2009〕17号）计费', 'By the surveying production cost quota (Caijian [2009] No. 17)'];
const CONSULT_FEE: [string, string] = ['参照《建设项目前期工作咨询收费暂行规定》（计价格〔1999〕1283号）计费', 'By the interim rules on pre-project consulting fees (Jijiage [1999] No. 1283)'];
const COST_FEE: [string, string] = ['按省工程造价咨询服务收费标准，以审定造价分档累进计费', 'By the provincial cost-consulting fee standard, progressive on the approved cost'];
const DESIGN_FEE: [string, string] = ['参照《工程勘察设计收费标准》（计价格〔2002〕10号）计费', 'By the survey and design fee standard (Jijiage [2002] No. 10)'];
const APPRAISAL_FEE: [string, string] = ['按省资产评估、房地产估价服务收费标准，以评估值分档累进计费', 'By the provincial appraisal fee standard, progressive on the appraised value'];
const TEST_FEE: [string, string] = ['按省建设工程质量检测收费标准按检测项目计费', 'By the provincial construction testing fee standard, per test item'];
const AREA_FEE: [string, string] = ['按省技术服务收费标准，以项目用地面积分档计费', 'By the provincial technical-service fee standard, banded by site area'];
const FIXED_FEE = (zhCN: string, en: string): [string, string] => [`按省物价部门核定标准：${zhCN}`, `Provincial approved fee: ${en}`];

export const DEMO_SERVICE_ITEMS: readonly ServiceItemStandard[] = [
  // 环境影响评价
  item('EIA-REPORT', 'EIA', ['环境影响报告书编制', 'Environmental impact report'], ['对可能造成重大环境影响的建设项目，全面评价其环境影响并提出防治措施', 'Full assessment of projects with significant environmental impact, with mitigation measures'], '《中华人民共和国环境影响评价法》第十六条', 45, EIA_FEE, null, 'ENVIRONMENTAL_IMPACT_ASSESSMENT', 2, 'assess'),
  item('EIA-TABLE', 'EIA', ['环境影响报告表编制', 'Environmental impact statement (table)'], ['对可能造成轻度环境影响的建设项目，分析或专项评价其环境影响', 'Analysis of projects with minor environmental impact'], '《中华人民共和国环境影响评价法》第十六条', 20, EIA_FEE, yuan(30000), 'ENVIRONMENTAL_IMPACT_ASSESSMENT', 3, 'assess'),
  item('EIA-ACCEPTANCE', 'EIA', ['建设项目竣工环境保护验收调查', 'Environmental completion acceptance survey'], ['调查环保设施建设与运行情况，编制竣工环境保护验收调查报告', 'Survey of environmental facilities and the completion acceptance report'], '《建设项目环境保护管理条例》第十七条', 30, EIA_FEE, null, 'ENVIRONMENTAL_IMPACT_ASSESSMENT', 3, 'assess'),
  item('EIA-EMERGENCY-PLAN', 'EIA', ['突发环境事件应急预案编制', 'Environmental emergency response plan'], ['开展环境风险评估与应急资源调查，编制突发环境事件应急预案', 'Environmental risk assessment, resource survey and the emergency plan'], '《中华人民共和国突发事件应对法》；《突发环境事件应急管理办法》', 20, EIA_FEE, yuan(15000), 'ENVIRONMENTAL_IMPACT_ASSESSMENT', 3, 'assess'),
  // 测绘
  item('SURVEY-MAPPING', 'SURVEY', ['地形图测绘', 'Topographic survey'], ['测绘1:500或1:1000地形图，供规划选址与设计使用', '1:500 or 1:1000 topographic mapping for siting and design'], '《中华人民共和国测绘法》', 15, SURVEY_FEE, null, 'SURVEYING_AND_MAPPING', 3, 'survey'),
  item('SURVEY-CADASTRAL', 'SURVEY', ['地籍测绘', 'Cadastral survey'], ['测定宗地界址点、界址线与面积，编制宗地图', 'Parcel boundary points, lines and area, with the parcel map'], '《中华人民共和国测绘法》；《不动产登记暂行条例》', 10, SURVEY_FEE, null, 'SURVEYING_AND_MAPPING', 3, 'survey'),
  item('SURVEY-BUILDING-AREA', 'SURVEY', ['房产面积测算', 'Building floor-area survey'], ['按房产测量规范测算建筑面积与分户面积', 'Gross and per-unit floor area by the property survey standard'], '《房产测量规范》（GB/T 17986）', 10, SURVEY_FEE, null, 'SURVEYING_AND_MAPPING', 3, 'survey'),
  item('SURVEY-SETOUT', 'SURVEY', ['规划放线测量', 'Planning set-out survey'], ['按规划许可放样建筑物位置并出具放线成果', 'Setting out building positions per the planning permit'], '《中华人民共和国城乡规划法》', 5, SURVEY_FEE, yuan(5000), 'SURVEYING_AND_MAPPING', 3, 'survey'),
  item('SURVEY-COMPLETION', 'SURVEY', ['规划竣工核实测量', 'Planning completion verification survey'], ['测量竣工建筑的位置、高度与面积，供规划核实', 'Position, height and area of the finished building for planning verification'], '《中华人民共和国城乡规划法》第四十五条', 10, SURVEY_FEE, null, 'SURVEYING_AND_MAPPING', 2, 'survey'),
  // 工程咨询
  item('CONSULT-PROPOSAL', 'CONSULT', ['项目建议书编制', 'Project proposal'], ['论证项目建设的必要性、规模与投资估算，编制项目建议书', 'Need, scale and cost estimate of the project in a proposal'], '《政府投资条例》第九条', 15, CONSULT_FEE, null, 'ENGINEERING_CONSULTING', 2, 'assess'),
  item('CONSULT-FEASIBILITY', 'CONSULT', ['可行性研究报告编制', 'Feasibility study report'], ['开展技术、经济、环境与社会可行性研究，编制可行性研究报告', 'Technical, economic, environmental and social feasibility study'], '《政府投资条例》第十条', 30, CONSULT_FEE, null, 'ENGINEERING_CONSULTING', 2, 'assess'),
  item('CONSULT-APPLICATION', 'CONSULT', ['项目申请报告编制', 'Project application report'], ['为核准类企业投资项目编制项目申请报告', 'Application report for enterprise projects subject to approval'], '《企业投资项目核准和备案管理条例》', 20, CONSULT_FEE, null, 'ENGINEERING_CONSULTING', 2, 'assess'),
  item('CONSULT-SOCIAL-RISK', 'CONSULT', ['社会稳定风险评估', 'Social stability risk assessment'], ['识别项目社会稳定风险，评估风险等级并提出防范化解措施', 'Identify and grade social stability risks, with mitigation'], '《重大固定资产投资项目社会稳定风险评估暂行办法》', 20, CONSULT_FEE, yuan(40000), 'ENGINEERING_CONSULTING', 3, 'assess'),
  // 工程造价咨询
  item('COST-CONSULT', 'COST', ['工程量清单及招标控制价编制', 'Bill of quantities and tender ceiling price'], ['编制工程量清单与招标控制价', 'Prepare the bill of quantities and the tender ceiling price'], '《建设工程工程量清单计价规范》（GB 50500）', 15, COST_FEE, null, 'COST_CONSULTING', 2, 'cost'),
  item('COST-BUDGET-REVIEW', 'COST', ['施工图预算审核', 'Construction budget review'], ['审核施工图预算的工程量、单价与取费', 'Review quantities, rates and charges of the construction budget'], '《建筑工程施工发包与承包计价管理办法》', 15, COST_FEE, null, 'COST_CONSULTING', 2, 'cost'),
  item('COST-SETTLEMENT-AUDIT', 'COST', ['工程结算审核', 'Settlement audit'], ['审核竣工结算，核定结算价款', 'Audit of the completion settlement and the amount due'], '《建设工程价款结算暂行办法》', 30, COST_FEE, null, 'COST_CONSULTING', 2, 'cost'),
  item('COST-FINAL-ACCOUNT', 'COST', ['竣工财务决算审计', 'Final account audit'], ['审计基本建设项目竣工财务决算', 'Audit of the final financial account of the capital project'], '《基本建设财务规则》', 30, COST_FEE, null, 'COST_CONSULTING', 2, 'cost'),
  // 评估
  item('APPRAISAL-LAND', 'APPRAISAL', ['土地估价', 'Land appraisal'], ['评估土地使用权价格，供出让、划拨与抵押使用', 'Land-use right valuation for grant, allocation or mortgage'], '《中华人民共和国资产评估法》；《城镇土地估价规程》', 10, APPRAISAL_FEE, null, 'LAND_APPRAISAL', 2, 'appraise'),
  item('APPRAISAL-REAL-ESTATE', 'APPRAISAL', ['房地产估价', 'Real estate appraisal'], ['评估房地产市场价值', 'Market value of real estate'], '《中华人民共和国资产评估法》；《房地产估价规范》', 10, APPRAISAL_FEE, null, 'REAL_ESTATE_APPRAISAL', 2, 'appraise'),
  item('APPRAISAL-ASSET', 'APPRAISAL', ['资产评估', 'Asset appraisal'], ['评估国有资产转让、置换涉及的资产价值', 'Valuation of state-owned assets for transfer or exchange'], '《中华人民共和国资产评估法》；《企业国有资产评估管理暂行办法》', 15, APPRAISAL_FEE, null, 'ASSET_APPRAISAL', 2, 'appraise'),
  item('APPRAISAL-EXPROPRIATION', 'APPRAISAL', ['国有土地上房屋征收评估', 'Expropriation compensation appraisal'], ['评估被征收房屋价值，确定补偿金额', 'Value of expropriated housing for compensation'], '《国有土地上房屋征收与补偿条例》第十九条', 20, APPRAISAL_FEE, null, 'REAL_ESTATE_APPRAISAL', 1, 'appraise'),
  // 规划与工程设计
  item('DESIGN-ARCH', 'DESIGN', ['建筑工程设计', 'Architectural design'], ['完成方案、初步设计与施工图设计', 'Scheme, preliminary design and construction drawings'], '《建设工程勘察设计管理条例》', 45, DESIGN_FEE, null, 'ARCHITECTURAL_DESIGN', 2, 'design'),
  item('DESIGN-LANDSCAPE', 'DESIGN', ['风景园林工程设计', 'Landscape design'], ['完成园林绿化工程的方案与施工图设计', 'Scheme and construction drawings of landscape works'], '《建设工程勘察设计管理条例》', 30, DESIGN_FEE, null, 'LANDSCAPE_DESIGN', 2, 'design'),
  item('DESIGN-MUNICIPAL', 'DESIGN', ['市政工程设计', 'Municipal engineering design'], ['道路、桥梁、给排水等市政工程设计', 'Design of roads, bridges, water supply and drainage'], '《建设工程勘察设计管理条例》', 40, DESIGN_FEE, null, 'MUNICIPAL_DESIGN', 2, 'design'),
  item('DESIGN-SITE-PLAN', 'DESIGN', ['修建性详细规划编制', 'Site development plan'], ['编制修建性详细规划及总平面设计', 'Detailed site development plan and master layout'], '《中华人民共和国城乡规划法》第二十一条', 30, DESIGN_FEE, null, 'URBAN_RURAL_PLANNING', 2, 'design'),
  // 检验检测
  item('TEST-BUILDING-QUALITY', 'TESTING', ['建设工程质量检测', 'Building quality testing'], ['对地基基础、主体结构与建筑材料进行见证取样检测', 'Witnessed testing of foundations, structure and materials'], '《建设工程质量检测管理办法》', 10, TEST_FEE, null, 'CONSTRUCTION_TESTING', 2, 'test'),
  item('TEST-PILE', 'TESTING', ['基桩检测', 'Pile testing'], ['开展基桩静载、低应变与声波透射检测', 'Static load, low-strain and sonic logging pile tests'], '《建筑基桩检测技术规范》（JGJ 106）', 10, TEST_FEE, null, 'CONSTRUCTION_TESTING', 2, 'test'),
  item('TEST-HOUSE-SAFETY', 'TESTING', ['房屋安全鉴定', 'Building safety appraisal'], ['鉴定既有房屋结构安全等级', 'Structural safety grade of an existing building'], '《危险房屋鉴定标准》（JGJ 125）', 15, TEST_FEE, yuan(8000), 'CONSTRUCTION_TESTING', 2, 'test'),
  item('TEST-ENV-MONITORING', 'TESTING', ['环境监测', 'Environmental monitoring'], ['监测废水、废气、噪声与土壤', 'Monitoring of wastewater, air emissions, noise and soil'], '《中华人民共和国环境保护法》；《检验检测机构资质认定管理办法》', 10, ['按省环境监测服务收费标准按监测因子计费', 'By the provincial environmental monitoring fee standard, per parameter'], null, 'ENVIRONMENTAL_MONITORING', 3, 'test'),
  item('TEST-LIGHTNING', 'TESTING', ['防雷装置检测', 'Lightning protection inspection'], ['检测新建、改建建筑防雷装置', 'Inspection of lightning protection on new or altered buildings'], '《中华人民共和国气象法》；《防雷减灾管理办法》', 7, FIXED_FEE('每栋3000元', 'CNY 3,000 per building'), yuan(3000), 'LIGHTNING_PROTECTION_TESTING', 2, 'test'),
  item('TEST-LIGHTNING-RISK', 'TESTING', ['雷电灾害风险评估', 'Lightning hazard risk assessment'], ['评估建设项目雷电灾害风险并提出防护建议', 'Lightning hazard risk of the project, with protection advice'], '《气象灾害防御条例》第二十三条', 15, FIXED_FEE('每项目20000元', 'CNY 20,000 per project'), yuan(20000), 'LIGHTNING_PROTECTION_TESTING', 2, 'assess'),
  // 安全评价
  item('SAFETY-PRE-ASSESS', 'SAFETY', ['安全预评价', 'Safety pre-assessment'], ['在可行性研究阶段辨识危险有害因素并评价安全条件', 'Hazard identification and safety conditions at feasibility stage'], '《中华人民共和国安全生产法》第三十二条', 20, ['按省安全评价服务收费标准计费', 'By the provincial safety assessment fee standard'], null, 'SAFETY_ASSESSMENT', 2, 'assess'),
  item('SAFETY-ACCEPTANCE', 'SAFETY', ['安全验收评价', 'Safety acceptance assessment'], ['评价安全设施与主体工程同时设计、施工、投用情况', 'Assessment of safety facilities built and operated with the works'], '《中华人民共和国安全生产法》第三十四条', 20, ['按省安全评价服务收费标准计费', 'By the provincial safety assessment fee standard'], null, 'SAFETY_ASSESSMENT', 2, 'assess'),
  item('SAFETY-OCC-HEALTH', 'SAFETY', ['职业病危害预评价', 'Occupational disease hazard pre-assessment'], ['预测职业病危害因素并提出防护措施', 'Forecast occupational hazards and protective measures'], '《中华人民共和国职业病防治法》第十七条', 20, ['按省职业卫生技术服务收费标准计费', 'By the provincial occupational health fee standard'], null, 'OCCUPATIONAL_HEALTH', 2, 'assess'),
  // 水土保持与水资源
  item('WATER-SOIL-PLAN', 'WATER', ['水土保持方案编制', 'Soil and water conservation plan'], ['编制生产建设项目水土保持方案报告书（表）', 'Soil and water conservation plan of the project'], '《中华人民共和国水土保持法》第二十五条', 20, AREA_FEE, null, 'SOIL_WATER_CONSERVATION', 3, 'assess'),
  item('WATER-SOIL-ACCEPTANCE', 'WATER', ['水土保持设施验收报告编制', 'Soil and water conservation facility acceptance'], ['调查水土保持措施落实情况，编制验收报告', 'Survey of implemented measures and the acceptance report'], '《中华人民共和国水土保持法》第二十七条', 20, AREA_FEE, null, 'SOIL_WATER_CONSERVATION', 3, 'assess'),
  item('WATER-RESOURCE', 'WATER', ['水资源论证', 'Water resources assessment'], ['论证取水水源、用水合理性与退水影响', 'Source, rationality of use and discharge impact of water withdrawal'], '《取水许可和水资源费征收管理条例》', 20, ['按省水资源论证收费标准计费', 'By the provincial water resources assessment fee standard'], yuan(30000), 'WATER_RESOURCES_ASSESSMENT', 2, 'assess'),
  item('WATER-FLOOD-IMPACT', 'WATER', ['防洪影响评价', 'Flood impact assessment'], ['评价涉河建设项目对防洪的影响', 'Flood impact of works in or across a river'], '《中华人民共和国防洪法》第二十七条', 25, ['按省防洪评价收费标准计费', 'By the provincial flood assessment fee standard'], null, 'HYDRAULIC_CONSULTING', 2, 'assess'),
  // 节能评估
  item('ENERGY-ASSESS', 'ENERGY', ['固定资产投资项目节能报告编制', 'Energy-saving assessment report'], ['分析项目能源消费与能效水平，编制节能报告', 'Energy consumption and efficiency analysis in the energy report'], '《固定资产投资项目节能审查办法》', 15, CONSULT_FEE, yuan(25000), 'ENGINEERING_CONSULTING', 3, 'assess'),
  item('ENERGY-AUDIT', 'ENERGY', ['能源审计', 'Energy audit'], ['审计用能单位能源利用状况', 'Audit of an energy user\u2019s consumption'], '《中华人民共和国节约能源法》', 20, CONSULT_FEE, yuan(30000), 'ENGINEERING_CONSULTING', 3, 'assess'),
  // 地质
  item('GEO-HAZARD', 'GEO', ['地质灾害危险性评估', 'Geological hazard assessment'], ['评估建设用地地质灾害危险性与适宜性', 'Geological hazard risk and site suitability'], '《地质灾害防治条例》第二十一条', 20, AREA_FEE, null, 'GEOLOGICAL_HAZARD_ASSESSMENT', 2, 'assess'),
  item('GEO-INVESTIGATION', 'GEO', ['岩土工程勘察', 'Geotechnical investigation'], ['开展钻探、原位测试与土工试验，编制勘察报告', 'Drilling, in-situ and laboratory tests and the investigation report'], '《建设工程勘察设计管理条例》', 25, DESIGN_FEE, null, 'GEOTECHNICAL_INVESTIGATION', 2, 'survey'),
  item('GEO-MINERAL-OVERLAY', 'GEO', ['压覆矿产资源评估', 'Overlying mineral resources assessment'], ['查明建设项目压覆重要矿产资源情况', 'Whether the project overlies important mineral resources'], '《中华人民共和国矿产资源法》第三十三条', 15, AREA_FEE, yuan(20000), 'GEOLOGICAL_SURVEY', 2, 'assess'),
  // 交通影响评价
  item('TRAFFIC-IMPACT', 'TRAFFIC', ['建设项目交通影响评价', 'Traffic impact assessment'], ['预测项目交通需求，评价对周边路网影响并提出改善措施', 'Traffic demand, impact on the network and improvements'], '《建设项目交通影响评价技术标准》（CJJ/T 141）', 20, ['按省交通影响评价收费标准，以建筑面积分档计费', 'By the provincial traffic assessment fee standard, banded by floor area'], null, 'TRANSPORT_PLANNING', 2, 'assess'),
  item('TRAFFIC-ROAD-SAFETY', 'TRAFFIC', ['公路安全评价', 'Highway safety evaluation'], ['评价涉路施工对公路安全的影响', 'Impact of works on or near a highway on its safety'], '《公路安全保护条例》第二十七条', 15, ['按省公路安全评价收费标准计费', 'By the provincial highway safety evaluation fee standard'], yuan(25000), 'HIGHWAY_CONSULTING', 2, 'assess'),
  // 地震安全性评价
  item('SEISMIC-SAFETY', 'SEISMIC', ['地震安全性评价', 'Seismic safety evaluation'], ['确定场地设计地震动参数与地震地质灾害', 'Site ground-motion parameters and seismic geohazards'], '《中华人民共和国防震减灾法》第三十四条', 30, ['按省地震安全性评价收费标准计费', 'By the provincial seismic evaluation fee standard'], null, 'SEISMIC_SAFETY_EVALUATION', 2, 'assess'),
  item('SEISMIC-ACTIVE-FAULT', 'SEISMIC', ['活动断层探测', 'Active fault detection'], ['探测场地活动断层位置与活动性', 'Location and activity of faults at the site'], '《中华人民共和国防震减灾法》', 30, ['按省地震安全性评价收费标准计费', 'By the provincial seismic evaluation fee standard'], null, 'SEISMIC_SAFETY_EVALUATION', 1, 'survey'),
  // 消防技术服务
  item('FIRE-INSPECTION', 'FIRE', ['消防设施检测', 'Fire protection system inspection'], ['检测建筑消防设施功能与联动', 'Function and interlock testing of fire protection systems'], '《中华人民共和国消防法》第三十四条；《社会消防技术服务管理规定》', 10, ['按省消防技术服务收费标准，以建筑面积计费', 'By the provincial fire service fee standard, per floor area'], null, 'FIRE_TECHNICAL_SERVICE', 2, 'test'),
  item('FIRE-ASSESSMENT', 'FIRE', ['消防安全评估', 'Fire safety assessment'], ['评估单位或建筑消防安全状况', 'Fire safety of a building or organisation'], '《中华人民共和国消防法》第三十四条', 15, ['按省消防技术服务收费标准计费', 'By the provincial fire service fee standard'], yuan(15000), 'FIRE_TECHNICAL_SERVICE', 2, 'assess'),
  item('FIRE-PERFORMANCE-DESIGN', 'FIRE', ['特殊消防设计技术资料编制', 'Performance-based fire design dossier'], ['编制特殊消防设计技术资料与性能化分析报告', 'Performance-based fire design and analysis report'], '《建设工程消防设计审查验收管理暂行规定》第十七条', 30, DESIGN_FEE, null, 'FIRE_TECHNICAL_SERVICE', 1, 'design'),
  // 档案整理与数字化
  item('ARCHIVE-PROJECT-FILES', 'ARCHIVE', ['建设工程档案整理', 'Construction project archive compilation'], ['整理建设工程文件并组卷，供城建档案馆验收', 'Compile and bind project records for the urban construction archive'], '《中华人民共和国档案法》；《建设工程文件归档规范》（GB/T 50328）', 20, ['按省档案整理服务收费标准按卷计费', 'By the provincial archive service fee standard, per volume'], null, 'ARCHIVE_SERVICE', 3, 'docs'),
  item('ARCHIVE-DIGITISATION', 'ARCHIVE', ['档案数字化加工', 'Archive digitisation'], ['扫描、著录与挂接纸质档案', 'Scanning, indexing and linking of paper records'], '《纸质档案数字化规范》（DA/T 31）', 30, FIXED_FEE('每页0.8元', 'CNY 0.80 per page'), 80, 'ARCHIVE_SERVICE', 3, 'docs'),
  item('ARCHIVE-ACCEPTANCE-CHECK', 'ARCHIVE', ['档案专项验收咨询', 'Archive acceptance consulting'], ['指导重大建设项目档案专项验收准备', 'Preparing the archive acceptance of a major project'], '《重大建设项目档案验收办法》', 15, ['按省档案服务收费标准计费', 'By the provincial archive service fee standard'], yuan(10000), 'ARCHIVE_SERVICE', 2, 'docs'),
  // 法律服务
  item('LEGAL-OPINION', 'LEGAL', ['法律意见书出具', 'Legal opinion'], ['就项目合法合规性出具法律意见书', 'Legal opinion on the project\u2019s compliance'], '《中华人民共和国律师法》', 10, ['按省律师服务收费管理办法计费', 'By the provincial lawyers\u2019 fee rules'], yuan(20000), 'LAW_FIRM', 3, 'docs'),
  item('LEGAL-DUE-DILIGENCE', 'LEGAL', ['法律尽职调查', 'Legal due diligence'], ['调查项目主体、资产与权属的法律状况', 'Legal status of the parties, assets and titles'], '《中华人民共和国律师法》', 20, ['按省律师服务收费管理办法计费', 'By the provincial lawyers\u2019 fee rules'], null, 'LAW_FIRM', 3, 'docs'),
  item('LEGAL-CONTRACT-REVIEW', 'LEGAL', ['政府合同合法性审查', 'Government contract legality review'], ['审查政府投资项目合同的合法性与风险', 'Legality and risks of a public project contract'], '《中华人民共和国律师法》；《政府投资条例》', 5, ['按省律师服务收费管理办法计费', 'By the provincial lawyers\u2019 fee rules'], yuan(5000), 'LAW_FIRM', 3, 'docs'),
];
