/**
 * English function words, close to NLTK's list plus the question framing reps use ("what are people
 * saying about…"). Broader than Lucene's 33 words on purpose: coverage must not be diluted by words
 * that carry no topic. Apostrophes are already normalized to ASCII when this is consulted.
 */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
  during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here
  here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
  just let's me more most mustn't my myself no nor not now of off on once only or other ought our ours
  ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that
  that's the their theirs them themselves then there there's these they they'd they'll they're they've
  this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what
  what's when when's where where's which while who who's whom why why's will with won't would wouldn't
  you you'd you'll you're you've your yours yourself yourselves also anyone anything else ever may might
  must others shall us via whether yet eg ie etc vs`.split(/\s+/),
);

/** Stopwords that, written in capitals, name something reps talk about: "IT", "US". */
export const CAPITALIZED_KEEPWORDS: ReadonlySet<string> = new Set(['IT', 'US']);

/**
 * Spanish, French, German and Portuguese function words and question framing, in the spirit of the
 * Snowball lists: articles, pronouns, prepositions, conjunctions, the common forms of be/have/can, and
 * the words reps wrap a question in ("¿alguien sabe…", "qu'est-ce qu'ils disent…"). Written with their
 * accents; `foldWord` strips them before lookup, so reps who type without accents are covered too.
 */
export const SPANISH_STOPWORDS_TEXT = `a al algo alguien algún alguna algunas alguno algunos ante antes aquel aquella
  aquellas aquello aquellos aquí así cada como cómo con contra cual cuál cuales cuáles cualquier cuando cuándo
  cuánta cuántas cuánto cuántos de del desde dice dicen dijo dijeron donde dónde durante e el él ella ellas
  ellos en entonces entre era eran eres es esa esas ese eso esos esta está estaba estaban estado estamos
  están estar estas este esté esto estos estoy fue fueron ha habéis había habían han has hasta hay haya he
  hemos la las le les lo los más me mi mí mis mismo misma mucho muchos muy nada ni no nos nosotros nosotras
  nuestra nuestras nuestro nuestros o opina opinan os otra otras otro otros para pero piensa piensan poco
  por porque qué que quien quién quienes quiénes saben sabe sabemos se sea sean según ser si sí sido siendo
  sin sobre sois somos son soy su sus también tampoco tan tanto te tenemos tener tengo tenía tiene tienen
  ti toda todas todo todos tu tú tus un una uno unos unas usted ustedes vosotros vosotras vuestra vuestro y
  ya yo`;

export const FRENCH_STOPWORDS_TEXT = `à a ai aie aient ait alors as au aucun aucune aura aurait aussi autre
  autres aux avaient avais avait avec avez aviez avions avoir avons ayant c ça car ce ceci cela celle celles
  celui ces cet cette ceux chez combien comme comment d dans de des disent dit donc dont du elle elles en
  encore entre es est et été étaient étais était étant êtes étions être eu eux fait faut il ils j je jusqu
  l la le les leur leurs lorsqu lui m ma mais me même mes moi mon n ne ni nos notre nous on ont ou où par
  pas pendant peu peut peuvent pour pourquoi puis qu quand que quel quelle quelles quels qui quoi s sa sans
  sait savez savons se sera serait ses si son sont sous suis sur t ta te tes toi ton tous tout toute toutes
  très tu un une vers vos votre vous y`;

export const GERMAN_STOPWORDS_TEXT = `ab aber alle allem allen aller alles als also am an andere anderen
  auch auf aus bei beim bin bis bist da dabei damit dann das dass daß dem den denen denn der des dessen die
  dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines er es etwas
  euch euer eure für gab gegen gesagt gewesen gibt hab habe haben hat hatte hatten hier ich ihm ihn ihnen
  ihr ihre ihrem ihren ihrer im in ins ist ja jede jedem jeden jeder jedes jemand jetzt kann kein keine
  keinem keinen keiner können könnte man mein meine mich mir mit muss müssen nach nein nicht nichts noch
  nun nur ob oder ohne sagen sagt schon sehr sein seine seinem seinen seiner sich sie sind so soll sollen
  sollte über um und uns unser unsere unter viel vom von vor wann war waren warum was weil weiß welche
  welchem welchen welcher welches wenn wer werden wie wieder will wir wird wissen wo wurde wurden würde zu
  zum zur`;

export const PORTUGUESE_STOPWORDS_TEXT = `a à acha acham ao aos aquela aquelas aquele aqueles aquilo as às
  até com como da das de dela delas dele deles depois disse disseram diz dizem do dos e é ela elas ele eles
  em entre era eram essa essas esse esses esta está estamos estão estas estava estavam este estes estou eu
  foi fomos for foram fosse há isso isto já lhe lhes mais mas me mesmo meu meus minha minhas muito na não
  nas nem no nos nós nossa nossas nosso nossos num numa o onde os ou para pela pelas pelo pelos por porque
  quais qual quando quanto quantos que quê quem sabe sabem sabemos são se seja sem ser será seu seus sido
  só sobre sua suas também te tem têm temos tenho ter teu tinha tua um uma umas uns você vocês`;
