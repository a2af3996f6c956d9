/**
 * Traditional-character pages (sites offer a 繁體 version; mirrors convert pages) to the simplified
 * characters every pattern of the parser uses. Only characters of the report's vocabulary, its
 * headings, place and agency names matter, so a compact table suffices; anything else is kept.
 */

// Pairs: traditional, simplified.
const PAIRS =
  "開开總总計计規规範范許许處处罰罚強强製制發发廢废數数現现費费採采購购項项對对務务請请結结轉转辦办與与訟讼議议" +
  "復复複复維维糾纠審审經经訴诉屬属國国條条險险穩稳護护權权類类內内過过執执詢询關关沒没補补後后確确認认獲获訪访舉举" +
  "報报無无當当據据應应業业機机構构會会組组織织係系於于這这區区縣县鄉乡鎮镇廳厅門门戶户網网萬万單单額额準准問问題题" +
  "況况進进資资訊讯將将時时間间義义為为實实際际層层級级積积極极匯汇彙汇編编統统誤误錯错證证書书紀纪錄录樣样標标寫写" +
  "劃划圖图廣广東东華华蘇苏濟济寧宁陽阳陝陕遼辽龍龙貴贵雲云灣湾爾尔滬沪慶庆漢汉興兴順顺臨临樂乐嶺岭豐丰麗丽連连長长" +
  "島岛鐵铁陰阴陳陈張张劉刘楊杨馬马黃黄趙赵孫孙錦锦遠远齊齐鳳凤寶宝鄭郑魯鲁靜静閩闽贛赣晉晋瀋沈聯联勞劳動动衛卫療疗" +
  "醫医藥药監监體体稅税財财農农漁渔場场環环態态礦矿產产質质檢检驗验設设運运輸输軌轨郵邮電电視视聽听聞闻傳传藝艺術术" +
  "歷历號号頁页檔档億亿筆笔個个點点線线隊队軍军黨党員员幹干團团婦妇協协園园莊庄營营灘滩橋桥溝沟頭头壩坝鋪铺廟庙濱滨" +
  "濰潍蕪芜穀谷車车見见觀观覽览親亲說说話话語语讀读論论講讲評评調调談谈諮咨謀谋變变讓让貫贯徹彻學学習习記记導导領领" +
  "責责負负擔担優优熱热僅仅隻只餘余並并從从來来們们給给還还達达遞递選选邊边適适違违續续繼继繳缴納纳舊旧兩两倉仓價价" +
  "擴扩擬拟損损換换揮挥擊击擾扰攝摄樓楼歡欢殘残氣气潔洁滅灭災灾爭争獎奖獨独畫画盡尽盤盘礙碍禮礼競竞節节簡简糧粮約约" +
  "紙纸細细終终綜综緊紧練练聲声職职肅肃脫脱腦脑葉叶蘭兰裝装覺觉訂订討讨詳详誠诚誰谁課课識识貨货貿贸賬账賠赔輔辅輕轻" +
  "鄰邻釋释鑒鉴閉闭陸陆隨随隱隐雙双離离難难響响預预頻频顧顾顯显風风館馆訴诉訟讼訊讯託托說说禁禁竊窃權权億亿" +
  "廳厅鄉乡鎮镇縣县區区夥伙檢检辭辞稱称壹一貳二參参陸陆捌八玖九拾十佔占據据處处嚴严務务勵励舉举懷怀態态構构" +
  "覆复徵征誌志週周裡里佈布臺台雜杂蓋盖縮缩圍围歲岁啟启輛辆徑径屆届尋寻";

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) {
  const [t, s] = [PAIRS[i], PAIRS[i + 1]];
  // Numerals written as capitals (壹, 參) are words in a report, not digits: keep them.
  if (!"壹貳參陸捌玖拾".includes(t)) MAP.set(t, s);
}

/** Characters only traditional text uses, frequent in every report: evidence the page is traditional. */
const TRADITIONAL_SIGNS = /[開總請與報據條處發數結轉辦]/g;

/** True when the text reads as traditional Chinese (several report words in traditional form). */
export function looksTraditional(text: string): boolean {
  let n = 0;
  TRADITIONAL_SIGNS.lastIndex = 0;
  while (TRADITIONAL_SIGNS.exec(text) !== null) if (++n >= 8) return true;
  return false;
}

export function toSimplified(text: string): string {
  let out = "";
  for (const ch of text) out += MAP.get(ch) ?? ch;
  return out;
}
