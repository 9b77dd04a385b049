package com.circoflows.api.pages;

import static java.util.Map.entry;

import java.util.Map;

/** The customer pages in German, addressing the customer formally ("Sie"). */
final class GermanTexts {
    static final Map<Text, String> TEXTS = Map.ofEntries(
            entry(Text.PAY_MERCHANT, "An {merchant} bezahlen"),
            entry(Text.PAY_AMOUNT, "{amount} bezahlen"),
            entry(Text.PAY_WITH_CARD, "Mit Karte bezahlen"),
            entry(Text.ERROR_TITLE_PREFIX, "Fehler: "),
            entry(Text.TEST_MODE, "Testmodus"),
            entry(Text.TEST_MODE_HINT, "Im Testmodus fließt kein echtes Geld"),
            entry(Text.CONTACT_INFORMATION, "Kontaktdaten"),
            entry(Text.CARD_DETAILS, "Kartendaten"),
            entry(Text.EMAIL, "E-Mail-Adresse"),
            entry(Text.CARD_NUMBER, "Kartennummer"),
            entry(Text.EXPIRY_DATE, "Ablaufdatum"),
            entry(Text.SECURITY_CODE, "Sicherheitscode"),
            entry(Text.NAME_ON_CARD, "Name auf der Karte"),
            entry(Text.EXPIRY_FORMAT, "MM / JJ"),
            entry(Text.CVC_HINT, "3 oder 4 Ziffern"),
            entry(Text.SECURE_NOTE, "Ihre Kartendaten werden verschlüsselt und nur an den Zahlungsdienstleister "
                    + "übermittelt, niemals an {merchant}."),
            entry(Text.ONE_PROBLEM, "Es gibt ein Problem"),
            entry(Text.PROBLEMS, "Es gibt mehrere Probleme"),
            entry(Text.PROCESSING, "Wird verarbeitet …"),
            entry(Text.RE_ENTER_CARD, "Geben Sie zu Ihrer Sicherheit Kartennummer und Sicherheitscode bitte erneut "
                    + "ein."),

            entry(Text.ENTER_EMAIL, "Bitte geben Sie Ihre E-Mail-Adresse ein."),
            entry(Text.INVALID_EMAIL, "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com."),
            entry(Text.ENTER_CARD_NUMBER, "Bitte geben Sie Ihre Kartennummer ein."),
            entry(Text.INCOMPLETE_CARD_NUMBER, "Ihre Kartennummer ist unvollständig."),
            entry(Text.INVALID_CARD_NUMBER, "Ihre Kartennummer ist ungültig. Bitte prüfen Sie sie und versuchen Sie "
                    + "es erneut."),
            entry(Text.ENTER_EXPIRY, "Bitte geben Sie das Ablaufdatum im Format MM / JJ ein."),
            entry(Text.INVALID_EXPIRY, "Bitte geben Sie ein gültiges Ablaufdatum im Format MM / JJ ein."),
            entry(Text.EXPIRED, "Das Ablaufdatum Ihrer Karte liegt in der Vergangenheit."),
            entry(Text.ENTER_CVC, "Bitte geben Sie den Sicherheitscode ein."),
            entry(Text.INVALID_CVC, "Bitte geben Sie den dreistelligen Code von der Rückseite Ihrer Karte ein."),
            entry(Text.INVALID_AMEX_CVC, "Bitte geben Sie den vierstelligen Code von der Vorderseite Ihrer Karte "
                    + "ein."),
            entry(Text.ENTER_NAME, "Bitte geben Sie den Namen auf Ihrer Karte ein."),
            entry(Text.NAME_TOO_LONG, "Der Name auf Ihrer Karte ist zu lang."),

            entry(Text.FAILED_TITLE, "Ihre Zahlung ist nicht durchgegangen"),
            entry(Text.BANK_DID_NOT_CONFIRM_TITLE, "Ihre Bank hat diese Zahlung nicht bestätigt"),
            entry(Text.COULD_NOT_PROCESS_TITLE, "Ihre Karte konnte nicht verarbeitet werden"),
            entry(Text.CARD_DECLINED, "Ihre Karte wurde abgelehnt. Bitte verwenden Sie eine andere Karte."),
            entry(Text.INSUFFICIENT_FUNDS, "Ihre Karte ist nicht ausreichend gedeckt. Bitte verwenden Sie eine andere "
                    + "Karte."),
            entry(Text.CARD_EXPIRED, "Ihre Karte ist abgelaufen. Bitte verwenden Sie eine andere Karte."),
            entry(Text.WRONG_CVC, "Der eingegebene Sicherheitscode ist falsch. Bitte prüfen Sie ihn oder verwenden "
                    + "Sie eine andere Karte."),
            entry(Text.WRONG_CARD_NUMBER, "Ihre Kartennummer ist ungültig. Bitte prüfen Sie sie oder verwenden Sie "
                    + "eine andere Karte."),
            entry(Text.NOT_CHARGED_TRY_AGAIN, "Ihre Karte wurde nicht belastet. Bitte versuchen Sie es erneut oder "
                    + "verwenden Sie eine andere Karte."),
            entry(Text.THREE_D_SECURE_FAILED, "Die Sicherheitsprüfung Ihrer Bank (3-D Secure) ist fehlgeschlagen, "
                    + "Ihre Karte wurde daher nicht belastet. Bitte versuchen Sie es erneut oder verwenden Sie eine "
                    + "andere Karte."),
            entry(Text.NOT_CHARGED_OTHER_CARD, "Ihre Karte wurde nicht belastet. Bitte versuchen Sie es erneut oder "
                    + "verwenden Sie eine andere Karte."),

            entry(Text.PAYMENT_SUCCESSFUL, "Zahlung erfolgreich"),
            entry(Text.YOU_PAID, "Sie haben {amount} an {merchant} bezahlt."),
            entry(Text.PAID_FOR, "Für"),
            entry(Text.REFERENCE, "Referenz"),
            entry(Text.PAID_ON, "Bezahlt am"),
            entry(Text.RETURN_TO, "Zurück zu {merchant}"),
            entry(Text.TAKING_YOU_BACK, "Sie werden in wenigen Sekunden zu {merchant} zurückgeleitet …"),
            entry(Text.CLOSE_THIS_PAGE, "Sie können diese Seite jetzt schließen."),

            entry(Text.PAYMENT_IN_PROGRESS, "Zahlung wird verarbeitet"),
            entry(Text.IN_PROGRESS_TITLE, "Ihre Zahlung wird verarbeitet"),
            entry(Text.IN_PROGRESS_LEAD, "Wir bestätigen gerade Ihre Zahlung von {amount} an {merchant}. Das dauert "
                    + "meist nur wenige Sekunden."),
            entry(Text.DO_NOT_PAY_AGAIN, "Bitte zahlen Sie nicht erneut. Diese Seite aktualisiert sich von selbst."),
            entry(Text.CHECK_AGAIN, "Erneut prüfen"),

            entry(Text.CANCELLED_TITLE, "Diese Zahlung wurde storniert"),
            entry(Text.CANCELLED_LEAD, "{merchant} hat diese Zahlungsanforderung über {amount} storniert. Ihre Karte "
                    + "wurde nicht belastet."),
            entry(Text.CANCELLED_NEXT, "Wenn Sie dennoch bezahlen möchten, kehren Sie zu {merchant} zurück und "
                    + "beginnen Sie erneut, oder wenden Sie sich an den Händler."),
            entry(Text.EXPIRED_TITLE, "Dieser Zahlungslink ist abgelaufen"),
            entry(Text.EXPIRED_LEAD, "Die Frist für die Zahlung von {amount} an {merchant} ist abgelaufen, daher "
                    + "funktioniert dieser Link nicht mehr. Ihre Karte wurde nicht belastet."),
            entry(Text.EXPIRED_NEXT, "Um zu bezahlen, kehren Sie zu {merchant} zurück und beginnen Sie erneut: Sie "
                    + "erhalten dann einen neuen Zahlungslink."),

            entry(Text.LOCKED_TITLE, "Zu viele Zahlungsversuche"),
            entry(Text.LOCKED_LEAD, "Zu Ihrer Sicherheit ist die Zahlung von {amount} an {merchant} bis {time} "
                    + "pausiert (etwa {minutes}). Ihre Karte wurde nicht belastet."),
            entry(Text.ONE_MINUTE, "1 Minute"),
            entry(Text.MINUTES, "{count} Minuten"),
            entry(Text.LOCKED_NEXT, "Versuchen Sie es dann mit einer Karte, von der Sie wissen, dass sie gültig ist, "
                    + "oder wenden Sie sich an {merchant}."),
            entry(Text.BACK_TO_PAYMENT_PAGE, "Zurück zur Zahlungsseite"),
            entry(Text.SENTENCE_END, "."),

            entry(Text.CANNOT_CHANGE_TITLE, "Diese Zahlung kann jetzt nicht geändert werden"),
            entry(Text.CANNOT_CHANGE_TEXT, "Öffnen Sie die Zahlungsseite erneut, um den aktuellen Stand zu sehen."),
            entry(Text.OPEN_PAYMENT_PAGE, "Zahlungsseite öffnen"),
            entry(Text.COULD_NOT_TAKE_TITLE, "Wir konnten diese Zahlung nicht entgegennehmen"),
            entry(Text.COULD_NOT_TAKE_TEXT, "Ihre Zahlung wurde nicht abgeschlossen. Bitte prüfen Sie die "
                    + "Zahlungsseite und versuchen Sie es erneut."),
            entry(Text.UNREACHABLE_TITLE, "Der Zahlungsdienst ist nicht erreichbar"),
            entry(Text.UNREACHABLE_TEXT, "Ihre Zahlung wurde nicht abgeschlossen. Bitte versuchen Sie es gleich "
                    + "noch einmal."),
            entry(Text.TRY_AGAIN, "Erneut versuchen"),
            entry(Text.OUR_FAILURE_TITLE, "Bei uns ist ein Fehler aufgetreten"),
            entry(Text.OUR_FAILURE_TEXT, "Bitte prüfen Sie die Zahlungsseite, bevor Sie es erneut versuchen, damit "
                    + "Sie nicht doppelt bezahlen."),
            entry(Text.CHECK_THE_PAYMENT, "Zahlung prüfen"),
            entry(Text.PAGE_EXPIRED_TITLE, "Diese Seite ist abgelaufen"),
            entry(Text.PAGE_EXPIRED_TEXT, "Laden Sie zu Ihrer Sicherheit die Zahlungsseite neu und geben Sie Ihre "
                    + "Kartendaten erneut ein. Ihre Karte wurde nicht belastet."),
            entry(Text.RELOAD_PAYMENT_PAGE, "Zahlungsseite neu laden"),
            entry(Text.NOT_FOUND_TITLE, "Wir können diese Zahlung nicht finden"),
            entry(Text.NOT_FOUND_TEXT, "Der Link ist möglicherweise unvollständig oder falsch geschrieben. Prüfen Sie "
                    + "den erhaltenen Link, oder kehren Sie zum Shop zurück und beginnen Sie erneut."),

            entry(Text.CHALLENGE_BADGE, "Testmodus: simulierter Kartenherausgeber"),
            entry(Text.CHALLENGE_DOCUMENT_TITLE, "Zahlung bestätigen"),
            entry(Text.CHALLENGE_TITLE, "Bestätigen Sie, dass Sie es sind"),
            entry(Text.CHALLENGE_LEAD, "Ihre Bank bittet Sie, diese Zahlung freizugeben (3-D Secure)."),
            entry(Text.MERCHANT, "Händler"),
            entry(Text.AMOUNT, "Betrag"),
            entry(Text.CARD, "Karte"),
            entry(Text.AUTHENTICATE, "Bestätigen"),
            entry(Text.FAIL_AUTHENTICATION, "Bestätigung ablehnen"),
            entry(Text.AUTHENTICATION_DOCUMENT_TITLE, "Zahlungsbestätigung"),
            entry(Text.AUTHENTICATION_COMPLETE, "Bestätigung abgeschlossen"),
            entry(Text.AUTHENTICATION_FAILED, "Bestätigung fehlgeschlagen"),
            entry(Text.YOU_APPROVED, "Sie haben die Zahlung von {amount} an {merchant} freigegeben."),
            entry(Text.YOU_DID_NOT_APPROVE, "Sie haben die Zahlung von {amount} an {merchant} nicht freigegeben."),
            entry(Text.CONTINUE, "Weiter"),
            entry(Text.CLOSE_AND_RETURN, "Sie können diese Seite schließen und zum Händler zurückkehren."),
            entry(Text.RETURN_TO_MERCHANT, "Zurück zum Händler"),
            entry(Text.CHALLENGE_PROBLEM_TITLE, "Diese Zahlung kann nicht angezeigt werden"),
            entry(Text.CHALLENGE_UNREACHABLE, "Ihre Bank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich "
                    + "noch einmal."),
            entry(Text.CHALLENGE_OUR_FAILURE, "Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut."),
            entry(Text.CHALLENGE_PAGE_EXPIRED, "Diese Seite ist abgelaufen. Gehen Sie zurück, laden Sie sie neu und "
                    + "versuchen Sie es erneut."),
            entry(Text.CHALLENGE_CHOOSE, "Wählen Sie „Bestätigen“ oder „Bestätigung ablehnen“."),
            entry(Text.CHALLENGE_NOT_FOUND, "Diese Zahlung existiert nicht oder der Link ist unvollständig."),
            entry(Text.CHALLENGE_CANNOT_CHANGE, "Diese Zahlung kann nicht mehr bestätigt werden."),

            entry(Text.PAY_BY_BANK_TRANSFER, "Per Banküberweisung bezahlen"),
            entry(Text.BANK_TRANSFER, "Banküberweisung"),
            entry(Text.PAYMENT_METHOD, "Zahlungsart"),
            entry(Text.OR_DIVIDER, "oder"),
            entry(Text.TRANSFER_OPTION_TEXT, "Zahlen Sie {amount} von Ihrem Bankkonto ({scheme}). Sie erhalten "
                    + "unsere Bankverbindung und einen Verwendungszweck; die Zahlung ist abgeschlossen, sobald das "
                    + "Geld eingeht."),
            entry(Text.ACCOUNT_HOLDER_NAME, "Name des Kontoinhabers"),
            entry(Text.ENTER_ACCOUNT_HOLDER, "Bitte geben Sie den Namen des Kontoinhabers ein."),
            entry(Text.ACCOUNT_HOLDER_TOO_LONG, "Der Name des Kontoinhabers ist zu lang."),
            entry(Text.SCHEME_SEPA, "SEPA-Überweisung"),
            entry(Text.SCHEME_FASTER_PAYMENTS, "Faster Payments"),
            entry(Text.SCHEME_ACH, "ACH- oder Wire-Überweisung"),
            entry(Text.TRANSFER_TITLE, "Schließen Sie Ihre Zahlung per Überweisung ab"),
            entry(Text.TRANSFER_LEAD, "Um {amount} an {merchant} zu bezahlen, überweisen Sie den Betrag mit diesen "
                    + "Angaben über die App oder die Website Ihrer Bank."),
            entry(Text.TRANSFER_RECEIVED, "Bisher sind {received} eingegangen. Bitte überweisen Sie die restlichen "
                    + "{remaining}."),
            entry(Text.AMOUNT_REMAINING, "Noch zu zahlen"),
            entry(Text.BENEFICIARY, "Empfänger"),
            entry(Text.IBAN, "IBAN"),
            entry(Text.BIC, "BIC"),
            entry(Text.ACCOUNT_NUMBER, "Kontonummer"),
            entry(Text.SORT_CODE, "Sort Code (britische Bankleitzahl)"),
            entry(Text.ROUTING_NUMBER, "Routing Number (ABA)"),
            entry(Text.PAYMENT_REFERENCE, "Verwendungszweck"),
            entry(Text.PAY_BY, "Zahlbar bis"),
            entry(Text.REFERENCE_NOTE, "Geben Sie den Verwendungszweck genau wie angezeigt an, damit Ihre Zahlung "
                    + "dieser Bestellung zugeordnet wird."),
            entry(Text.COMPLETES_WHEN_MONEY_ARRIVES, "Ihre Zahlung ist abgeschlossen, sobald das Geld eingeht, "
                    + "meist innerhalb weniger Stunden, spätestens nach 3 Bankarbeitstagen. Sie können diese Seite "
                    + "schließen und über diesen Link jederzeit nachsehen, ob es eingegangen ist."),
            entry(Text.COPY, "Kopieren"),
            entry(Text.COPIED, "Kopiert"),
            entry(Text.COPIED_STATUS, "{field} in die Zwischenablage kopiert."),
            entry(Text.TRANSFER_EXPIRED_TITLE, "Ihre Überweisung ist nicht rechtzeitig eingegangen"),
            entry(Text.TRANSFER_EXPIRED_TEXT, "Der volle Betrag ist nicht bis zum angegebenen Datum eingegangen, "
                    + "daher kann diese Überweisung die Zahlung nicht mehr abschließen; bereits Überwiesenes wird "
                    + "erstattet. Sie können unten erneut bezahlen."),

            entry(Text.WALLETS_TITLE, "Mit einer Wallet bezahlen"),
            entry(Text.PAY_WITH_GOOGLE_PAY, "Mit Google Pay bezahlen"),
            entry(Text.PAY_WITH_APPLE_PAY, "Mit Apple Pay bezahlen"),
            entry(Text.TEST_WALLETS_TITLE, "Testmodus: Wallets"),
            entry(Text.TEST_WALLETS_HINT, "Sie brauchen keine echte Wallet: Der Testmodus erstellt für die gewählte "
                    + "Testkarte ein echtes Wallet-Token und bezahlt damit wie mit dem Token einer echten Wallet. Es "
                    + "fließt kein echtes Geld."),
            entry(Text.TEST_CARD, "Testkarte"),
            entry(Text.TEST_CARD_SUCCEEDS, "{digits}: Zahlung erfolgreich"),
            entry(Text.TEST_CARD_DECLINED, "{digits}: Karte abgelehnt"),
            entry(Text.TEST_CARD_THREE_D_SECURE, "{digits}: mit 3-D Secure"),
            entry(Text.PAY_WITH_TEST_GOOGLE_PAY, "Testmodus: mit einem Google-Pay-Testtoken bezahlen"),
            entry(Text.PAY_WITH_TEST_APPLE_PAY, "Testmodus: mit einem Apple-Pay-Testtoken bezahlen"),
            entry(Text.WALLET_PAYMENT_REFUSED, "Die Zahlung aus Ihrer Wallet konnte nicht verwendet werden; Sie wurden "
                    + "nicht belastet. Versuchen Sie es erneut oder verwenden Sie eine Karte."),

            entry(Text.THE_MERCHANT, "Händler"));

    private GermanTexts() {
    }
}
