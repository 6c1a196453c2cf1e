import { Prng } from './prng';

/** The most common surnames (weighted roughly by frequency: the first ones come up most). */
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '于',
  '蒋',
  '蔡',
  '余',
  '杜',
  '叶',
  '程',
  '苏',
  '魏',
  '吕',
  '丁',
  '任',
  '沈',
  '姚',
  '卢',
  '姜',
  '崔',
  '钟',
  '谭',
  '陆',
  '汪',
  '范',
  '金',
  '石',
  '廖',
  '贾',
  '夏',
  '韦',
  '付',
  '方',
  '白',
  '邹',
  '孟',
  '熊',
  '秦',
  '邱',
  '江',
  '尹',
  '薛',
  '闫',
  '段',
  '雷',
  '侯',
  '龙',
  '史',
  '陶',
  '黎',
  '贺',
  '顾',
  '毛',
  '郝',
  '龚',
  '邵',
  '万',
  '钱',
  '严',
  '覃',
  '武',
  '戴',
  '莫',
  '孔',
  '向',
  '汤',
  '欧阳',
  '司马',
  '上官',
  '诸葛',
];

const MALE_CHARS =
  '伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘';
const FEMALE_CHARS =
  '秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸';

/** Two-character words for place names (streets, communities, complexes). */
const PLACE_WORDS = [
  '和平',
  '幸福',
  '光明',
  '团结',
  '胜利',
  '建设',
  '人民',
  '解放',
  '新华',
  '朝阳',
  '红旗',
  '东风',
  '长安',
  '永安',
  '兴隆',
  '太平',
  '青年',
  '文化',
  '福田',
  '松园',
  '柳荫',
  '桃源',
  '梅林',
  '竹园',
  '兰亭',
  '菊香',
  '荷塘',
  '枫林',
  '杏花',
  '桂花',
  '樱花',
  '海棠',
  '锦江',
  '玉泉',
  '金沙',
  '银河',
  '碧水',
  '青山',
  '翠湖',
  '清河',
  '白塔',
  '黄河',
  '长江',
  '珠江',
  '滨河',
  '沿江',
  '湖滨',
  '南湖',
  '北苑',
  '东湖',
  '西岭',
  '南山',
  '北门',
  '东城',
  '西关',
  '中山',
  '安康',
  '和谐',
  '康乐',
  '安居',
  '乐业',
  '丰收',
  '富民',
  '振兴',
  '顺义',
  '明德',
  '崇文',
  '尚武',
  '仁和',
  '怀德',
  '启明',
  '星火',
  '曙光',
  '晨光',
  '春晖',
  '秋实',
  '嘉禾',
  '瑞丰',
  '祥和',
  '吉庆',
  '华苑',
  '雅居',
  '云台',
  '凤凰',
  '龙泉',
  '麒麟',
  '鹤鸣',
  '燕南',
  '莺歌',
  '翠微',
  '静安',
  '宁远',
  '平安',
  '永丰',
  '长青',
  '常乐',
];

const MALE = [...MALE_CHARS];
const FEMALE = [...FEMALE_CHARS];

const DISTRICT_NAMES = [
  '东城区',
  '西城区',
  '南湖区',
  '北山区',
  '高新区',
  '经开区',
  '滨江区',
  '临港区',
  '青山区',
  '江北区',
  '城南区',
  '城北区',
];
const COMPLEX_SUFFIXES = ['小区', '花园', '家园', '新村', '苑', '公寓', '里', '嘉园', '雅苑', '佳苑'];
const INSTITUTION_NAMES: Record<string, readonly string[]> = {
  agency: ['税务所', '市场监督管理所', '司法所', '派出所', '供电所', '城管中队'],
  state_enterprise: ['供水公司营业所', '燃气公司服务站', '邮政支局', '国有银行支行', '公交公司车队'],
  private_enterprise: [
    '科技有限公司',
    '商贸有限公司',
    '餐饮管理有限公司',
    '物业服务有限公司',
    '建材有限公司',
    '医药连锁店',
  ],
  social_organization: ['社会工作服务中心', '养老服务中心', '志愿者协会', '青少年活动中心', '慈善基金会'],
  new_business: ['快递服务站', '外卖配送站', '网约车服务中心', '直播电商基地', '共享单车运维站'],
};

export function personName(prng: Prng, gender: 'male' | 'female'): string {
  // Skewed towards the common surnames: the square of a uniform draw favours small indexes.
  const surname = SURNAMES[Math.floor(prng.next() * prng.next() * SURNAMES.length)];
  const chars = gender === 'male' ? MALE : FEMALE;
  const given = prng.chance(0.7) ? prng.pick(chars) + prng.pick(chars) : prng.pick(chars);
  return surname + given;
}

export function placeWord(prng: Prng): string {
  return prng.pick(PLACE_WORDS);
}

export function districtName(index: number): string {
  return (
    DISTRICT_NAMES[index % DISTRICT_NAMES.length] +
    (index >= DISTRICT_NAMES.length ? String(Math.floor(index / DISTRICT_NAMES.length) + 1) : '')
  );
}

export function streetName(prng: Prng): string {
  return `${placeWord(prng)}街道`;
}

export function communityName(prng: Prng): string {
  return `${placeWord(prng)}社区`;
}

export function gridName(index: number): string {
  return `第${index + 1}网格`;
}

export function complexName(prng: Prng): string {
  return placeWord(prng) + prng.pick(COMPLEX_SUFFIXES);
}

export function buildingName(index: number): string {
  return `${index + 1}号楼`;
}

/** A lane or courtyard of an old open neighbourhood (a building directly under a grid). */
export function laneName(prng: Prng, index: number): string {
  return `${placeWord(prng)}巷${index + 1}号院`;
}

export function institutionName(prng: Prng, kind: string, communityLabel: string): string {
  const base = prng.pick(INSTITUTION_NAMES[kind]);
  return kind === 'agency' || kind === 'state_enterprise' ? `${communityLabel}${base}` : `${placeWord(prng)}${base}`;
}
