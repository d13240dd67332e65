/**
 * @module The data tables of indicator-name normalisation (指标名称规范化): traditional → simplified
 * characters, synonyms, and suffix rules. Edit these tables, not the algorithm, to teach the library a
 * spelling; `normalize.test.ts` checks that every table keeps normalisation idempotent.
 */

/**
 * Traditional → simplified characters (繁→简) common in indicator names: a small one-to-one table, not
 * a converter. Characters whose simplification depends on the word (乾, 後 in names, 髮/發 …) are
 * left out unless every reading in indicator names simplifies the same way.
 */
export const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = {
  檢: '检', 測: '测', 驗: '验', 監: '监', 滿: '满', 數: '数', 質: '质', 時: '时', 達: '达', 項: '项',
  資: '资', 執: '执', 預: '预', 規: '规', 範: '范', 務: '务', 產: '产', 衛: '卫', 藥: '药', 醫: '医',
  療: '疗', 農: '农', 業: '业', 環: '环', 護: '护', 養: '养', 學: '学', 師: '师', 訓: '训', 練: '练',
  辦: '办', 結: '结', 處: '处', 設: '设', 備: '备', 購: '购', 維: '维', 運: '运', 營: '营', 發: '发',
  開: '开', 實: '实', 際: '际', 標: '标', 準: '准', 經: '经', 濟: '济', 會: '会', 對: '对', 區: '区',
  縣: '县', 鄉: '乡', 鎮: '镇', 戶: '户', 個: '个', 單: '单', 價: '价', 費: '费', 間: '间', 問: '问',
  題: '题', 蓋: '盖', 總: '总', 體: '体', 級: '级', 節: '节', 約: '约', 計: '计', 劃: '划', 報: '报',
  統: '统', 網: '网', 絡: '络', 線: '线', 車: '车', 輛: '辆', 機: '机', 構: '构', 織: '织', 員: '员',
  職: '职', 稅: '税', 貸: '贷', 補: '补', 貼: '贴', 獎: '奖', 勵: '励', 優: '优', 糧: '粮', 飲: '饮',
  種: '种', 樹: '树', 綠: '绿', 廢: '废', 災: '灾', 險: '险', 應: '应', 傳: '传', 講: '讲', 書: '书',
  圖: '图', 館: '馆', 場: '场', 廠: '厂', 電: '电', 銀: '银', 錢: '钱', 額: '额', 據: '据', 庫: '库',
  檔: '档', 證: '证', 試: '试', 評: '评', 審: '审', 與: '与', 為: '为', 進: '进', 過: '过', 選: '选',
  鐵: '铁', 門: '门', 隊: '队', 雙: '双', 難: '难', 響: '响', 領: '领', 頻: '频', 點: '点', 齡: '龄',
  壓: '压', 縮: '缩', 減: '减', 償: '偿', 續: '续', 觀: '观', 視: '视', 親: '亲', 語: '语', 調: '调',
  識: '识', 議: '议', 讀: '读', 變: '变', 貨: '货', 貧: '贫', 責: '责', 賣: '卖', 買: '买', 軍: '军',
  較: '较', 載: '载', 輸: '输', 轉: '转', 適: '适', 遷: '迁', 釋: '释', 長: '长', 關: '关', 陸: '陆',
  隨: '随', 雲: '云', 靜: '静', 頭: '头', 類: '类', 願: '愿', 顧: '顾', 顯: '显', 製: '制', 週: '周',
  饋: '馈', 遞: '递', 帶: '带', 態: '态', 參: '参', 寬: '宽', 寧: '宁', 專: '专', 將: '将', 屆: '届',
  層: '层', 歸: '归', 殘: '残', 氣: '气', 湧: '涌', 溝: '沟', 滅: '灭', 漁: '渔', 潔: '洁', 澤: '泽',
  濕: '湿', 無: '无', 獲: '获', 畢: '毕', 盡: '尽', 礎: '础', 確: '确', 穩: '稳', 積: '积', 競: '竞',
  簡: '简', 糾: '纠', 紅: '红', 納: '纳', 紙: '纸', 細: '细', 組: '组', 給: '给', 絕: '绝', 緊: '紧',
  編: '编', 緩: '缓', 繳: '缴', 罰: '罚', 聯: '联', 聽: '听', 腦: '脑', 臨: '临', 舊: '旧', 藝: '艺',
  蘇: '苏', 術: '术', 衝: '冲', 裝: '装', 複: '复', 覽: '览', 觸: '触', 訪: '访', 診: '诊', 該: '该',
  詳: '详', 認: '认', 誤: '误', 課: '课', 請: '请', 諮: '咨', 譜: '谱', 豐: '丰', 賠: '赔', 趨: '趋',
  跡: '迹', 蹤: '踪', 軟: '软', 連: '连', 違: '违', 遠: '远', 鄰: '邻', 釣: '钓', 錄: '录', 鍛: '锻',
  閉: '闭', 閒: '闲', 隱: '隐', 雜: '杂', 離: '离', 風: '风', 飛: '飞', 飯: '饭', 駕: '驾', 鬥: '斗',
  鹽: '盐', 麥: '麦', 齊: '齐',
};

/**
 * Synonyms (同义写法) replaced anywhere in a name, variant → canonical, longest variant first. No
 * canonical form may contain a variant, so replacing twice is replacing once.
 */
export const SYNONYMS: ReadonlyArray<readonly [variant: string, canonical: string]> = [
  ['及时完成率', '按时完成率'],
  ['合格比例', '合格率'],
  ['满意比例', '满意度'],
  ['满意率', '满意度'],
  ['达成率', '完成率'],
  ['覆盖面', '覆盖率'],
  ['抽查', '抽检'],
  ['办结时间', '办结时限'],
];

/** Suffix rules: a name ending with the variant ends with the canonical instead (检查企业数量 = 检查企业数). */
export const SUFFIXES: ReadonlyArray<readonly [variant: string, canonical: string]> = [
  ['数量', '数'],
];
