import type { MessageCatalogue } from './catalogue';
import { fullStop } from './punctuation';

const WHAT_I_CAN_DO =
  'Puedo revisar el estado de un pedido, darle el horario de nuestras tiendas, restablecer su contraseña, ' +
  'agendar una llamada o comunicarle con un agente.';

/** "a la 1 p.m." but "a las 3 p.m.": the article agrees with the hour. */
function theHour(time: string): string {
  return /^1\D/.test(time) ? `la ${time}` : `las ${time}`;
}

const ASK_NUMBER = '¿A qué número de teléfono le envío los detalles?';

export const esUS: MessageCatalogue = {
  intlLocale: 'es-US',
  common: {
    unexpectedError:
      'Lo siento, algo falló de nuestro lado y no pude terminar. ¿Quiere que le comunique con un agente?',
    unknownIntent: `Disculpe, no puedo atender esa solicitud. ${WHAT_I_CAN_DO}`,
  },
  orders: {
    numberHint: 'Los números de pedido tienen 5 dígitos, por ejemplo 10001. ¿Cuál es el suyo?',
    shipped: ({ orderNumber, carrier, trackingNumber, expectedDelivery }) =>
      `¡Buenas noticias! El pedido ${orderNumber} ya se envió con ${carrier} y debería llegar el ${expectedDelivery}. ` +
      `El número de rastreo es ${trackingNumber}.`,
    processing: ({ orderNumber }) =>
      `El pedido ${orderNumber} está en proceso: lo estamos preparando y empacando, y todavía no se ha enviado. ` +
      'Le mandaremos el número de rastreo por correo en cuanto salga.',
    delivered: ({ orderNumber, deliveredOn }) =>
      `El pedido ${orderNumber} fue entregado el ${deliveredOn}. Si no lo encuentra, revise cerca de su puerta y con sus vecinos; ` +
      'si sigue sin aparecer, puedo comunicarle con un agente.',
    cancelled: ({ orderNumber }) =>
      `El pedido ${orderNumber} fue cancelado. Si no lo esperaba, puedo comunicarle con un agente.`,
    notFound: ({ orderNumber }) =>
      `No encontré ningún pedido con el número ${orderNumber}. ` +
      'Revise el número de 5 dígitos en su correo de confirmación e inténtelo de nuevo, o diga "agente" para hablar con una persona.',
  },
  stores: {
    oneStore: ({ name, address, schedule }) =>
      fullStop(`Horario de nuestra tienda ${name}, en ${address}: ${schedule}`),
    allStores: (stores) =>
      `Este es el horario de nuestras tiendas. ${stores.map(({ name, schedule }) => fullStop(`${name}: ${schedule}`)).join(' ')} ` +
      'Si quiere la dirección de alguna, pregúnteme por esa tienda.',
    storeAddress: ({ name, address }) => fullStop(`Nuestra tienda ${name} está en ${address}`),
    oneStoreOnDay: ({ name, day, hours }) =>
      hours === null
        ? `Nuestra tienda ${name} está cerrada el ${day}.`
        : fullStop(`El ${day}, nuestra tienda ${name} abre ${hours}`),
    allStoresOnDay: (day, entries) => fullStop(`El ${day}: ${entries.join('; ')}`),
    closesLatest: (day, entries) =>
      fullStop(
        entries.length === 1
          ? `El ${day}, la tienda que cierra más tarde es ${entries.join('')}`
          : `El ${day}, las tiendas que cierran más tarde son: ${entries.join('; ')}`,
      ),
    opensEarliest: (day, entries) =>
      fullStop(
        entries.length === 1
          ? `El ${day}, la tienda que abre más temprano es ${entries.join('')}`
          : `El ${day}, las tiendas que abren más temprano son: ${entries.join('; ')}`,
      ),
    oneStoreAtTime: ({ name, day, time, hours, open }) =>
      fullStop(
        open
          ? `Sí: el ${day}, nuestra tienda ${name} abre ${hours}`
          : `${capitalized(atTime(time))} no: el ${day}, nuestra tienda ${name} abre ${hours}`,
      ),
    storesOpenAtTime: (day, time, entries) =>
      fullStop(`El ${day} ${atTime(time)} están abiertas: ${entries}`),
    noStoreOpenAtTime: (day, time) => `El ${day} ${atTime(time)} no hay ninguna tienda abierta.`,
    unknownStore: (knownNames) => `No tengo el horario de esa tienda. Nuestras tiendas son ${knownNames}.`,
    noStores:
      'Lo siento, en este momento no tengo el horario de las tiendas. ¿Quiere que le comunique con un agente?',
    holidayHoursUnknown: 'En días festivos el horario puede ser distinto del normal, y no lo tengo.',
    everyDay: 'todos los días',
    dayRange: (first, last) => `de ${first} a ${last}`,
    hours: (opens, closes) => `de ${opens} a ${closes}`,
    closed: 'cerrado',
    scheduleEntry: (days, hours) => `${days}, ${hours}`,
  },
  password: {
    emailHint: 'Eso no parece un correo electrónico. Dígamelo así: nombre@ejemplo.com.',
    linkSent: (maskedEmail) =>
      `Listo. Le envié un enlace para restablecer su contraseña a ${maskedEmail}. ` +
      'Si no lo ve en su bandeja de entrada en unos minutos, revise la carpeta de correo no deseado.',
    declined: 'Está bien, no voy a restablecer su contraseña. ¿Le ayudo con algo más?',
  },
  callback: {
    dateUnreadable: 'Disculpe, no entendí la fecha. ¿Qué día quiere que le llamemos?',
    dateInPast: 'Esa fecha ya pasó. ¿Qué día quiere que le llamemos?',
    dateTooFar: (lastDate) =>
      `Podemos agendar llamadas con hasta 30 días de anticipación, así que la fecha más lejana es el ${lastDate}. ` +
      '¿Qué día le queda bien?',
    timeUnreadable: ({ opens, closes }) =>
      `Disculpe, no entendí la hora. ¿A qué hora le llamamos, entre ${theHour(opens)} y ${theHour(closes)}?`,
    timeAmbiguous: ({ opens, closes }) =>
      fullStop(`¿Es de la mañana o de la tarde? Llamamos entre ${theHour(opens)} y ${theHour(closes)}`),
    timeOutsideHours: ({ opens, closes }) =>
      `${fullStop(`Hacemos las llamadas entre ${theHour(opens)} y ${theHour(closes)}`)} ¿Qué hora dentro de ese horario le queda bien?`,
    timeAlreadyPassed: ({ opens, closes }) =>
      `Esa hora ya pasó hoy. ¿Qué hora más tarde le queda bien, entre ${theHour(opens)} y ${theHour(closes)}?`,
    phoneInvalid:
      'Ese número de teléfono parece incompleto. Dígame el número completo, con el código de área.',
    confirm: ({ date, time, timeZone, phoneEnding }) =>
      `Un agente le llamará al número que termina en ${phoneEnding} el ${date} a ${theHour(time)} (${timeZone}). ¿Agendo la llamada?`,
    booked: ({ date, time, timeZone, phoneEnding, reference }) =>
      `Listo: un agente le llamará al número que termina en ${phoneEnding} el ${date} a ${theHour(time)} (${timeZone}). ` +
      `Su número de referencia es ${reference}.`,
    declined: 'Está bien, no agendé ninguna llamada. ¿Le ayudo con algo más?',
  },
  agent: {
    connecting: 'Le comunico con un agente...',
  },
  feedback: {
    unhelpfulAnswer:
      'Lamento que no le haya servido. Puede preguntarme de otra forma, o puedo comunicarle con una persona. ¿Le parece bien?',
    noPreviousAnswer: `Disculpe. ${WHAT_I_CAN_DO} ¿En qué le puedo ayudar?`,
  },
  welcome: `¡Hola! ${WHAT_I_CAN_DO} También respondo preguntas sobre devoluciones, envíos, pagos y más. ¿En qué le puedo ayudar?`,
  repairs: {
    notCaught: 'Disculpe, no le entendí.',
    offerDeclined: 'Está bien. ¿Le puedo ayudar con algo más?',
  },
  farewell: {
    call: 'Gracias por llamar. ¡Hasta luego!',
    chat: 'Me alegra haberle ayudado. ¡Hasta luego!',
  },
  details: {
    offer:
      'Puedo enviarle los detalles completos por mensaje de texto: solo diga "mándeme los detalles por mensaje".',
    nothingToSend:
      'Todavía no tengo ninguna respuesta de esta conversación para enviarle. Hágame una pregunta y después puedo mandarle los detalles por mensaje de texto.',
    askNumber: ASK_NUMBER,
    confirmNumber: (phoneNumber) =>
      `Le enviaré los detalles completos por mensaje de texto al ${phoneNumber}. ¿Es el número correcto?`,
    requested:
      'Listo: en unos minutos recibirá un mensaje de texto con los detalles completos. Pueden aplicarse cargos por mensajes y datos.',
    alreadyRequested: (phoneNumber) =>
      `Ya pedí que le enviaran esos detalles por mensaje de texto al ${phoneNumber}. Deberían llegarle en unos minutos.`,
  },
  voice: {
    noInput: 'Disculpe, no escuché nada.',
    howCanIHelp: '¿En qué le puedo ayudar?',
    yesOrNo: 'Por favor, diga sí o no.',
    goodbye: 'Sigo sin escucharle, así que voy a terminar la llamada. Llámenos cuando quiera. Hasta luego.',
    shortened: 'Esa es la versión corta; un agente puede darle el resto.',
    slotPrompts: {
      CheckOrderStatus: {
        OrderNumber:
          '¿Cuál es su número de pedido? Es el número de 5 dígitos que aparece en su correo de confirmación.',
      },
      OrderStatusFollowUp: {
        OrderNumber:
          '¿Cuál es su número de pedido? Es el número de 5 dígitos que aparece en su correo de confirmación.',
      },
      ResetPassword: { Email: '¿Cuál es el correo electrónico de su cuenta?' },
      BookCallback: {
        CallbackDate: '¿Para qué día quiere programar la llamada?',
        CallbackTime: '¿A qué hora le llamamos? Por ejemplo, a las 10 de la mañana o a las 3:30 de la tarde.',
        PhoneNumber: '¿A qué número de teléfono le llamamos?',
      },
      SendAnswerDetails: { PhoneNumber: ASK_NUMBER },
    },
  },
  fallback: {
    cannotHelp: `Lo siento, todavía no puedo ayudarle con eso. ${WHAT_I_CAN_DO} ¿Quiere hablar con un agente?`,
    sources: (titles) => `Fuentes: ${titles.join('; ')}`,
    moreInArticle: 'Diga "más detalles" para ver el artículo completo.',
  },
  moreDetails: {
    nothingMore: 'Eso es todo lo que dice nuestro artículo. ¿Le puedo ayudar con algo más?',
  },
};

/** "a las 7 p.m.", but "a la 1 p.m.". */
function atTime(time: string): string {
  return /^1(?!\d)/u.test(time) ? `a la ${time}` : `a las ${time}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
