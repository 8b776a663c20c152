import { nluLanguageFor, type NluLanguage } from '../../lex/nlu/language';
import { wordList } from '../../lex/nlu/language/word-list';

/**
 * What a language model knows and a word list must be told: the everyday words of shopping that mean the
 * same as an FAQ's wording ("swap" for "exchange", "website" for "online", a competitor's name for "another
 * retailer"). Written for retail FAQs in general, not for any one article or question; the NLU's own groups
 * (orders, stores, people) come with them.
 */
const ENGLISH_SHOPPING = [
  wordList('online, website, web site, web, site, internet, app'),
  wordList('price, cost, costs, pricing'),
  wordList('match, beat, price match, price-match, lower price, cheaper'),
  wordList(`
    retailer, retailers, competitor, competitors, another store, other store, amazon, walmart, target, best buy,
    costco, ebay`),
  wordList('exchange, swap, trade, switch'),
  wordList(`
    return, returns, send back, send it back, send something back, send them back, bring back, bring it back,
    bring something back, bring them back, take back, take it back, take something back`),
  wordList('pick up, pickup, pick it up, collect, grab'),
  wordList('boarding pass, plane ticket, flight ticket, airline ticket'),
  // What holds "in all our stores" holds in each: one group per store, so that one is not another.
  ...['airport', 'downtown', 'riverside', 'northgate'].map((store) =>
    wordList(`${store}, all our stores, any store, any of our stores, every store`),
  ),
  // Cities people name for the country they ship to.
  wordList('canada, toronto, montreal, vancouver, calgary, ottawa, edmonton, winnipeg, quebec'),
  wordList('mexico, mexico city, guadalajara, monterrey, cancun, tijuana, puebla, merida'),
  wordList('get in, get there, reach, access, enter'),
  // "How long does it take to arrive?" is answered by "Delivery: 6-10 business days".
  wordList('arrive, arrives, arrival, delivery, deliveries'),
  wordList('customs, duties, duty, import tax, import taxes, import fees'),
  wordList(
    "can't find, cannot find, not here, isn't here, never arrived, didn't arrive, didn't get, missing",
  ),
  wordList(
    'someone else, another person, husband, wife, partner, friend, son, daughter, mom, dad, family member, brother, sister, aunt, uncle, cousin, grandma, grandpa, boyfriend, girlfriend, neighbor, nephew, niece, grandson, granddaughter, son-in-law, daughter-in-law',
  ),
  wordList('minimum, at least, or more'),
  wordList('combine, combined, together with, along with, at the same time'),
  wordList("hasn't moved, has not moved, not moving, isn't moving, stuck, no movement"),
  wordList('after, more than, past, over'),
  wordList('free, no charge, no cost, for nothing'),
  wordList('fee, fees, charge, surcharge, commission'),
  // "Is there a cost?" is answered by "it's free".
  wordList('cost, costs, fee, fees, charge, charges, free'),
  wordList('cancel, cancellation, call off, stop'),
  wordList('delete, deletion, remove, erase, close'),
  wordList('promotional, promotions, promos, offers, deals, marketing'),
  wordList('unsubscribe, opt out, stop sending, stop getting, stop receiving'),
  wordList('refund, refunds, money back, reimburse, reimbursement, credited'),
  wordList('receipt, proof of purchase, invoice'),
  wordList(`
    defective, broken, faulty, damaged, stopped working, broke, busted, defect, defects, won't turn on,
    doesn't turn on, stopped turning on, dead`),
  wordList('warranty, guarantee, protection plan, coverage'),
  wordList(
    'protection plan, extended warranty, extended warranties, extra coverage, more coverage, insurance',
  ),
  wordList('accidental, accident, dropped it, cracked, shattered, spilled, drops, spills'),
  wordList('pet, pets, dog, dogs, puppy, cat, cats, animal, animals'),
  // "Will they let her in?" or "can I come in with my dog?" asks whether she is allowed.
  wordList(`
    allowed, allow, allows, permitted, welcome, let in, let her in, let him in, let them in, come in with,
    go in with, come inside with, go inside with`),
  wordList('abroad, international, overseas, another country, other countries, outside the us'),
  wordList(`
    another country, other country, spain, france, germany, italy, united kingdom, uk, england, ireland, japan, china, india,
    australia, brazil, argentina, colombia, chile, peru, guatemala`),
  wordList('balance, left on, remaining'),
  wordList('expire, expires, expired, expiration, expiry, still good, still valid, still works, still work'),
  wordList('tomorrow, next day, next-day, overnight'),
  // "What if I don't have the receipt?" is answered by the sentence about returns without one.
  wordList("without, do not have, dont have, no longer have, wasn't given, they didn't give me"),
  // "Even if I've worn them?" asks about the condition "unused" sets.
  wordList('unused, used, worn, wore, wearing'),
  // What people bought is, to an FAQ, an item.
  wordList(`
    item, items, product, products, appliance, appliances, electronics, tv, television, laptop, computer, phone,
    tablet, camera, headphones, console, blender, microwave, fridge, refrigerator, washer, dryer, vacuum, sweater,
    shirt, jacket, shoes, toy, furniture, air fryer, coffee maker, toaster, earbuds, speaker`),
  wordList('buy, bought, purchase, purchased'),
  // "Do you sell gift cards?" is answered by "Gift cards are available in any amount...".
  wordList('sell, sells, carry, are available, is available'),
  wordList('personal information, info, data, details'),
];

const SPANISH_SHOPPING = [
  wordList('en linea, linea, pagina, pagina web, sitio, sitio web, web, internet, app, aplicacion'),
  wordList('precio, precios, costo, cuesta, vale'),
  wordList(
    'igualar, igualan, igualamos, mejorar, mejoran, mas barato, mas barata, precio mas bajo, price match',
  ),
  // "Ustedes mismos la tienen más barata" habla de "nuestro propio precio", no de la "misma marca".
  wordList('ustedes mismos, ustedes mismas, nuestro propio, nuestra propia, su propio, su propia'),
  wordList(`
    competencia, competidor, competidores, otra tienda, otras tiendas, tienda grande, tiendas grandes, minorista,
    minoristas, amazon, walmart, target, best buy, costco,
    ebay`),
  // "¿Venden tarjetas de regalo?" se responde con "Las tarjetas de regalo están disponibles...".
  wordList('vender, venden, vende, manejan, estan disponibles, esta disponible'),
  wordList('cambiar, cambio, cambios, intercambiar'),
  wordList('devolver, devolucion, regresar, return'),
  wordList('rastreo, numero de rastreo, guia, numero de guia, tracking'),
  // "No me aparece nada" en la página de la paquetería: el rastreo aún no muestra su primera actualización.
  wordList(`
    no se actualiza, sin actualizacion, primera actualizacion, no sale nada, no me sale nada, no aparece nada, no sirve,
    no me aparece nada, no muestra nada`),
  wordList('reexpedidor, reexpedidor de carga, courier, casillero'),
  // "¿Lo puedo usar junto con mi tarjeta?" is what "se puede combinar con otro método de pago" answers.
  wordList('combinar, combinan, combina, junto con, juntar, al mismo tiempo'),
  // A parcel that "sigue sin moverse" is one that "no ha avanzado".
  wordList('no ha avanzado, no avanza, sin moverse, sigue sin moverse, no se mueve, atorado, detenido'),
  // Spanglish: "una gift card" is the articles' "tarjeta de regalo", read word by word.
  wordList('tarjeta, tarjetas, gift card, gift cards, giftcard, giftcards'),
  // Spanglish: "¿me la mandan por email?" is the articles' "por correo".
  wordList('correo, correo electronico, email, e-mail, mail, imeil'),
  // Spanglish: "¿hacen shipping a México?".
  wordList('envio, envios, enviar, envian, enviamos, shipping'),
  // Spanglish: "¿tienen pickup?".
  wordList('recoger, recogida, recogerlo, pasar por, recojo, recoja, recojan, pickup, pick up'),
  // El centro comercial de Riverside, como lo nombra la gente: uno de los nombres, no el "centro" (Downtown).
  wordList('centro comercial, plaza comercial, mall'),
  wordList('pase de abordar, boleto de avion, pasaje, tarjeta de embarque'),
  // Lo que vale en "todas nuestras tiendas" vale en cada una: una por tienda, para que una no sea otra.
  ...['aeropuerto', 'centro', 'riverside', 'northgate'].map((store) =>
    wordList(`${store}, todas nuestras tiendas, cualquier tienda, cualquiera de nuestras tiendas`),
  ),
  // Ciudades que la gente nombra por el país al que enviamos.
  wordList('canada, toronto, montreal, vancouver, calgary, ottawa, edmonton, winnipeg, quebec'),
  wordList('mexico, ciudad de mexico, cdmx, guadalajara, monterrey, cancun, tijuana, puebla, merida'),
  wordList('entrar, llegar, acceder'),
  // "¿Dónde lo encuentro?" se contesta con dónde aparece.
  wordList('encontrar, encuentro, encuentra, encuentran, hallar, aparece, aparecen'),
  wordList('aduana, aranceles, arancel, impuestos de importacion, impuestos'),
  wordList(
    'no lo encuentra, no lo encuentro, no me llego, no llego, nunca llego, no esta, no aparece, perdido',
  ),
  wordList(
    'otra persona, alguien mas, esposo, esposa, pareja, amigo, amiga, hijo, hija, mama, papa, familiar, hermano, hermana, tio, tia, primo, prima, abuelo, abuela, cuñado, cuñada, novio, novia, vecino, vecina, sobrino, sobrina, nieto, nieta, yerno, nuera, suegro, suegra',
  ),
  wordList('minimo, al menos, o mas, a partir de'),
  // "¿Y si ya pasaron más de 30 días?" pregunta por lo que pasa después de 30 días.
  wordList('despues de, mas de, pasados, ya pasaron'),
  wordList('gratis, gratuito, gratuita, sin costo, sin cargo'),
  wordList('comision, comisiones, cargo, cargos, cuota, cobran, cobrar'),
  // "¿Tiene costo?" se contesta con "es gratis"; "¿cuánto me sale?" es "¿cuánto cuesta?", no "salir".
  wordList(
    'costo, costos, cuesta, cargo, cobran, tarifa, gratis, cuanto sale, cuanto me sale, cuanto me saldria',
  ),
  wordList('cancelar, cancelacion, anular'),
  wordList('borrar, eliminar, eliminacion, cerrar, dar de baja'),
  // Dejar de recibir correos de ofertas es darse de baja de las promociones.
  wordList('promociones, promocion, ofertas, publicidad, promos'),
  wordList(
    'darse de baja, dejen de mandarme, dejen de enviarme, dejar de recibir, no me lleguen, desuscribirme',
  ),
  wordList(`
    reembolso, reembolsan, reembolsar, devolver el dinero, devuelven el dinero, devuelvan el dinero,
    regresar el dinero, regresan el dinero, mi dinero, refund`),
  wordList('recibo, ticket, comprobante, comprobante de compra, factura'),
  wordList(`
    defectuoso, defectuosa, defecto, defectos, roto, rota, descompuso, descompuesto, descompuesta, malogro, dejo de funcionar,
    no funciona, no sirve, ya no sirve, falla, dañado, dañada, no prende, ya no prende, no enciende, dejo de encender, dejo de prender`),
  wordList('garantia, garantias, plan de proteccion, cobertura'),
  // Lo que la gente pide cuando quiere más cobertura que la del fabricante.
  wordList(
    'plan de proteccion, garantia extendida, garantias extendidas, seguro extra, seguro adicional, mas cobertura',
  ),
  wordList('fabricante, fabrica, de fabrica'),
  // "¿Tienen garantía extendida?": el plan que "extiende la cobertura" (el verbo cambia de raíz).
  wordList(
    'extendida, extendidas, extendido, extendidos, extiende, extienden, extender, ampliar, amplia, alargar',
  ),
  wordList(`
    accidentales, accidental, accidente, se me cayo, se cayo, se me cae, se cae, se quebro, se estrello,
    pantalla rota, se mojo, se moja, caidas, derrames`),
  wordList('mascota, mascotas, perro, perros, perrito, perrita, gato, gatos, animal, animales'),
  // "¿Me la dejan entrar?" o "¿puedo entrar con mi perro?" pregunta si se permite.
  wordList(`
    permite, permiten, se permite, se permiten, permitido, permitidos, bienvenido, bienvenidos, entrar con,
    pasar con, dejan entrar, dejan pasar, dejar entrar, dejen entrar`),
  wordList('extranjero, internacional, internacionales, otro pais, otros paises, fuera de estados unidos'),
  wordList(`
    otro pais, espana, francia, alemania, italia, reino unido, inglaterra, irlanda, japon, china, india,
    australia, brasil, argentina, colombia, chile, peru, guatemala`),
  wordList('saldo, le queda, queda'),
  // "No me quedaron" habla de la talla, no del saldo que "le queda" a una tarjeta.
  wordList(`
    no me quedaron, no le quedaron, no me quedo, no le quedo, no me queda, no le queda, no me quedan, no le quedan,
    me quedo chico, me quedo grande, me quedaron chicos, me quedaron grandes`),
  wordList('mañana, dia siguiente, al dia siguiente, siguiente dia'),
  wordList('sin, no tengo, ya no tengo, perdi, perdi el, perdi mi, no me dieron, no me dio'),
  // "¿Aunque ya me los haya puesto?" pregunta por la condición que pide "sin usar".
  wordList(
    'sin usar, sin uso, usado, usados, usada, usadas, puesto, puestos, puesta, puestas, estrenado, estrenados',
  ),
  wordList(`
    articulo, articulos, producto, productos, electrodomestico, electrodomesticos, electronicos, tele, televisor, television, tv,
    pantalla, laptop, computadora, celular, telefono, tableta, camara, audifonos, consola, licuadora, microondas,
    refrigerador, lavadora, secadora, aspiradora, sueter, camisa, chamarra, zapatos, juguete, muebles, freidora,
    freidora de aire, cafetera, tostador, batidora, refri, compu, bocina`),
  wordList('datos, datos personales, informacion personal'),
  wordList(
    `caducan, caduca, vencen, vence, vencimiento, fecha de vencimiento, fecha de caducidad, expiran, expira,
    todavia sirve, sigue sirviendo, vigente`,
  ),
  wordList(
    'en la acera, sin bajarme, sin bajarse, sin bajarnos, en el carro, en el coche, desde el carro, del carro, curbside, bajarme del carro, bajar del carro',
  ),
];

function withShopping(base: NluLanguage, groups: readonly (readonly string[])[]): NluLanguage {
  return { ...base, synonymGroups: [...base.synonymGroups, ...groups] };
}

export const ENGLISH_VOCABULARY: NluLanguage = withShopping(nluLanguageFor('en_US'), ENGLISH_SHOPPING);
export const SPANISH_VOCABULARY: NluLanguage = {
  ...withShopping(nluLanguageFor('es_US'), SPANISH_SHOPPING),
  plainStemVowels: true,
};
