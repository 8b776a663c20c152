import type { NluLanguage } from './types';
import { wordList } from './word-list';

export const spanish: NluLanguage = {
  stemmer: 'spanish',
  // Function words, then negation and the framing of a request, which say little about its topic.
  stopWords: wordList(`
    yo, me, mi, mis, mio, mia, tu, tus, te, ti, su, sus, usted, ustedes, nosotros, nos, nuestro, nuestra, se, le,
    les, lo, la, los, las, el, ella, ellos, un, una, unos, unas, de, del, al, a, en, con, por, para, sobre, y, e, o,
    u, que, pero, si, no, es, son, ser, soy, era, fue, esta, estan, estoy, este, esto, eso, ese, esa, estas, estos,
    ha, he, han, hay, muy, ya, ahora, ahorita, mmm, eh, ah, ash, hey, tantito, nomas, va, voy, van, vamos, favor, porfa, porfavor, pues, bueno, hola, oye, oiga, algo, algun, alguna,
    alguno, cualquier, cualquiera, tan, mas, solo, tengo, tiene, tienes, tenemos, tener, hacer, hago, hace, hice, hizo, hecho,
    nunca, problema, problemas, pregunta, duda, preguntar, queria, quisiera, olvidelo, olvidalo, dejelo, dejalo,
    olvidese, olvidate, no importa, da igual, ahora mismo, ahorita mismo, ya mismo, de inmediato, inmediatamente, temo, me temo,
    agradeceria, agradezco, agradecer, agradecido, agradecida, mucho, muy amable, molestia, molestarle, ok, okay,
    oki, uf, ay, uy, nah, igual, otro, otra, primero, sabe que, sabes que, no puedo esperar, me urge, es urgente,
    una cosa, otra cosa, volviendo a lo de, regresando a lo de, volviendo a, regresando a, retomando,
    aqui esta, aqui tiene, aqui va, aqui le va, ahi va, ahi le va, aca esta, aca va`),
  // Abreviaturas de chat, como se escriben con prisa.
  currencyWord: 'dolares',
  contractedWords: {
    q: ['que'],
    pa: ['para'],
    pal: ['para', 'el'],
    k: ['que'],
    xq: ['por', 'que'],
    pq: ['por', 'que'],
    porq: ['por', 'que'],
    kiero: ['quiero'],
    kiere: ['quiere'],
    tmb: ['tambien'],
    tb: ['tambien'],
    dnd: ['donde'],
    ps: ['pues'],
    bn: ['bien'],
    msj: ['mensaje'],
  },
  contractedEndings: {},
  correctionCues: wordList(
    `perdón, perdon, disculpe, disculpa, discúlpeme, disculpeme, discúlpame, disculpame, no espere, espere,
    espérate, esperate, espérame, esperame, espera,
    quise decir, digo, mejor, más bien, en vez, en lugar, corrijo`,
  ),
  questionOpeners: wordList(`
    para preguntar si, para preguntarle si, para preguntarles si, preguntarle si, preguntar si, queria saber si,
    quiero saber si, quisiera saber si, necesito saber si, gustaria saber si, decir si, digame si, dime si,
    me puede decir, me podria decir, digame, dime`),
  // "Para saber si..." after a question gives its purpose: "¿va a llover mañana? pa saber si voy a la tienda".
  reasonCues: wordList(
    'porque, xq, pq, porq, ya que, es que, para saber si, pa saber si, por si, por si acaso',
  ),
  // "Para" before an infinitive (with a pronoun attached or not) or "para que": the purpose of the request.
  purposeClause: /\b(?:para|pa) (?:que |\p{L}+(?:ar|er|ir)(?:me|te|se|le|lo|la|les|los|las|nos)?\b)/u,
  encliticPronouns: wordList('me, te, se, nos, lo, la, le, los, las, les, melo, mela, selo, sela'),
  synonymGroups: [
    // Saludos: as phrases, so "tardes" in "buenas tardes" is not the "tard" of "¿cuánto tarda?".
    wordList('hola, buenos días, buen día, buenas tardes, buenas noches, buenas, saludos'),
    // Prisa y muletillas alrededor de un pedido: frases y palabras vacías, así "ahorita mismo" no es un tema.
    wordList('ahora mismo, ahorita mismo, ya mismo, de inmediato, inmediatamente'),
    wordList('no puedo esperar, me urge, es urgente'),
    // "Sabe qué, mejor...": una muletilla, como "you know what".
    wordList('sabe que, sabes que'),
    // "Dígame una cosa": la pregunta anunciada, no su tema (como "una pregunta").
    wordList('una cosa, otra cosa'),
    // "Volviendo a lo de la llamada": la vuelta a un tema, no el tema.
    wordList('volviendo a lo de, regresando a lo de, volviendo a, regresando a, retomando'),
    // "Aquí está: 10004": las palabras con que se entrega un dato, no un tema.
    wordList('aqui esta, aqui tiene, aqui va, aqui le va, ahi va, ahi le va, aca esta, aca va'),
    // "Otra vez" is "again" as one word: "la otra" (the other one) asks nothing to be repeated.
    wordList('otra vez, de nuevo, nuevamente'),
    // Pedidos y entregas
    wordList('pedido, orden, compra, paquete, envio, entrega, producto, articulo, mercancia, encargo'),
    wordList('estado, seguimiento, rastreo, tracking, actualizacion, novedad, informacion'),
    wordList('rastrear, localizar, seguir, dar seguimiento'),
    wordList('enviar, enviaron, mandar, mandaron, despachar, despacharon, salio, salir'),
    wordList('llegar, llega, llegue, recibir, entregar, venir, viene'),
    wordList('buscar, revisar, checar, consultar, averiguar, ver'),
    wordList('esperar, esperando, todavia, aun'),
    wordList('camino, reparto, transito'),
    // Tiendas y horarios
    wordList('tienda, sucursal, local, establecimiento, negocio'),
    wordList('horario, horarios, hora, horas, horario de servicio, horario de atencion'),
    // Un plazo no es un horario: "¿y si ya pasó más de una hora?" pregunta por un tiempo, no por cuándo abren.
    wordList(`
      una hora, unas horas, dos horas, tres horas, media hora, hora y media, varias horas, muchas horas,
      24 horas, 48 horas, 72 horas`),
    wordList('abrir, abre, abren, abierto, abierta, abiertos, apertura, atender, atienden, empiezan'),
    wordList('cerrar, cierra, cierran, cerrado, cerrada, cierre'),
    wordList('temprano'),
    wordList('tarde, noche'),
    wordList('fin de semana, fines de semana, entre semana, semana'),
    wordList('festivo, festivos, feriado, feriados, navidad, accion de gracias, ano nuevo, semana santa'),
    // Contraseñas y cuentas
    wordList('contraseña, clave, password, nip, pin, datos de acceso'),
    wordList('restablecer, cambiar, recuperar, reiniciar, resetear, reponer, nueva, nuevo, diferente'),
    wordList('olvide, olvidar, olvido, olvidaron, acordar, recordar, recuerdo, perder, perdi'),
    wordList('entrar, acceder, acceso, iniciar sesion, ingresar, meterme, conectarme'),
    wordList('cuenta, perfil, usuario'),
    wordList('bloqueada, bloqueado, bloquear, bloquearon, suspendida, desactivada'),
    wordList(`
      funciona, funcionar, acepta, aceptar, incorrecta, incorrecto, invalida, invalido, mal, error, equivocada,
      vencio`),
    // Llamadas
    wordList('llamar, llamada, llamen, llame, marcar, marquen, telefono, telefonica, telefonazo, contactar'),
    wordList('agendar, programar, reservar, apartar, apuntar, cita, organizar'),
    wordList('despues, luego, mas tarde, mas adelante'),
    wordList('devolver, devuelvan, regresar, regrese, de vuelta, de regreso, return'),
    // Personas
    wordList(`
      agente, persona, humano, representante, operador, operadora, alguien, personal, empleado, empleada, supervisor,
      gerente, asesor, asesora, ejecutivo, encargado, ser humano, equipo`),
    wordList('hablar, platicar, conversar, chatear, chat'),
    wordList(`
      transferir, transfiere, comunicar, comunica, comunicame, comuniqueme, conectar, conectame, pasar, pasame,
      paseme`),
    wordList('real, vivo, verdad, verdadero, verdadera'),
    wordList('ayuda, ayudar, soporte, servicio al cliente, atencion al cliente, atencion a clientes'),
  ],
};
