/**
 * Spanish objection lexicons: category cues and handling cues, in the notation of
 * src/coaching/objections-lexicon.ts. Hand-written from sales usage (Spain and Latin America),
 * accents optional where speakers and transcribers drop them.
 */
import { type CategoryLexicon, compile, compileAny, type HandlingLexicon } from "../../objections-lexicon.js";

const DECIDERS = `(?:mi |el |la |nuestro |nuestra |los |las )?(?:jef~|director~|gerente~|socio~|due[nñ]~|direcci[oó]n|junta|consejo|comit[eé]|finanzas|compras|legal|jur[ií]dico|administraci[oó]n|equipo)`;

export const ES: CategoryLexicon = {
  neutral: compile(
    [
      "sin problema~",
      "no (hay|es) (ning[uú]n )?problema",
      "no (es|parece|resulta|me parece) (tan |muy |nada |demasiado )?car[oa]",
      "(el |un )?presupuesto (ya )?(est[aá] |esta )?(aprobado|asignado|reservado)",
      "(nos|me) interesa (mucho)?",
    ],
    "g",
  ),
  pain: compile([
    "(nuestros|nuestras|los|las) (costes|costos|gastos|p[eé]rdidas|multas)( \\S+){0,3} (son |est[aá]n )?(muy |demasiado )?(alt[oa]s|elevad[oa]s|enormes|creciendo)",
    "(perdemos|gastamos|pagamos) (mucho|demasiado|miles)",
  ]),
  offer: compile([
    "(su|sus|vuestro|vuestra|tu|este|esta|ese|esa) (precio|tarifa|propuesta|oferta|licencia~|suscripci[oó]n|plan)",
    "por (usuario|licencia|mes|a[nñ]o|conductor|veh[ií]culo)",
    "ustedes",
  ]),
  cues: {
    price: compileAny([
      "(muy |demasiado |bastante |un poco |algo )?car[oa]s?",
      "car[ií]sim[oa]",
      "m[aá]s car[oa] de lo que",
      "se (nos )?(sale|va|escapa) (del|de (nuestro|mi)) presupuesto",
      "(no|ya no) (tenemos|hay|nos queda) (presupuesto|dinero|fondos)",
      "(fuera|por encima) del? (nuestro )?presupuesto",
      "no (podemos|puedo) (pagar|permitirnos|asumir) (eso|tanto|ese precio|esa cantidad)",
      "(el precio|la tarifa|el coste|el costo|la cifra)( \\S+){0,3} (es |nos parece |parece )?(alt[oa]|elevad[oa]|excesiv[oa]|mucho)",
      "m[aá]s barat[oa]",
      "(un |alg[uú]n |buen )?descuento",
      "no (vale|merece) (la pena|tanto)",
    ]),
    timing: compileAny([
      "ahora (mismo )?no",
      "no es (el |un )?(buen |mejor )?momento",
      "(m[aá]s adelante|el (a[nñ]o|trimestre|mes) que viene|el pr[oó]ximo (a[nñ]o|trimestre|mes))",
      "(tenemos|tengo|necesito|necesitamos) que pensarlo",
      "(d[eé]jame|d[eé]jeme|d[eé]jenos) pensarlo",
      "(antes de|hasta) \\S+ no (podemos|llegamos|vamos a poder)",
      "estamos (muy )?(liados|ocupados|saturados|a tope)",
    ]),
    authority: compileAny([
      `(consultar|consultarlo|hablarlo|comentarlo|validarlo|aprobarlo|revisarlo)( \\S+){0,2} con ${DECIDERS}`,
      "no (soy yo|decido yo) (quien|el que|la que) (decide|firma|aprueba)",
      "no depende (solo )?de m[ií]",
      `${DECIDERS} (tiene que|tendr[aá] que|debe|deber[aá]) (aprobarlo|aprobar|firmar|dar el visto bueno|decidir)`,
    ]),
    need: compileAny([
      "no (lo )?(necesitamos|necesito)",
      "no (nos |me )?(interesa|hace falta)",
      "no (vemos|veo) (la )?(necesidad|utilidad|valor)",
      "(ya )?estamos (bien|contentos|content[oa]s) (as[ií]|con lo que tenemos)",
      "no es (una )?prioridad",
    ]),
    competitor: compileAny([
      "(ya )?(usamos|utilizamos|trabajamos con|tenemos) (otr[oa]|un[oa]?) (proveedor|herramienta|sistema|soluci[oó]n|plataforma)",
      "la competencia",
      "(estamos|estoy) (compar[aá]ndo~|comparando|evaluando|mirando) (con |otras |otros |otra |otro )",
      "(en )?qu[eé] (los |les |se )?(diferencia|distingue)",
    ]),
    trust: compileAny([
      "no (nos |me )?(fiamos|f[ií]o|conf[ií]o|confiamos)",
      "(qu[eé]|alguna) garant[ií]a",
      "seguridad de (los )?datos",
      "(tenemos|tengo) (dudas|miedo) (de|sobre|con)",
      "no (los |les |lo )?conocemos",
    ]),
    other: compileAny([
      "no (estoy|estamos) (muy )?(segur[oa]s?|convencid[oa]s?)",
      "no (me|nos) (convence|acaba de convencer|gusta)",
    ]),
  },
  askedCommitment: compile([
    "(empezamos|arrancamos|firmamos|seguimos adelante|lo cerramos|(te|le|les) parece)",
  ]),
  mentionedPrice: compile(["(precio|tarifa|cuesta|coste|costo|euros|#)"]),
  shortRefusal: compile(["^(no|no,? gracias|de momento no|por ahora no)[.!]*$"]),
  shortPriceReaction: compile(["^(uf+|vaya|uy)?[ ,.!]*(es )?(mucho|caro|car[ií]simo|un poco caro)[.!]*$"]),
  counterOffer: compile(["(y )?(si|qu[eé] tal|podr[ií]amos|podemos|ofrezco|por) ¤"]),
};

export const ES_HANDLING: HandlingLexicon = {
  acknowledge: compileAny([
    "(lo |le |te )?(entiendo|comprendo)",
    "tiene (toda la )?raz[oó]n",
    "es (una )?(pregunta|preocupaci[oó]n|duda) (muy )?(l[oó]gica|razonable|normal|v[aá]lida|justa)",
    "(es |me parece )(l[oó]gico|normal|razonable|justo)",
    "(muchos|otros|varios) clientes (nos )?(dicen|dijeron|pensaban|ten[ií]an|preguntan)",
    "gracias por (decirlo|comentarlo|la sinceridad)",
  ]),
  confirm: compileAny([
    "(eso|esto|as[ií]) (le |te |les )?(resuelve|responde|aclara|soluciona|despeja|convence)",
    "(tiene sentido|le encaja|les encaja|le sirve|les sirve|le convence)\\?",
    "(alguna|queda alguna|hay alguna) (otra )?(duda|pregunta)",
    "qu[eé] (le|te|les) parece",
    "(le|te|les) parece (bien)?\\?",
  ]),
  value: compileAny([
    "#",
    "\\d+ ?(%|por ciento|horas|d[ií]as|semanas|meses|clientes)",
    "(clientes|empresas)( \\S+)? (como|similares|parecid~)",
    "(ahorr~|reduc~|aument~|mejor~|recuper~|amortiz~|rentabiliz~|retorno|se paga)",
    "(piloto|prueba|demo|garant[ií]a)",
    "(incluid~|incluye|integraci[oó]n)",
    "(por ejemplo|es decir|porque)",
    "(podemos|puedo) (enviar|mostrar|preparar|ofrecer|incluir|dejarlo|bajar)",
    "(si firmamos|a cambio|le propongo|les propongo)",
  ]),
  relevant: {
    price: compile([
      "(precio~|cost~|ahorr~|amortiz~|retorno|presupuest~|euros|descuento~|pago~|invers~|tarifa~|multa~|mil|al a[nñ]o|por usuario|firmamos|#)",
    ]),
    timing: compile([
      "(r[aá]pid~|d[ií]as|semanas|implementaci[oó]n|arranque|plazo~|fecha~|cuando|ahora|luego|esperar|octubre|septiembre)",
    ]),
    authority: compile([
      "(director~|gerente|jef~|presentaci[oó]n|reuni[oó]n|decisi[oó]n|aprob~|materiales|resumen|enviar|juntos)",
    ]),
    need: compile(["(problema~|resultado~|ayud~|necesidad|objetivo~|riesgo~|perd~)"]),
    competitor: compile(["(diferencia~|compar~|mejor|m[aá]s r[aá]pido|migraci[oó]n|cambiar|integr~|excel)"]),
    trust: compile([
      "(referencia~|casos?|clientes|seguridad|garant[ií]a~|piloto|prueba|a[nñ]os|certific~|datos)",
    ]),
    other: null,
  },
  accept: compile([
    "(vale|de acuerdo|perfecto|genial|claro|entendido|tiene sentido|me parece bien|me parece razonable|me convence|as[ií] s[ií]|razonable)",
    "^(s[ií]|vale|ok|claro|bien)[.!]*$",
  ]),
  reject: compile([
    "^no(?! (hay )?(problema|te preocupes|se preocupe))[,.!]?",
    "^no[.!]*$",
    "(sigue siendo|aun as[ií]|a[uú]n as[ií]|no me convence|no resuelve)",
  ]),
  backchannel: compile([
    "^(s[ií]|aj[aá]|vale|ok|claro|ya|mm+|ah|eh|bueno|entiendo)( (s[ií]|vale|claro))?[.!?,]*$",
  ]),
  stop: new Set(
    `el la los las un una unos unas de del al a en y o pero que por para con sin es son fue ser estar esta este esto eso
    se su sus lo le les me mi mis te tu nos nuestro nuestra ya muy mas más no si sí como cuando donde qué cual hay todo
    antes después solo sólo cosa entonces bien`.split(/\s+/),
  ),
};
