/**
 * The written standards of one language that the detectors do not tell apart: they say `zh` for
 * Simplified and Traditional Chinese, `no` for Bokmål and Nynorsk, `pt` for Brazil's and
 * Portugal's Portuguese, and Croatian for Serbian in Latin letters; a collection with an article
 * in each would publish two pages competing for one place in its translation group. The plain
 * tag keeps meaning the standard CLDR takes it for (`zh` Simplified, `no` Bokmål, `pt` Brazil's,
 * `sr` Cyrillic), so a site written in that one keeps its URLs.
 */

import { mainScript } from "./letters.ts";
import { outnumbers, wordsOf } from "./own-words.ts";

/**
 * Common characters in pairs, Simplified then Traditional, where neither form is written in the
 * other script (pairs such as 后/後, 里/裡, 干/乾 or 台/臺 are left out: both forms occur in
 * Traditional text).
 */
const PAIRS =
  "们們这這说說国國会會来來时時个個为為对對发發学學经經现現还還过過开開关關进進动動实實长長问問题題" +
  "应應点點种種机機电電话話东東车車书書门門见見认認让讓听聽买買卖賣觉覺热熱边邊请請钱錢爱愛头頭写寫" +
  "读讀语語识識设設计計变變处處义義乐樂业業从從产產亲親众眾传傳条條号號华華单單历歷压壓双雙员員图圖" +
  "场場报報声聲将將层層岁歲币幣带帶师師广廣库庫总總战戰择擇据據无無旧舊极極标標样樣档檔检檢没沒满滿" +
  "灯燈状狀环環画畫礼禮离離积積称稱线線组組结結给給统統继繼续續网網联聯节節虽雖补補装裝规規视視览覽" +
  "订訂记記许許论論证證评評试試详詳误誤谁誰调調负負质質购購费費资資输輸转轉载載较較连連选選递遞错錯" +
  "键鍵间間际際随隨难難页頁项項须須预預领領频頻额額验驗区區与與万萬气氣务務备備块塊坏壞帮幫当當录錄" +
  "态態户戶护護换換损損数數闭閉队隊阳陽阴陰鸟鳥鱼魚马馬龙龍园園围圍纸紙红紅绿綠蓝藍黄黃钟鐘铁鐵银銀" +
  "饭飯馆館饮飲脑腦脸臉胜勝兴興举舉严嚴丽麗乱亂亚亞仅僅体體么麼";

/** Each pair's two forms, which the tests hold to differ and to belong to one script each. */
export const SCRIPT_PAIRS: readonly (readonly [simplified: string, traditional: string])[] = Array.from({ length: PAIRS.length / 2 }, (_, k) => [PAIRS.charAt(2 * k), PAIRS.charAt(2 * k + 1)]);
const SIMPLIFIED = new Set(SCRIPT_PAIRS.map(([s]) => s));
const TRADITIONAL = new Set(SCRIPT_PAIRS.map(([, t]) => t));

/** How many characters of one script's own it takes, and by how much they must outnumber the other's. */
const MIN_OWN = 3;
const MAJORITY = 2;

/** `Hant` when a Chinese text is written in Traditional characters, `Hans` in Simplified, undefined when it cannot tell. */
export function hanScript(text: string): "Hans" | "Hant" | undefined {
  let simplified = 0,
    traditional = 0;
  for (const ch of text) {
    if (SIMPLIFIED.has(ch)) simplified++;
    else if (TRADITIONAL.has(ch)) traditional++;
  }
  if (traditional >= MIN_OWN && traditional >= MAJORITY * simplified) return "Hant";
  if (simplified >= MIN_OWN && simplified >= MAJORITY * traditional) return "Hans";
  return undefined;
}

/** The tag for a text the detectors named `lang`: `zh-Hant`, `nn`, `pt-PT` or `sr-Latn` where the text is written so, else `lang` as it was. */
export function withStandard(lang: string, text: string): string {
  if (lang === "zh" && hanScript(text) === "Hant") return "zh-Hant";
  if ((lang === "no" || lang === "nb") && isNynorsk(text)) return "nn";
  if (lang === "pt" && isEuropeanPortuguese(text)) return "pt-PT";
  if (SERBO_CROATIAN.has(lang) && mainScript(text, 2000) === "Latn" && (lang === "sr" || isSerbian(text))) return "sr-Latn";
  return lang;
}

/** What the detectors call Serbian in Latin letters: all three read it as Croatian (or Bosnian), whose letters it shares. */
const SERBO_CROATIAN = new Set(["hr", "bs", "sr"]);

/**
 * Words Serbian writes apart from Croatian and Bosnian: its ekavian forms (vreme, mesto, primer,
 * uvek against vrijeme, mjesto, primjer, uvijek, which the other two write) and its own words
 * (računar, takođe, izaberite, dugme, tastatura, ekran, hiljada, januar… against računalo, također,
 * odaberite, gumb, tipkovnica, zaslon, tisuća, siječanj…).
 */
const SERBIAN = new Set(
  (
    "uvek gde ovde vreme mesto mesta mestu primer primera primeru promena promene promenu promeni promeniti izmena izmene izmenite " +
    "izmeniti menja menjati deo delu delove delova reč reči posle pre sledeći sledeće sledećih ceo cela celu celog lepo levo levi leve " +
    "svet sveta svetlo svetlost svetlina mleko dete deca dve videti hteo nedelja mesec meseca obaveštenje obaveštenja računar računara " +
    "računaru računari hiljada hiljade takođe šta izaberite dugme dugmeta taster tastera tastatura tastature ekran ekrana spisak spiska " +
    "spisku fascikla fascikle podešavanja bezbednost nalog kucate kucati januar februar mart jun jul avgust septembar oktobar novembar decembar"
  ).split(" "),
);
const IJEKAVIAN_OR_CROATIAN = new Set(
  (
    "uvijek gdje ovdje vrijeme mjesto mjesta mjestu primjer primjera primjeru primjerice promjena promjene promjenu promijeniti izmjena " +
    "izmjene izmijenite izmijeniti mijenja mijenjati dio dijelu dijelove dijelova riječ riječi poslije prije sljedeći sljedeće sljedećih " +
    "cijeli cijela cijelu cijelog lijepo lijevo lijevi lijeve svijet svijeta svjetlo svjetlost svjetlina mlijeko dijete djeca dvije vidjeti " +
    "htio nedjelja mjesec mjeseca obavijest računalo računala računalu tisuća također tko odaberite odabrati gumb tipka tipku tipke " +
    "tipkovnica tipkovnice zaslon zaslona popis popisa popisu postavke sigurnost siječanj veljača ožujak travanj svibanj lipanj srpanj " +
    "kolovoz rujan listopad prosinac"
  ).split(" "),
);

/** Serbian in Latin letters: its own words clearly outnumber the other two's. */
function isSerbian(text: string): boolean {
  return outnumbers(...wordsOf(text, SERBIAN, IJEKAVIAN_OR_CROATIAN));
}

/**
 * Words Portugal's and Brazil's Portuguese write apart, as each writes them (ficheiro/arquivo is
 * left out: Portugal writes arquivo for an archive). Portugal's older spellings (actual, acção,
 * directório) count for it, not their newer ones (atual, ação): since the 2009 agreement Portugal
 * writes those as Brazil does.
 */
const EUROPEAN = new Set(
  (
    "ficheiro ficheiros utilizador utilizadores utilizadora ecrã ecrãs secção secções equipa equipas predefinido predefinida predefinidos " +
    "predefinidas predefinição predefinições omissão registo registos palavra-passe gestor gerir partilhar partilha partilhado introduza facto " +
    "actual actuais actualizar actualização actualizações acção acções activar activo activa activos activado activada correcto correcta " +
    "selecção selecções excepção excepções objecto objectos direcção efectuar directório directórios acto actos projecto projectos " +
    "protecção colectivo colectiva colectivos colectivas adoptar adoptado adoptada efectivo efectiva efectivamente respectivo respectiva " +
    "respectivos respectivas exacto exacta exactamente óptimo óptima director directores sector sectores contacto contactos factor factores " +
    "excepto eléctrico eléctrica controlo definições aplicação aplicações rato num numa dum duma"
  ).split(" "),
);
const BRAZILIAN = new Set(
  (
    "usuário usuários usuária seção seções exibe exibir exibido exibida exibição tela telas registro registros conexão conexões " +
    "gerenciador gerenciadores gerenciar gerenciamento aplicativo aplicativos salvar equipe equipes mouse"
  ).split(" "),
);
/**
 * Forms each writes: Portugal "está a fazer" and económico, Brazil "está fazendo", econômico and
 * "em um" (Portugal's "num", above).
 */
const ESTAR = String.raw`\b(?:est(?:á|ão|ava|avam|ar|ou|iver|ivesse|eja|ejam))\s+`;
const EUROPEAN_FORMS = new RegExp(String.raw`${ESTAR}a\s+\p{L}+[aei]r\b|\p{L}*[éó][mn][aeiou]\p{L}*`, "giu");
const BRAZILIAN_FORMS = new RegExp(String.raw`${ESTAR}\p{L}+ndo\b|\p{L}*[êô][mn][aeiou]\p{L}*|\bem\s+uma?\b`, "giu");

/**
 * Portuguese as Portugal writes it: its own words and forms (above; económico against econômico)
 * clearly outnumber Brazil's. `pt` alone keeps meaning Brazil's, as CLDR takes it,
 * and a text that says too little to tell stays `pt`.
 */
function isEuropeanPortuguese(text: string): boolean {
  const [words, others] = wordsOf(text, EUROPEAN, BRAZILIAN);
  const european = words + (text.match(EUROPEAN_FORMS) ?? []).length,
    brazilian = others + (text.match(BRAZILIAN_FORMS) ?? []).length;
  return outnumbers(european, brazilian);
}

/** The commonest words that Nynorsk and Bokmål spell apart (ikkje/ikke, frå/fra, eit/et, kva/hva…). */
const NYNORSK = new Set("ikkje frå eit ein berre kva noko mykje korleis kvar eg dei vere heile nokon nokre sjølv òg mellom då".split(" "));
const BOKMAL = new Set("ikke fra et en bare hva noe mye hvordan hver jeg de være hele noen selv også da".split(" "));

/** Norwegian text written in Nynorsk: three or more of its own words, and more than twice Bokmål's. */
function isNynorsk(text: string): boolean {
  const [nynorsk, bokmal] = wordsOf(text, NYNORSK, BOKMAL);
  return nynorsk >= 3 && nynorsk > 2 * bokmal;
}
