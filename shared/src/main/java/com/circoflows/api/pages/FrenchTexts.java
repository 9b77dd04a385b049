package com.circoflows.api.pages;

import static java.util.Map.entry;

import java.util.Map;

/** The customer pages in French, addressing the customer as "vous". */
final class FrenchTexts {
    static final Map<Text, String> TEXTS = Map.ofEntries(
            entry(Text.PAY_MERCHANT, "Payer {merchant}"),
            entry(Text.PAY_AMOUNT, "Payer {amount}"),
            entry(Text.PAY_WITH_CARD, "Payer par carte"),
            entry(Text.ERROR_TITLE_PREFIX, "Erreur\u00a0: "),
            entry(Text.TEST_MODE, "Mode test"),
            entry(Text.TEST_MODE_HINT, "Aucun argent réel n’est débité en mode test"),
            entry(Text.CONTACT_INFORMATION, "Coordonnées"),
            entry(Text.CARD_DETAILS, "Informations de carte"),
            entry(Text.EMAIL, "Adresse e-mail"),
            entry(Text.CARD_NUMBER, "Numéro de carte"),
            entry(Text.EXPIRY_DATE, "Date d’expiration"),
            entry(Text.SECURITY_CODE, "Code de sécurité"),
            entry(Text.NAME_ON_CARD, "Nom sur la carte"),
            entry(Text.EXPIRY_FORMAT, "MM / AA"),
            entry(Text.CVC_HINT, "3 ou 4 chiffres"),
            entry(Text.SECURE_NOTE, "Les informations de votre carte sont chiffrées et transmises uniquement au "
                    + "prestataire de paiement, jamais à {merchant}."),
            entry(Text.ONE_PROBLEM, "Un problème est survenu"),
            entry(Text.PROBLEMS, "Plusieurs problèmes sont survenus"),
            entry(Text.PROCESSING, "Traitement en cours…"),
            entry(Text.RE_ENTER_CARD, "Pour votre sécurité, veuillez saisir à nouveau votre numéro de carte et votre "
                    + "code de sécurité."),

            entry(Text.ENTER_EMAIL, "Veuillez saisir votre adresse e-mail."),
            entry(Text.INVALID_EMAIL, "Veuillez saisir une adresse e-mail valide, par exemple nom@example.com."),
            entry(Text.ENTER_CARD_NUMBER, "Veuillez saisir votre numéro de carte."),
            entry(Text.INCOMPLETE_CARD_NUMBER, "Votre numéro de carte est incomplet."),
            entry(Text.INVALID_CARD_NUMBER, "Votre numéro de carte n’est pas valide. Veuillez le vérifier et "
                    + "réessayer."),
            entry(Text.ENTER_EXPIRY, "Veuillez saisir la date d’expiration au format MM / AA."),
            entry(Text.INVALID_EXPIRY, "Veuillez saisir une date d’expiration valide au format MM / AA."),
            entry(Text.EXPIRED, "La date d’expiration de votre carte est dépassée."),
            entry(Text.ENTER_CVC, "Veuillez saisir le code de sécurité."),
            entry(Text.INVALID_CVC, "Veuillez saisir le code à 3 chiffres figurant au dos de votre carte."),
            entry(Text.INVALID_AMEX_CVC, "Veuillez saisir le code à 4 chiffres figurant au recto de votre carte."),
            entry(Text.ENTER_NAME, "Veuillez saisir le nom figurant sur votre carte."),
            entry(Text.NAME_TOO_LONG, "Le nom figurant sur votre carte est trop long."),

            entry(Text.FAILED_TITLE, "Votre paiement n’a pas abouti"),
            entry(Text.BANK_DID_NOT_CONFIRM_TITLE, "Votre banque n’a pas confirmé ce paiement"),
            entry(Text.COULD_NOT_PROCESS_TITLE, "Nous n’avons pas pu traiter votre carte"),
            entry(Text.CARD_DECLINED, "Votre carte a été refusée. Veuillez essayer avec une autre carte."),
            entry(Text.INSUFFICIENT_FUNDS, "Le solde de votre carte est insuffisant. Veuillez essayer avec une autre "
                    + "carte."),
            entry(Text.CARD_EXPIRED, "Votre carte a expiré. Veuillez essayer avec une autre carte."),
            entry(Text.WRONG_CVC, "Le code de sécurité saisi est incorrect. Veuillez le vérifier ou essayer avec une "
                    + "autre carte."),
            entry(Text.WRONG_CARD_NUMBER, "Votre numéro de carte n’est pas valide. Veuillez le vérifier ou essayer "
                    + "avec une autre carte."),
            entry(Text.NOT_CHARGED_TRY_AGAIN, "Aucun montant n’a été débité. Veuillez réessayer ou utiliser une autre "
                    + "carte."),
            entry(Text.THREE_D_SECURE_FAILED, "La vérification de sécurité de votre banque (3-D Secure) a échoué\u00a0: "
                    + "aucun montant n’a été débité. Veuillez réessayer ou utiliser une autre carte."),
            entry(Text.NOT_CHARGED_OTHER_CARD, "Aucun montant n’a été débité. Veuillez réessayer ou utiliser une autre "
                    + "carte."),

            entry(Text.PAYMENT_SUCCESSFUL, "Paiement réussi"),
            entry(Text.YOU_PAID, "Vous avez payé {amount} à {merchant}."),
            entry(Text.PAID_FOR, "Objet"),
            entry(Text.REFERENCE, "Référence"),
            entry(Text.PAID_ON, "Payé le"),
            entry(Text.RETURN_TO, "Retour à {merchant}"),
            entry(Text.TAKING_YOU_BACK, "Vous allez être redirigé vers {merchant} dans quelques secondes…"),
            entry(Text.CLOSE_THIS_PAGE, "Vous pouvez maintenant fermer cette page."),

            entry(Text.PAYMENT_IN_PROGRESS, "Paiement en cours"),
            entry(Text.IN_PROGRESS_TITLE, "Votre paiement est en cours de traitement"),
            entry(Text.IN_PROGRESS_LEAD, "Nous confirmons votre paiement de {amount} à {merchant}. Cela ne prend "
                    + "généralement que quelques secondes."),
            entry(Text.DO_NOT_PAY_AGAIN, "Veuillez ne pas payer une seconde fois. Cette page se met à jour "
                    + "automatiquement."),
            entry(Text.CHECK_AGAIN, "Vérifier à nouveau"),

            entry(Text.CANCELLED_TITLE, "Ce paiement a été annulé"),
            entry(Text.CANCELLED_LEAD, "{merchant} a annulé cette demande de paiement de {amount}. Aucun montant n’a "
                    + "été débité."),
            entry(Text.CANCELLED_NEXT, "Si vous souhaitez toujours payer, retournez sur le site de {merchant} et "
                    + "recommencez, ou contactez le marchand."),
            entry(Text.EXPIRED_TITLE, "Ce lien de paiement a expiré"),
            entry(Text.EXPIRED_LEAD, "Le délai pour payer {amount} à {merchant} est écoulé\u00a0: ce lien ne fonctionne "
                    + "plus. Aucun montant n’a été débité."),
            entry(Text.EXPIRED_NEXT, "Pour payer, retournez sur le site de {merchant} et recommencez\u00a0: vous recevrez "
                    + "un nouveau lien de paiement."),

            entry(Text.LOCKED_TITLE, "Trop de tentatives de paiement"),
            entry(Text.LOCKED_LEAD, "Pour votre sécurité, le paiement de {amount} à {merchant} est suspendu jusqu’à "
                    + "{time} (environ {minutes}). Aucun montant n’a été débité."),
            entry(Text.ONE_MINUTE, "1 minute"),
            entry(Text.MINUTES, "{count} minutes"),
            entry(Text.LOCKED_NEXT, "Réessayez ensuite avec une carte dont vous êtes sûr qu’elle est valide, ou "
                    + "contactez {merchant}."),
            entry(Text.BACK_TO_PAYMENT_PAGE, "Retour à la page de paiement"),
            entry(Text.SENTENCE_END, "."),

            entry(Text.CANNOT_CHANGE_TITLE, "Ce paiement ne peut pas être modifié pour le moment"),
            entry(Text.CANNOT_CHANGE_TEXT, "Ouvrez à nouveau la page de paiement pour voir où il en est."),
            entry(Text.OPEN_PAYMENT_PAGE, "Ouvrir la page de paiement"),
            entry(Text.COULD_NOT_TAKE_TITLE, "Nous n’avons pas pu effectuer ce paiement"),
            entry(Text.COULD_NOT_TAKE_TEXT, "Votre paiement n’a pas été effectué. Veuillez vérifier la page de "
                    + "paiement et réessayer."),
            entry(Text.UNREACHABLE_TITLE, "Le service de paiement est injoignable"),
            entry(Text.UNREACHABLE_TEXT, "Votre paiement n’a pas été effectué. Veuillez réessayer dans un instant."),
            entry(Text.TRY_AGAIN, "Réessayer"),
            entry(Text.OUR_FAILURE_TITLE, "Une erreur s’est produite de notre côté"),
            entry(Text.OUR_FAILURE_TEXT, "Veuillez vérifier la page de paiement avant de réessayer, afin de ne pas "
                    + "payer deux fois."),
            entry(Text.CHECK_THE_PAYMENT, "Vérifier le paiement"),
            entry(Text.PAGE_EXPIRED_TITLE, "Cette page a expiré"),
            entry(Text.PAGE_EXPIRED_TEXT, "Pour votre sécurité, rechargez la page de paiement et saisissez à nouveau "
                    + "les informations de votre carte. Aucun montant n’a été débité."),
            entry(Text.RELOAD_PAYMENT_PAGE, "Recharger la page de paiement"),
            entry(Text.NOT_FOUND_TITLE, "Nous ne trouvons pas ce paiement"),
            entry(Text.NOT_FOUND_TEXT, "Le lien est peut-être incomplet ou mal saisi. Vérifiez le lien que vous avez "
                    + "reçu, ou retournez sur le site du marchand et recommencez."),

            entry(Text.CHALLENGE_BADGE, "Mode test\u00a0: émetteur de carte simulé"),
            entry(Text.CHALLENGE_DOCUMENT_TITLE, "Confirmez votre paiement"),
            entry(Text.CHALLENGE_TITLE, "Confirmez votre identité"),
            entry(Text.CHALLENGE_LEAD, "Votre banque vous demande d’approuver ce paiement (3-D Secure)."),
            entry(Text.MERCHANT, "Marchand"),
            entry(Text.AMOUNT, "Montant"),
            entry(Text.CARD, "Carte"),
            entry(Text.AUTHENTICATE, "Authentifier"),
            entry(Text.FAIL_AUTHENTICATION, "Refuser l’authentification"),
            entry(Text.AUTHENTICATION_DOCUMENT_TITLE, "Authentification du paiement"),
            entry(Text.AUTHENTICATION_COMPLETE, "Authentification réussie"),
            entry(Text.AUTHENTICATION_FAILED, "Échec de l’authentification"),
            entry(Text.YOU_APPROVED, "Vous avez approuvé le paiement de {amount} à {merchant}."),
            entry(Text.YOU_DID_NOT_APPROVE, "Vous n’avez pas approuvé le paiement de {amount} à {merchant}."),
            entry(Text.CONTINUE, "Continuer"),
            entry(Text.CLOSE_AND_RETURN, "Vous pouvez fermer cette page et retourner sur le site du marchand."),
            entry(Text.RETURN_TO_MERCHANT, "Retour au marchand"),
            entry(Text.CHALLENGE_PROBLEM_TITLE, "Nous ne pouvons pas afficher ce paiement"),
            entry(Text.CHALLENGE_UNREACHABLE, "Votre banque est injoignable pour le moment. Veuillez réessayer dans un "
                    + "instant."),
            entry(Text.CHALLENGE_OUR_FAILURE, "Une erreur s’est produite de notre côté. Veuillez réessayer."),
            entry(Text.CHALLENGE_PAGE_EXPIRED, "Cette page a expiré. Revenez en arrière, rechargez-la et réessayez."),
            entry(Text.CHALLENGE_CHOOSE, "Choisissez «\u00a0Authentifier\u00a0» ou «\u00a0Refuser l’authentification\u00a0»."),
            entry(Text.CHALLENGE_NOT_FOUND, "Ce paiement n’existe pas ou le lien est incomplet."),
            entry(Text.CHALLENGE_CANNOT_CHANGE, "Ce paiement ne peut plus être authentifié."),

            entry(Text.PAY_BY_BANK_TRANSFER, "Payer par virement bancaire"),
            entry(Text.BANK_TRANSFER, "Virement bancaire"),
            entry(Text.PAYMENT_METHOD, "Moyen de paiement"),
            entry(Text.OR_DIVIDER, "ou"),
            entry(Text.TRANSFER_OPTION_TEXT, "Payez {amount} depuis votre compte bancaire ({scheme}). Vous recevrez "
                    + "nos coordonnées bancaires et une référence à indiquer\u00a0; le paiement est terminé dès "
                    + "réception des fonds."),
            entry(Text.ACCOUNT_HOLDER_NAME, "Nom du titulaire du compte"),
            entry(Text.ENTER_ACCOUNT_HOLDER, "Veuillez saisir le nom du titulaire du compte."),
            entry(Text.ACCOUNT_HOLDER_TOO_LONG, "Le nom du titulaire du compte est trop long."),
            entry(Text.SCHEME_SEPA, "virement SEPA"),
            entry(Text.SCHEME_FASTER_PAYMENTS, "Faster Payments"),
            entry(Text.SCHEME_ACH, "virement ACH ou wire"),
            entry(Text.TRANSFER_TITLE, "Finalisez votre paiement par virement"),
            entry(Text.TRANSFER_LEAD, "Pour payer {amount} à {merchant}, effectuez un virement avec ces "
                    + "informations depuis l’application ou le site de votre banque."),
            entry(Text.TRANSFER_RECEIVED, "Nous avons reçu {received} pour l’instant. Veuillez virer les "
                    + "{remaining} restants."),
            entry(Text.AMOUNT_REMAINING, "Reste à payer"),
            entry(Text.BENEFICIARY, "Bénéficiaire"),
            entry(Text.IBAN, "IBAN"),
            entry(Text.BIC, "BIC"),
            entry(Text.ACCOUNT_NUMBER, "Numéro de compte"),
            entry(Text.SORT_CODE, "Sort code (code banque britannique)"),
            entry(Text.ROUTING_NUMBER, "Routing number (ABA)"),
            entry(Text.PAYMENT_REFERENCE, "Référence du paiement"),
            entry(Text.PAY_BY, "À payer avant le"),
            entry(Text.REFERENCE_NOTE, "Indiquez la référence exactement comme affichée, afin que votre paiement "
                    + "soit rattaché à cette commande."),
            entry(Text.COMPLETES_WHEN_MONEY_ARRIVES, "Votre paiement est terminé dès réception des fonds, en "
                    + "général en quelques heures, au plus en 3 jours ouvrés. Vous pouvez fermer cette page et "
                    + "revenir à ce lien à tout moment pour vérifier si les fonds sont arrivés."),
            entry(Text.COPY, "Copier"),
            entry(Text.COPIED, "Copié"),
            entry(Text.COPIED_STATUS, "{field} copié dans le presse-papiers."),
            entry(Text.TRANSFER_EXPIRED_TITLE, "Votre virement n’est pas arrivé à temps"),
            entry(Text.TRANSFER_EXPIRED_TEXT, "Nous n’avons pas reçu le montant total à la date indiquée\u00a0: ce "
                    + "virement ne peut plus régler ce paiement, et toute somme reçue vous est remboursée. Vous "
                    + "pouvez payer à nouveau ci-dessous."),

            entry(Text.WALLETS_TITLE, "Payer avec un portefeuille électronique"),
            entry(Text.PAY_WITH_GOOGLE_PAY, "Payer avec Google Pay"),
            entry(Text.PAY_WITH_APPLE_PAY, "Payer avec Apple Pay"),
            entry(Text.TEST_WALLETS_TITLE, "Mode test\u00a0: portefeuilles électroniques"),
            entry(Text.TEST_WALLETS_HINT, "Aucun vrai portefeuille n’est nécessaire\u00a0: le mode test crée un "
                    + "véritable jeton de portefeuille pour la carte de test choisie et paie avec, comme avec le "
                    + "jeton d’un vrai portefeuille. Aucun argent réel n’est débité."),
            entry(Text.TEST_CARD, "Carte de test"),
            entry(Text.TEST_CARD_SUCCEEDS, "{digits}\u00a0: paiement accepté"),
            entry(Text.TEST_CARD_DECLINED, "{digits}\u00a0: carte refusée"),
            entry(Text.TEST_CARD_THREE_D_SECURE, "{digits}\u00a0: avec 3-D Secure"),
            entry(Text.PAY_WITH_TEST_GOOGLE_PAY, "Mode test\u00a0: payer avec un jeton Google Pay de test"),
            entry(Text.PAY_WITH_TEST_APPLE_PAY, "Mode test\u00a0: payer avec un jeton Apple Pay de test"),
            entry(Text.WALLET_PAYMENT_REFUSED, "Le paiement de votre portefeuille n’a pas pu être utilisé\u00a0; vous "
                    + "n’avez pas été débité. Réessayez ou utilisez une carte."),

            entry(Text.THE_MERCHANT, "le marchand"));

    private FrenchTexts() {
    }
}
