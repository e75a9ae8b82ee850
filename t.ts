import Typograf from "typograf";
const s = [
 ["es", 'fue amenazado con una carta de "cese y desistimiento" del proveedor. No es un escenario de “hasta que la muerte nos separe”. y diría: "¿Qué?" Lo peor - es separarse. 1984-2020 <script>alert("x")</script> a & b'],
 ["fr", "d'une lettre de «cesser et de s'abstenir» du fournisseur. répondraient «Quoi?» Le pire qui devrait se produire - c'est de se séparer. © 1984-2020 Seamus Phan et coll."],
 ["de", 'mit einer „Bis dass der Tod uns scheidet“ Szenario. sagen: „Was?“ "Hallo" Das Schlimmste, was passieren darf – ist, sich zu trennen.'],
] as const;
for (const [l, t] of s) {
  const tp = new Typograf({ locale: [l as any], htmlEntity: { type: "default" } });
  console.log(l, JSON.stringify(tp.execute(t)));
}
