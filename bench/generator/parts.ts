/**
 * Parts the generator builds Chinese names from. Weights follow who actually asks for
 * 危险废物鉴别 and monitoring in Sichuan: chemicals, metallurgy, building materials and
 * pharmaceuticals first, so that a search for 化工 matches several percent of the projects,
 * 钢铁 about one percent and 钒钛 a few in a thousand, as they would.
 */

/** A list written as words separated by white space. */
function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * `word:weight` pairs, expanded: each word repeated by its weight, so that a uniform pick from
 * the result is a weighted pick.
 */
function weighted(text: string): string[] {
  return words(text).flatMap((pair) => {
    const [word = '', weight = '1'] = pair.split(':');
    return Array.from({ length: Number(weight) }, () => word);
  });
}

/** 字号 of client enterprises. */
export const clientBrands = words(`
  川化 天华 宏达 龙蟒 钢城 金路 天原 川投 蓝星 和邦 福华 玖源 美丰 巨星 银河 盛新
  雅化 兴达 鑫源 恒源 金象 德胜 川维 利森 明达 嘉华 峨胜 星船 东方 长虹 九洲 宏华
  科伦 川宁 龙佰 安宁 川威 达兴 南玻 鼎盛 华西 金鼎 银山 蜀道 天马 锦城 蜀南 川南
  川北 岷江 沱江 嘉陵 青衣 大渡 金沙 雅砻 峨眉 青城 贡嘎 西岭 龙泉 天府 蜀都 华蓥
  光明 东升 宏远 瑞丰 鑫达 富源 恒通 汇丰 永兴 兴川 顺达 昌盛 隆鑫 丰源 正和 诚信
  金龙 银鹰 凯达 博瑞 新华 远航 中天 海创 绿源 清源 蓝天 碧水 润泽 三星 红旗 前进
  胜利 长城 泰丰 宝光 宏鑫 德源 华川 川锅 东材 新筑 宏图 众和 联合 协和 久大 自井
  盐都 晨光 化原 恒鼎 钒业 攀星 金江 仁和 米易 盐边 泸天 郎酒 舜天 北方 西南 西部
  天齐 融捷 能投 川能 华电 国电 大唐 蜀能 川煤 芙蓉 达竹 广能 华鑫 永祥 通达
`);

/** Industry words in client names, weighted. */
export const clientIndustries = weighted(`
  化工:7 磷化工:1 石化:1 钢铁:2 冶金:2 钒钛:1 有色金属:2 水泥:3 建材:3
  制药:3 生物医药:1 电子:3 电镀:2 新材料:3 新能源:3 锂业:1 能源:2
  电力:2 天然气:2 机械:3 汽车零部件:2 食品:3 酒业:2 饲料:1 造纸:2
  纸业:1 印染:1 皮革:1 纺织:1 陶瓷:1 玻璃:1 环保科技:3 水务:2
  再生资源:2 固废处置:1 矿业:2 稀土:1 实业:5 科技:5 工贸:2 塑胶:1
  涂料:1 铝业:1 铜业:1
`);

export const companyForms = weighted(`
  有限公司:40 有限责任公司:15 股份有限公司:15 集团有限公司:10
  集团股份有限公司:3
`);

/** Wastes named in 危险废物鉴别 projects. */
export const wastes = words(`
  废催化剂 含铬污泥 废矿物油 焚烧飞灰 废活性炭 废酸 废碱液 电镀污泥 含铜污泥 含镍污泥
  废包装桶 精馏残渣 蒸馏残渣 废离子交换树脂 废有机溶剂 废乳化液 漆渣 污水处理污泥
  物化污泥 生化污泥 钢渣 高炉瓦斯灰 除尘灰 铝灰 废盐 脱硫石膏 粉煤灰 炉渣 磷石膏 赤泥
  钒渣 锂渣 含砷废渣 含汞废物 废线路板 废过滤介质 酸洗污泥 冷轧污泥 废耐火材料 焦油渣
  废白土 含油污泥 油基岩屑 钻井废弃物 反应釜残渣 发酵菌渣 废母液 生产废渣 化工废盐
  废脱硝催化剂 重金属污泥 铬渣
`);

/** Products of 建设项目 whose completion is checked by 竣工环境保护验收监测. */
export const products = words(`
  磷酸铁锂 电解液 钛白粉 多晶硅 氯碱 聚氯乙烯 合成氨 尿素 水泥熟料 商品混凝土 钒铁合金
  电池级碳酸锂 硫酸 磷酸一铵 原料药 白酒 饲料 生活用纸 铝型材 光伏组件 锂电池隔膜
  有机硅 环氧树脂 精细化工中间体 印制电路板 汽车零部件 钢材 铸件
`);

/** Where on the client's premises; mostly nothing. */
export const sites = ['', '', '', '', ...words('一期厂区 二期厂区 老厂区 新厂区 生产基地 污水处理站 仓储区')];

/** 监测类型, 项目监测性质 and the name template of one kind of project, with its weight. */
export type ProjectKind = { type: string; nature: string; template: string; weight: number };

/**
 * Name templates for `format()`: %1$s client, %2$s waste, %3$s year, %4$s product, %5$s site.
 */
export const projectKinds: readonly ProjectKind[] = [
  { type: 'hazardous_waste', nature: 'hazardous_waste', template: '%1$s%2$s危险废物鉴别项目', weight: 20 },
  { type: 'hazardous_waste', nature: 'hazardous_waste', template: '%1$s%5$s%2$s危险特性鉴别', weight: 8 },
  { type: 'hazardous_waste', nature: 'hazardous_waste', template: '%1$s%3$s年%2$s属性鉴别项目', weight: 7 },
  {
    type: 'hazardous_waste',
    nature: 'hazardous_waste',
    template: '%1$s%2$s等固体废物危险特性鉴别',
    weight: 5,
  },
  { type: 'wastewater', nature: 'self', template: '%1$s%3$s年度废水自行监测', weight: 8 },
  { type: 'wastewater', nature: 'entrusted', template: '%1$s%5$s废水排放口委托监测', weight: 4 },
  { type: 'organized_gas', nature: 'self', template: '%1$s%3$s年度有组织废气自行监测', weight: 7 },
  { type: 'organized_gas', nature: 'entrusted', template: '%1$s锅炉烟气排放监测项目', weight: 3 },
  { type: 'fugitive_gas', nature: 'self', template: '%1$s厂界无组织废气监测', weight: 4 },
  { type: 'ambient_air', nature: 'entrusted', template: '%1$s周边环境空气质量监测', weight: 3 },
  { type: 'surface_water', nature: 'entrusted', template: '%1$s排污口上下游地表水监测', weight: 2 },
  { type: 'groundwater', nature: 'self', template: '%1$s%3$s年度地下水环境质量监测', weight: 3 },
  { type: 'soil', nature: 'self', template: '%1$s%3$s年度土壤污染隐患排查监测', weight: 3 },
  { type: 'soil', nature: 'entrusted', template: '%1$s原厂址地块土壤污染状况调查采样监测', weight: 2 },
  { type: 'noise', nature: 'self', template: '%1$s%5$s厂界噪声监测', weight: 3 },
  { type: 'solid_waste', nature: 'entrusted', template: '%1$s一般工业固体废物属性监测', weight: 2 },
  { type: 'wastewater', nature: 'acceptance', template: '%1$s年产%4$s项目竣工环境保护验收监测', weight: 5 },
  { type: 'organized_gas', nature: 'enforcement', template: '%1$s废气监督性执法监测', weight: 1 },
  { type: 'surface_water', nature: 'emergency', template: '%1$s突发环境事件应急监测', weight: 1 },
];

/** 字号 and forms of agency names: 四川{地名}{字号}环境检测有限公司 and its kin. */
export const agencyBrands = words(`
  蜀环 川环 天府 锦城 华测 谱尼 中环 正信 清源 绿洲 碧源 蓝海 科环 创新 精诚 华益
  恒测 衡正 佳士 中测 天健 省环 众信 锦瑞 新锐 博瑞 中检 鼎诚 嘉源 恒泰 宏正 优测
  标谱 华准 瑞康 凯乐 泰安 益民 德正 诚安 华西 西测 科信 中析 明镜 通标 同创 汇测
  睿环 环科
`);

export const agencyForms = words(`
  环境检测有限公司 环境检测技术有限公司 检测技术有限公司 环保科技有限公司
  生态环境监测有限公司 环境监测服务有限公司
`);

export const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const givenNames = words(`
  建国 晓梅 强 磊 静 伟 芳 娜 敏 军 洋 勇 艳 杰 涛 明 超 秀英 霞 平 刚 桂英
  丹 玲 鹏 文斌 志强 海燕 红梅 建华 俊 雪
`);

export const roads = words(`
  人民路 解放路 建设路 工业大道 滨江路 新华路 胜利路 交通路 科技路 创业路
  化工园区纬一路 经济开发区经二路 园区大道 光明路 中山路 学府路 天府大道 蜀都大道
`);
