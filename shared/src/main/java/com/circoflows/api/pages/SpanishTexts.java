package com.circoflows.api.pages;

import static java.util.Map.entry;

import java.util.Map;

/** The customer pages in Spanish, addressing the customer as "usted". */
final class SpanishTexts {
    static final Map<Text, String> TEXTS = Map.ofEntries(
            entry(Text.PAY_MERCHANT, "Pagar a {merchant}"),
            entry(Text.PAY_AMOUNT, "Pagar {amount}"),
            entry(Text.PAY_WITH_CARD, "Pagar con tarjeta"),
            entry(Text.ERROR_TITLE_PREFIX, "Error: "),
            entry(Text.TEST_MODE, "Modo de prueba"),
            entry(Text.TEST_MODE_HINT, "En el modo de prueba no se mueve dinero real"),
            entry(Text.CONTACT_INFORMATION, "Datos de contacto"),
            entry(Text.CARD_DETAILS, "Datos de la tarjeta"),
            entry(Text.EMAIL, "Correo electrónico"),
            entry(Text.CARD_NUMBER, "Número de tarjeta"),
            entry(Text.EXPIRY_DATE, "Fecha de caducidad"),
            entry(Text.SECURITY_CODE, "Código de seguridad"),
            entry(Text.NAME_ON_CARD, "Nombre en la tarjeta"),
            entry(Text.EXPIRY_FORMAT, "MM / AA"),
            entry(Text.CVC_HINT, "3 o 4 dígitos"),
            entry(Text.SECURE_NOTE, "Los datos de su tarjeta se cifran y se envían únicamente al procesador de pagos, "
                    + "nunca a {merchant}."),
            entry(Text.ONE_PROBLEM, "Hay un problema"),
            entry(Text.PROBLEMS, "Hay varios problemas"),
            entry(Text.PROCESSING, "Procesando…"),
            entry(Text.RE_ENTER_CARD, "Por su seguridad, introduzca de nuevo el número de tarjeta y el código de "
                    + "seguridad."),

            entry(Text.ENTER_EMAIL, "Introduzca su dirección de correo electrónico."),
            entry(Text.INVALID_EMAIL, "Introduzca una dirección de correo electrónico válida, por ejemplo "
                    + "nombre@example.com."),
            entry(Text.ENTER_CARD_NUMBER, "Introduzca el número de su tarjeta."),
            entry(Text.INCOMPLETE_CARD_NUMBER, "El número de su tarjeta está incompleto."),
            entry(Text.INVALID_CARD_NUMBER, "El número de su tarjeta no es válido. Compruébelo e inténtelo de nuevo."),
            entry(Text.ENTER_EXPIRY, "Introduzca la fecha de caducidad con el formato MM / AA."),
            entry(Text.INVALID_EXPIRY, "Introduzca una fecha de caducidad válida con el formato MM / AA."),
            entry(Text.EXPIRED, "La fecha de caducidad de su tarjeta ya ha pasado."),
            entry(Text.ENTER_CVC, "Introduzca el código de seguridad."),
            entry(Text.INVALID_CVC, "Introduzca el código de 3 dígitos del reverso de su tarjeta."),
            entry(Text.INVALID_AMEX_CVC, "Introduzca el código de 4 dígitos del anverso de su tarjeta."),
            entry(Text.ENTER_NAME, "Introduzca el nombre que figura en su tarjeta."),
            entry(Text.NAME_TOO_LONG, "El nombre que figura en su tarjeta es demasiado largo."),

            entry(Text.FAILED_TITLE, "No se ha podido completar su pago"),
            entry(Text.BANK_DID_NOT_CONFIRM_TITLE, "Su banco no ha confirmado este pago"),
            entry(Text.COULD_NOT_PROCESS_TITLE, "No hemos podido procesar su tarjeta"),
            entry(Text.CARD_DECLINED, "Su tarjeta ha sido rechazada. Pruebe con otra tarjeta."),
            entry(Text.INSUFFICIENT_FUNDS, "Su tarjeta no tiene saldo suficiente. Pruebe con otra tarjeta."),
            entry(Text.CARD_EXPIRED, "Su tarjeta ha caducado. Pruebe con otra tarjeta."),
            entry(Text.WRONG_CVC, "El código de seguridad introducido no es correcto. Compruébelo o pruebe con otra "
                    + "tarjeta."),
            entry(Text.WRONG_CARD_NUMBER, "El número de su tarjeta no es válido. Compruébelo o pruebe con otra "
                    + "tarjeta."),
            entry(Text.NOT_CHARGED_TRY_AGAIN, "No se le ha cobrado nada. Inténtelo de nuevo o utilice otra tarjeta."),
            entry(Text.THREE_D_SECURE_FAILED, "La verificación de seguridad de su banco (3-D Secure) no se ha "
                    + "superado, por lo que no se le ha cobrado nada. Inténtelo de nuevo o utilice otra tarjeta."),
            entry(Text.NOT_CHARGED_OTHER_CARD, "No se le ha cobrado nada. Inténtelo de nuevo o utilice otra tarjeta."),

            entry(Text.PAYMENT_SUCCESSFUL, "Pago realizado"),
            entry(Text.YOU_PAID, "Ha pagado {amount} a {merchant}."),
            entry(Text.PAID_FOR, "Concepto"),
            entry(Text.REFERENCE, "Referencia"),
            entry(Text.PAID_ON, "Fecha de pago"),
            entry(Text.RETURN_TO, "Volver a {merchant}"),
            entry(Text.TAKING_YOU_BACK, "Le llevaremos de vuelta a {merchant} en unos segundos…"),
            entry(Text.CLOSE_THIS_PAGE, "Ya puede cerrar esta página."),

            entry(Text.PAYMENT_IN_PROGRESS, "Pago en curso"),
            entry(Text.IN_PROGRESS_TITLE, "Su pago se está procesando"),
            entry(Text.IN_PROGRESS_LEAD, "Estamos confirmando su pago de {amount} a {merchant}. Normalmente tarda solo "
                    + "unos segundos."),
            entry(Text.DO_NOT_PAY_AGAIN, "No vuelva a pagar. Esta página se actualiza automáticamente."),
            entry(Text.CHECK_AGAIN, "Comprobar de nuevo"),

            entry(Text.CANCELLED_TITLE, "Este pago se ha cancelado"),
            entry(Text.CANCELLED_LEAD, "{merchant} ha cancelado esta solicitud de pago de {amount}. No se le ha "
                    + "cobrado nada."),
            entry(Text.CANCELLED_NEXT, "Si aún desea pagar, vuelva a {merchant} y empiece de nuevo, o póngase en "
                    + "contacto con el comercio."),
            entry(Text.EXPIRED_TITLE, "Este enlace de pago ha caducado"),
            entry(Text.EXPIRED_LEAD, "El plazo para pagar {amount} a {merchant} ha vencido, por lo que este enlace ya "
                    + "no funciona. No se le ha cobrado nada."),
            entry(Text.EXPIRED_NEXT, "Para pagar, vuelva a {merchant} y empiece de nuevo: recibirá un nuevo enlace de "
                    + "pago."),

            entry(Text.LOCKED_TITLE, "Demasiados intentos de pago"),
            entry(Text.LOCKED_LEAD, "Por su seguridad, el pago de {amount} a {merchant} queda en pausa hasta las "
                    + "{time} (unos {minutes}). No se le ha cobrado nada."),
            entry(Text.ONE_MINUTE, "1 minuto"),
            entry(Text.MINUTES, "{count} minutos"),
            entry(Text.LOCKED_NEXT, "Después, inténtelo de nuevo con una tarjeta que sepa que es válida, o póngase "
                    + "en contacto con {merchant}."),
            entry(Text.BACK_TO_PAYMENT_PAGE, "Volver a la página de pago"),
            entry(Text.SENTENCE_END, "."),

            entry(Text.CANNOT_CHANGE_TITLE, "Este pago no se puede modificar ahora"),
            entry(Text.CANNOT_CHANGE_TEXT, "Abra de nuevo la página de pago para ver su estado."),
            entry(Text.OPEN_PAYMENT_PAGE, "Abrir la página de pago"),
            entry(Text.COULD_NOT_TAKE_TITLE, "No hemos podido realizar este pago"),
            entry(Text.COULD_NOT_TAKE_TEXT, "Su pago no se ha completado. Revise la página de pago e inténtelo de "
                    + "nuevo."),
            entry(Text.UNREACHABLE_TITLE, "No hemos podido conectar con el servicio de pago"),
            entry(Text.UNREACHABLE_TEXT, "Su pago no se ha completado. Inténtelo de nuevo en unos momentos."),
            entry(Text.TRY_AGAIN, "Intentar de nuevo"),
            entry(Text.OUR_FAILURE_TITLE, "Se ha producido un error por nuestra parte"),
            entry(Text.OUR_FAILURE_TEXT, "Revise la página de pago antes de volver a intentarlo, para no pagar dos "
                    + "veces."),
            entry(Text.CHECK_THE_PAYMENT, "Revisar el pago"),
            entry(Text.PAGE_EXPIRED_TITLE, "Esta página ha caducado"),
            entry(Text.PAGE_EXPIRED_TEXT, "Por su seguridad, vuelva a cargar la página de pago e introduzca de nuevo "
                    + "los datos de su tarjeta. No se le ha cobrado nada."),
            entry(Text.RELOAD_PAYMENT_PAGE, "Volver a cargar la página de pago"),
            entry(Text.NOT_FOUND_TITLE, "No encontramos este pago"),
            entry(Text.NOT_FOUND_TEXT, "Es posible que el enlace esté incompleto o mal escrito. Compruebe el enlace que "
                    + "recibió, o vuelva a la tienda y empiece de nuevo."),

            entry(Text.CHALLENGE_BADGE, "Modo de prueba: emisor de tarjeta simulado"),
            entry(Text.CHALLENGE_DOCUMENT_TITLE, "Confirme su pago"),
            entry(Text.CHALLENGE_TITLE, "Confirme su identidad"),
            entry(Text.CHALLENGE_LEAD, "Su banco le pide que autorice este pago (3-D Secure)."),
            entry(Text.MERCHANT, "Comercio"),
            entry(Text.AMOUNT, "Importe"),
            entry(Text.CARD, "Tarjeta"),
            entry(Text.AUTHENTICATE, "Autenticar"),
            entry(Text.FAIL_AUTHENTICATION, "Rechazar la autenticación"),
            entry(Text.AUTHENTICATION_DOCUMENT_TITLE, "Autenticación del pago"),
            entry(Text.AUTHENTICATION_COMPLETE, "Autenticación completada"),
            entry(Text.AUTHENTICATION_FAILED, "La autenticación ha fallado"),
            entry(Text.YOU_APPROVED, "Ha autorizado el pago de {amount} a {merchant}."),
            entry(Text.YOU_DID_NOT_APPROVE, "No ha autorizado el pago de {amount} a {merchant}."),
            entry(Text.CONTINUE, "Continuar"),
            entry(Text.CLOSE_AND_RETURN, "Puede cerrar esta página y volver al comercio."),
            entry(Text.RETURN_TO_MERCHANT, "Volver al comercio"),
            entry(Text.CHALLENGE_PROBLEM_TITLE, "No podemos mostrar este pago"),
            entry(Text.CHALLENGE_UNREACHABLE, "No hemos podido conectar con su banco. Inténtelo de nuevo en unos "
                    + "momentos."),
            entry(Text.CHALLENGE_OUR_FAILURE, "Se ha producido un error por nuestra parte. Inténtelo de nuevo."),
            entry(Text.CHALLENGE_PAGE_EXPIRED, "Esta página ha caducado. Vuelva atrás, cárguela de nuevo e inténtelo "
                    + "otra vez."),
            entry(Text.CHALLENGE_CHOOSE, "Elija «Autenticar» o «Rechazar la autenticación»."),
            entry(Text.CHALLENGE_NOT_FOUND, "Este pago no existe o el enlace está incompleto."),
            entry(Text.CHALLENGE_CANNOT_CHANGE, "Este pago ya no se puede autenticar."),

            entry(Text.PAY_BY_BANK_TRANSFER, "Pagar por transferencia bancaria"),
            entry(Text.BANK_TRANSFER, "Transferencia bancaria"),
            entry(Text.PAYMENT_METHOD, "Método de pago"),
            entry(Text.OR_DIVIDER, "o"),
            entry(Text.TRANSFER_OPTION_TEXT, "Pague {amount} desde su cuenta bancaria ({scheme}). Recibirá nuestros "
                    + "datos bancarios y una referencia que debe indicar; el pago se completa cuando llega el "
                    + "dinero."),
            entry(Text.ACCOUNT_HOLDER_NAME, "Nombre del titular de la cuenta"),
            entry(Text.ENTER_ACCOUNT_HOLDER, "Introduzca el nombre del titular de la cuenta."),
            entry(Text.ACCOUNT_HOLDER_TOO_LONG, "El nombre del titular de la cuenta es demasiado largo."),
            entry(Text.SCHEME_SEPA, "transferencia SEPA"),
            entry(Text.SCHEME_FASTER_PAYMENTS, "Faster Payments"),
            entry(Text.SCHEME_ACH, "transferencia ACH o wire"),
            entry(Text.TRANSFER_TITLE, "Complete su pago por transferencia"),
            entry(Text.TRANSFER_LEAD, "Para pagar {amount} a {merchant}, haga una transferencia con estos datos "
                    + "desde la aplicación o la web de su banco."),
            entry(Text.TRANSFER_RECEIVED, "Hasta ahora hemos recibido {received}. Transfiera los {remaining} "
                    + "restantes."),
            entry(Text.AMOUNT_REMAINING, "Pendiente de pago"),
            entry(Text.BENEFICIARY, "Beneficiario"),
            entry(Text.IBAN, "IBAN"),
            entry(Text.BIC, "BIC"),
            entry(Text.ACCOUNT_NUMBER, "Número de cuenta"),
            entry(Text.SORT_CODE, "Sort code (código bancario británico)"),
            entry(Text.ROUTING_NUMBER, "Routing number (ABA)"),
            entry(Text.PAYMENT_REFERENCE, "Referencia del pago"),
            entry(Text.PAY_BY, "Pagar antes del"),
            entry(Text.REFERENCE_NOTE, "Indique la referencia exactamente como aparece, para que su pago se asocie "
                    + "a este pedido."),
            entry(Text.COMPLETES_WHEN_MONEY_ARRIVES, "Su pago se completa cuando llega el dinero, normalmente en "
                    + "unas horas y como máximo en 3 días hábiles. Puede cerrar esta página y volver a este enlace "
                    + "en cualquier momento para comprobar si ha llegado."),
            entry(Text.COPY, "Copiar"),
            entry(Text.COPIED, "Copiado"),
            entry(Text.COPIED_STATUS, "{field} copiado al portapapeles."),
            entry(Text.TRANSFER_EXPIRED_TITLE, "Su transferencia no llegó a tiempo"),
            entry(Text.TRANSFER_EXPIRED_TEXT, "No recibimos el importe completo en la fecha indicada, así que esa "
                    + "transferencia ya no puede completar este pago; le devolveremos lo que haya enviado. Puede "
                    + "volver a pagar a continuación."),

            entry(Text.WALLETS_TITLE, "Pagar con un monedero electrónico"),
            entry(Text.PAY_WITH_GOOGLE_PAY, "Pagar con Google Pay"),
            entry(Text.PAY_WITH_APPLE_PAY, "Pagar con Apple Pay"),
            entry(Text.TEST_WALLETS_TITLE, "Modo de prueba: monederos electrónicos"),
            entry(Text.TEST_WALLETS_HINT, "No necesita un monedero real: el modo de prueba crea un token de monedero "
                    + "auténtico para la tarjeta de prueba elegida y paga con él como con el token de un monedero "
                    + "real. No se mueve dinero real."),
            entry(Text.TEST_CARD, "Tarjeta de prueba"),
            entry(Text.TEST_CARD_SUCCEEDS, "{digits}: pago aceptado"),
            entry(Text.TEST_CARD_DECLINED, "{digits}: tarjeta rechazada"),
            entry(Text.TEST_CARD_THREE_D_SECURE, "{digits}: con 3-D Secure"),
            entry(Text.PAY_WITH_TEST_GOOGLE_PAY, "Modo de prueba: pagar con un token de prueba de Google Pay"),
            entry(Text.PAY_WITH_TEST_APPLE_PAY, "Modo de prueba: pagar con un token de prueba de Apple Pay"),
            entry(Text.WALLET_PAYMENT_REFUSED, "No se pudo usar el pago de su monedero, así que no se le ha cobrado. "
                    + "Inténtelo de nuevo o use una tarjeta."),

            entry(Text.THE_MERCHANT, "el comercio"));

    private SpanishTexts() {
    }
}
