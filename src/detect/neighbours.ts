/**
 * Languages the detectors take for a neighbour that shares their script: they name the neighbour
 * (Hindi for Nepali, Spanish for Galician and Asturian, Indonesian for Malay, Bengali for
 * Assamese), and letters or words only the unnamed language writes tell it (see
 * docs/language-detection.md). franc's test for Galician stays in language.ts, after these.
 */
import { baseLanguage } from "./codes.ts";
import { outnumbers, wordsOf } from "./own-words.ts";

/** Letters only one language of a shared script writes: Assamese ৰ and ৱ in Bengali script. */
const OWN_LETTERS: Readonly<Record<string, { lang: string; letters: RegExp; min: number }>> = {
  bn: { lang: "as", letters: /[\u09F0\u09F1]/gu, min: 3 },
};

/** Galician's own words: neither Spanish nor Portuguese writes non, unha, xa, tamén, páxina, mensaxe. */
const GALICIAN = new Set(
  (
    "non unha unhas nunha nunhas dunha dunhas cunha polo pola polos polas xa tamén moi cando mentres iso ningún ningunha algunha " +
    "calquera páxina páxinas imaxe imaxes mensaxe mensaxes xanela xanelas xeral xerais xestor xestión xerar dende ademais aínda " +
    "despois vostede tódolos súa"
  ).split(" "),
);

/** Malay's and Indonesian's words for one thing (fail/berkas, senarai/daftar, maklumat/informasi, kerana/karena). */
const MALAY = new Set(
  (
    "fail senarai aksara ditetapkan papar dipaparkan paparan wujud disokong sokongan tetingkap bahagian ralat isyarat arahan mencipta " +
    "carian pautan sepadan penghujung hentian terkini lajur benarkan rentetan kekunci perenggan bermula semasa maklumat opsyen dihantar " +
    "kemaskini pakej laluan tetapan baharu kerana sahaja bahawa nombor saiz padam amaran mesej selepas dijumpai"
  ).split(" "),
);
const INDONESIAN = new Set(
  (
    "berkas daftar karakter tampilkan ditampilkan tampilan perintah bisa informasi cocok setelah pesan opsi bagian tipe ukuran hapus " +
    "karena peringatan bahwa ekstensi standar nomor berisi ditemukan paket pengaturan unduh jalur galat tombol"
  ).split(" "),
);

/**
 * Words only one language of a shared script writes, against the named one's: Nepali, which
 * neither detector knows and both read as Hindi, says छ, हो, गर्नुहोस् where Hindi says है, हैं, करें;
 * Galician, read as Spanish or Portuguese, says unha, non, xa where they say una, no, ya or uma,
 * não, já (and never el, y, los, or em, um, com); Asturian, read as Spanish, says nun, ye, pa;
 * Malay and Indonesian, which eld and tinyld each know only one of, name things apart.
 */
const OWN_WORDS: Readonly<Record<string, readonly { lang: string; words: ReadonlySet<string>; against: ReadonlySet<string> }[]>> = {
  es: [
    {
      lang: "gl",
      words: GALICIAN,
      against: new Set("el y los del una unas muy ya también cuando mientras esto eso página imagen mensaje ventana además después usted hay".split(" ")),
    },
    {
      // Asturian writes el, los and y as Spanish does: only its own words tell it.
      lang: "ast",
      words: new Set(
        "nun ye pa nel ficheru amuesa esti llista llinia mou ensin namái fallu tolos toles puen seya usuariu conxuntu tiempu elementu tamañu estáu desanicia desaniciar desaniciase afita afitar amosar amosase dalgún dalguna tamién".split(
          " ",
        ),
      ),
      against: new Set("es no las para lista línea archivo muestra sin sólo solo usuario este está también".split(" ")),
    },
  ],
  pt: [
    {
      lang: "gl",
      words: GALICIAN,
      against: new Set("em um com não uma umas muito já também quando enquanto isso página imagem mensagem janela depois ainda você".split(" ")),
    },
  ],
  id: [{ lang: "ms", words: MALAY, against: INDONESIAN }],
  ms: [{ lang: "id", words: INDONESIAN, against: MALAY }],
  hi: [
    {
      lang: "ne",
      words: new Set("छ छन् छैन हो गर्नुहोस् गर्नुहोस गर्न लागि एउटा गरिएको भएको तपाईँको तपाईंको यो कुनै नयाँ हुन्छ थियो".split(" ")),
      against: new Set("है हैं था थी थे के की का में से नहीं करें लिए लिये यह क्या सकता करता करने".split(" ")),
    },
  ],
};

/** The neighbour whose own words outnumber the named language's, and more of them than any other neighbour's. */
export function neighbourByWords(lang: string, text: string): string | undefined {
  let found: { lang: string; count: number } | undefined;
  for (const n of OWN_WORDS[baseLanguage(lang)] ?? []) {
    const [mine, theirs] = wordsOf(text, n.words, n.against);
    if (outnumbers(mine, theirs) && mine > (found?.count ?? 0)) found = { lang: n.lang, count: mine };
  }
  return found?.lang;
}

/** The neighbour whose own letters a text holds, enough of them. */
export function neighbourByLetters(lang: string, text: string): string | undefined {
  const own = OWN_LETTERS[baseLanguage(lang)];
  return own && (text.match(own.letters) ?? []).length >= own.min ? own.lang : undefined;
}
