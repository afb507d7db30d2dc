package org.corpuskit.sample;

import java.util.List;
import java.util.Map;

/** Sentences in eight languages and four scripts, written for this project's sample crawl. */
final class SampleText {
  static final Map<String, List<String>> SENTENCES = Map.of(
      "en", List.of(
          "The river behind the old mill freezes every January, and the children skate on it until March.",
          "Our volunteers repaired forty bicycles this spring, most of them donated by the local school.",
          "A good sourdough needs patience, warm water, and a starter that has been fed for at least a week.",
          "The council will vote on the new cycle lanes after the public consultation closes in June.",
          "Tomatoes grown in clay soil need less water, but they ripen about two weeks later than usual.",
          "The library now lends telescopes, and the waiting list is already longer than the one for novels.",
          "Engineers measured the bridge again after the storm and found that the cables had not moved.",
          "Most visitors arrive by train, since parking near the harbour is limited to residents in summer."),
      "de", List.of(
          "Der Bäcker am Marktplatz öffnet jeden Morgen um sechs Uhr, auch an Feiertagen.",
          "Im Herbst sammeln die Schüler Äpfel von den Bäumen hinter der Turnhalle.",
          "Die neue Straßenbahnlinie verbindet den Bahnhof mit dem Krankenhaus in zwölf Minuten.",
          "Unser Chor probt donnerstags im Gemeindesaal und sucht noch Tenöre.",
          "Nach dem Regen war der Wanderweg zum Aussichtsturm für zwei Tage gesperrt.",
          "Die Bibliothek verlängert ihre Öffnungszeiten während der Prüfungswochen."),
      "fr", List.of(
          "Le marché du samedi accueille désormais des producteurs venus de toute la vallée.",
          "La piscine municipale rouvrira après les travaux de rénovation prévus cet hiver.",
          "Les élèves ont planté une haie de noisetiers le long du terrain de sport.",
          "Le festival de musique attire chaque année plus de visiteurs que le village ne compte d'habitants.",
          "Une nouvelle ligne de bus relie la gare au quartier des vignes depuis le mois de mai.",
          "La boulangerie du coin prépare des galettes pour toute la rue en janvier."),
      "es", List.of(
          "El mercado del barrio abre los domingos por la mañana desde el verano pasado.",
          "Los vecinos organizaron una biblioteca de intercambio en la plaza principal.",
          "La nueva ruta de senderismo sube desde el río hasta las ruinas del castillo.",
          "El coro municipal busca voces graves para el concierto de Navidad.",
          "Después de la lluvia, el puerto volvió a abrir para los barcos de pesca."),
      "ru", List.of(
          "Весной в парке высадили двести молодых лип вдоль главной аллеи.",
          "Городская библиотека теперь работает по субботам до восьми вечера.",
          "Новый мост через реку откроют для пешеходов уже в начале осени.",
          "Школьники собрали гербарий из растений, которые растут возле станции.",
          "После ремонта в музее появился зал, посвящённый истории железной дороги."),
      "zh", List.of(
          "今年春天，社区志愿者在河边种下了三百棵柳树。",
          "新开的图书馆每天晚上开放到十点，周末也不休息。",
          "这条老街上的茶馆已经经营了五十多年，常有游客慕名而来。",
          "学校组织学生参观了附近的天文台，观察了木星的卫星。",
          "连续下了三天雨以后，山路暂时关闭，等待检修。"),
      "ar", List.of(
          "افتتحت البلدية حديقة جديدة بجانب المدرسة الابتدائية في بداية الربيع.",
          "يعمل المتطوعون كل أسبوع على تنظيف الشاطئ وجمع البلاستيك.",
          "تستقبل المكتبة العامة الزوار حتى الساعة التاسعة مساء طوال شهر رمضان.",
          "بدأ المزارعون موسم قطف الزيتون في القرى الجبلية هذا الشهر."),
      "ja", List.of(
          "駅前の商店街では、毎月第一日曜日に朝市が開かれています。",
          "図書館の改装が終わり、子ども向けの読書室が新しくなりました。",
          "台風の影響で、山道は点検のため三日間通行止めになりました。",
          "地元の高校生が川の水質を一年間調べ、その結果を発表しました。",
          "春になると、公園の桜並木を見に多くの人が訪れます。"));

  /** Questions and answers in the benchmark format the sample writes (our own items, not a real benchmark). */
  static final List<String[]> BENCHMARK = List.of(
      new String[] {"How many bicycles did the volunteers of the Millbrook repair shop fix in the spring of 2024?", "Forty-three"},
      new String[] {"Which gas makes up most of the atmosphere of the fictional planet Orrin in the Tessaract novels?", "Neon"},
      new String[] {"What is the sum of the first twelve odd numbers, counting from one?", "144"},
      new String[] {"In the sample town of Kessel, on which weekday does the river ferry not run?", "Tuesday"},
      new String[] {"If a train leaves at 9:40 and the trip takes 2 hours and 35 minutes, when does it arrive?", "12:15"},
      new String[] {"Which colour is the lighthouse on the northern pier of Ostwick harbour painted?", "Green and white"},
      new String[] {"How many litres of water does a bathtub hold if it is 1.5 m long, 0.7 m wide and filled 0.4 m deep?", "420"},
      new String[] {"What did the Kessel town council rename the old grain market square in 1998?", "Linden Square"});

  static final List<String> BOILERPLATE_LINKS = List.of(
      "Home", "News", "Sport", "Culture", "Travel", "Contact", "About us", "Archive", "Newsletter", "Login");

  private SampleText() {}
}
