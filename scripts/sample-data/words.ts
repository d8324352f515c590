// Word lists for realistic Zhangjiagang data. Names of companies are composed from
// common trade-name characters so they look local without copying real registrations;
// manufacturers are real, well-known makers (their names appear on every nameplate).

export interface Town {
  name: string;
  /** as written in addresses */
  label: string;
  roads: readonly string[];
  parks: readonly string[];
}

export const TOWNS: readonly Town[] = [
  { name: '塘桥', label: '塘桥镇', roads: ['人民路', '南京路', '富民路', '北京路', '韩山路', '鹿苑东路', '妙桥中路', '金塘路'], parks: ['塘桥工业园', '鹿苑工业园', '妙桥工业集中区'] },
  { name: '杨舍', label: '杨舍镇', roads: ['人民中路', '暨阳中路', '长安南路', '沙洲西路', '港城大道', '国泰北路', '梁丰路', '东二环路'], parks: ['张家港经济技术开发区', '东城工业园'] },
  { name: '金港', label: '金港街道', roads: ['长江中路', '港丰公路', '黄泗浦路', '江海路', '后塍北路', '德积中路'], parks: ['张家港保税区', '扬子江国际化学工业园'] },
  { name: '锦丰', label: '锦丰镇', roads: ['锦绣路', '沙钢大道', '振兴路', '三兴中路', '锦南路'], parks: ['江苏扬子江国际冶金工业园'] },
  { name: '乐余', label: '乐余镇', roads: ['乐红路', '兆丰路', '乐余大道', '东兴路'], parks: ['乐余工业园'] },
  { name: '凤凰', label: '凤凰镇', roads: ['凤凰大道', '恬庄路', '港口中路', '西张路'], parks: ['凤凰科技创业园'] },
  { name: '南丰', label: '南丰镇', roads: ['南丰大道', '兴园路', '永联路', '海坝路'], parks: ['南丰工业园'] },
  { name: '大新', label: '大新镇', roads: ['新东路', '长江路', '新丰路', '朝东路'], parks: ['大新工业园'] },
];

/** 塘桥 units dominate a 塘桥 ledger; the others appear as they do in real district ledgers. */
export const TOWN_WEIGHTS: Readonly<Record<string, number>> = { 塘桥: 60, 杨舍: 10, 金港: 7, 锦丰: 6, 乐余: 5, 凤凰: 5, 南丰: 4, 大新: 3 };

export const TRADE_CHARS = [...'华永恒金宏东新瑞天海明嘉顺通联荣锦鼎兴盛德昌泰达丰源隆鑫晨博润宇诚信安康美佳协利'];

export type Industry = 'property' | 'hotel' | 'machinery' | 'metallurgy' | 'chemical' | 'textile' | 'logistics' | 'food' | 'gas' | 'hospital';

export interface IndustryInfo {
  /** as stored in units.industry */
  label: string;
  /** name patterns: {t} = trade name, {town} = town name */
  names: readonly string[];
  /** variety (or category, for boilers) code → weight */
  mix: Readonly<Record<string, number>>;
}

export const INDUSTRIES: Readonly<Record<Industry, IndustryInfo>> = {
  property: { label: '物业管理', names: ['张家港市{t}物业管理有限公司', '张家港{t}置业有限公司', '张家港市{t}商业广场管理有限公司'], mix: { '3110': 72, '3120': 6, '3310': 14, '1200': 4, '2170': 4 } },
  hotel: { label: '住宿业', names: ['张家港{t}大酒店有限公司', '张家港市{town}{t}宾馆有限公司'], mix: { '3110': 70, '3120': 10, '3310': 6, '1200': 8, '2170': 6 } },
  machinery: { label: '通用设备制造业', names: ['张家港市{t}机械有限公司', '张家港{t}重工机械有限公司', '江苏{t}机械制造有限公司', '张家港市{town}{t}五金厂'], mix: { '4110': 30, '4130': 3, '5110': 33, '2150': 8, '2170': 12, '3120': 8, '3110': 3, '1100': 3 } },
  metallurgy: { label: '黑色金属冶炼和压延加工业', names: ['张家港{t}特钢有限公司', '张家港市{t}金属制品有限公司', '江苏{t}钢管有限公司'], mix: { '4110': 45, '4130': 5, '5110': 25, '2150': 10, '1100': 5, '3120': 10 } },
  chemical: { label: '化学原料和化学制品制造业', names: ['张家港{t}化工有限公司', '江苏{t}新材料科技有限公司', '张家港市{t}精细化工有限公司'], mix: { '2150': 40, '2170': 15, '4130': 8, '5110': 15, '1100': 10, '4110': 7, '3120': 5 } },
  textile: { label: '纺织业', names: ['张家港市{t}纺织有限公司', '张家港{t}毛纺织染有限公司', '张家港市{town}{t}化纤有限公司'], mix: { '5110': 30, '1100': 14, '1200': 6, '2170': 20, '3120': 20, '4110': 10 } },
  logistics: { label: '仓储业', names: ['张家港{t}物流有限公司', '张家港保税区{t}国际贸易有限公司', '张家港市{t}仓储有限公司'], mix: { '5110': 70, '4110': 15, '3120': 10, '3110': 5 } },
  food: { label: '农副食品加工业', names: ['张家港市{t}粮油有限公司', '张家港{t}食品有限公司'], mix: { '1100': 25, '2170': 25, '5110': 30, '3120': 20 } },
  gas: { label: '燃气生产和供应业', names: ['张家港市{t}液化气有限公司', '张家港{t}工业气体有限公司', '张家港市{town}{t}燃气有限公司'], mix: { '2150': 55, '2170': 15, '5110': 20, '3120': 10 } },
  hospital: { label: '卫生', names: ['张家港{t}医院有限公司', '张家港市{town}{t}康复医院有限公司'], mix: { '3110': 70, '3120': 10, '1100': 8, '2150': 12 } },
};

export interface Maker {
  name: string;
  /** the 5-character manufacturer code inside the 18-character 设备代码 */
  code: string;
  models: readonly string[];
}

const elevatorMakers: Maker[] = [
  { name: '通力电梯有限公司', code: '11021', models: ['MonoSpace 1000kg 1.75m/s', 'MiniSpace 1350kg 2.0m/s'] },
  { name: '迅达（中国）电梯有限公司', code: '11032', models: ['3300 1000kg 1.0m/s', '5500 1600kg 2.5m/s'] },
  { name: '上海三菱电梯有限公司', code: '31005', models: ['LEHY-III 1000kg 1.75m/s', 'HOPE-II 800kg 1.0m/s'] },
  { name: '日立电梯（中国）有限公司', code: '44010', models: ['HGP 1000kg 1.75m/s', 'MCA 1050kg 2.0m/s'] },
  { name: '奥的斯电梯（中国）有限公司', code: '12008', models: ['GeN2-MR 1000kg 1.75m/s', 'GeN2-Comfort 1250kg 2.0m/s'] },
  { name: '康力电梯股份有限公司', code: '32011', models: ['KLK2 1000kg 1.75m/s', 'KLK1 800kg 1.0m/s'] },
  { name: '江南嘉捷电梯股份有限公司', code: '32017', models: ['JNJ-KD 1000kg 1.5m/s', 'JNJ-HS 1350kg 2.0m/s'] },
];
const craneMakers: Maker[] = [
  { name: '卫华集团有限公司', code: '41003', models: ['QD20/5t-22.5m', 'LD10t-16.5m'] },
  { name: '河南省矿山起重机有限公司', code: '41015', models: ['QD32/5t-28.5m', 'LDA5t-19.5m'] },
  { name: '纽科伦（新乡）起重机有限公司', code: '41027', models: ['NLH10t-22.5m', 'NLD5t-16.5m'] },
  { name: '法兰泰克重工股份有限公司', code: '32044', models: ['QD16/3.2t-25.5m', 'LX3t-10.5m'] },
];
const forkliftMakers: Maker[] = [
  { name: '杭叉集团股份有限公司', code: '33021', models: ['CPCD30', 'CPD20', 'CPQD25'] },
  { name: '安徽合力股份有限公司', code: '34002', models: ['CPCD35', 'CPD15', 'CQD16'] },
  { name: '林德（中国）叉车有限公司', code: '37009', models: ['H30D', 'E20'] },
  { name: '诺力智能装备股份有限公司', code: '33045', models: ['CBD20', 'CPD18'] },
];
const vesselMakers: Maker[] = [
  { name: '张家港中集圣达因低温装备有限公司', code: '32053', models: ['CFL-20/0.8', 'VT-10/1.6'] },
  { name: '江苏中圣压力容器装备制造有限公司', code: '32061', models: ['C-2.0/0.8 储气罐', 'DN1600 换热器'] },
  { name: '张化机（苏州）重装有限公司', code: '32058', models: ['DN2000 反应釜', 'DN1200 分离器'] },
  { name: '无锡化工装备股份有限公司', code: '32072', models: ['C-1.0/1.0 储气罐', 'DN800 缓冲罐'] },
];
const boilerMakers: Maker[] = [
  { name: '无锡华光环保能源集团股份有限公司', code: '32081', models: ['WNS4-1.25-Y(Q)', 'SZS10-1.6-Q'] },
  { name: '太原锅炉集团有限公司', code: '14003', models: ['DZL4-1.25-AII', 'WNS2-1.0-Y(Q)'] },
  { name: '江苏双良锅炉有限公司', code: '32089', models: ['CWNS1.4-85/60-Y(Q)', 'WNS6-1.25-Q'] },
];
const cylinderMakers: Maker[] = [
  { name: '北京天海工业有限公司', code: '11045', models: ['WZH219-40-15', 'ISO9809-1 40L 15MPa'] },
  { name: '浙江金盾压力容器有限公司', code: '33067', models: ['WZH232-40-15', 'WZH267-50-20'] },
  { name: '中材科技（苏州）有限公司', code: '32095', models: ['ISO11439 80L 20MPa', 'WZH219-40-15'] },
];

/** Makers by the first digit of the code (the kind); '23' picks the cylinder makers. */
export function makersFor(code: string): readonly Maker[] {
  if (code.startsWith('23')) return cylinderMakers;
  switch (code[0]) {
    case '1':
      return boilerMakers;
    case '2':
      return vesselMakers;
    case '3':
      return elevatorMakers;
    case '4':
      return craneMakers;
    default:
      return forkliftMakers;
  }
}

export const ESCALATOR_MODELS = ['30° 1000mm 0.5m/s', '35° 800mm 0.5m/s', '30° 600mm 0.5m/s'];

export const ELEVATOR_MAINTAINERS = ['通力电梯有限公司张家港分公司', '张家港市恒达电梯工程有限公司', '苏州康力电梯安装维修有限公司', '张家港市港城电梯服务有限公司', '上海三菱电梯有限公司苏州分公司'];

export const REMARKS = ['2020年专项整治已核查', '已张贴使用标志', '待办理变更登记', '2019年隐患已整改'];

// Surnames common in Zhangjiagang (瞿, 缪, 钱 and 顾 more than elsewhere) and given-name parts.
export const SURNAMES = [...'张王李陈徐朱钱顾陆黄周吴沈杨蒋曹瞿缪季郭赵施邵钟丁'];
export const GIVEN_FIRST = [...'建国卫志海晓雪丽秀春金伟振永明红美玉文德'];
export const GIVEN_SECOND = [...'华平东强峰燕芳娟英红林军良忠勇敏静磊杰兵'];

export const MOBILE_PREFIXES = ['138', '139', '135', '136', '137', '150', '151', '152', '157', '158', '159', '182', '187', '188', '130', '131', '132', '155', '156', '186', '133', '153', '180', '189', '177', '199'];
