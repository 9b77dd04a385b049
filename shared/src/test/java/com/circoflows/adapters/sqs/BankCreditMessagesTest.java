package com.circoflows.adapters.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.domain.money.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bank credit feed's message, read strictly and never quoted back. */
class BankCreditMessagesTest {
    private static final String CREDIT = "{\"amount\": 4000, \"currency\": \"EUR\", \"reference\": \"RF18 7058 2616 5\","
            + " \"virtual_account\": \"DE54000170007058261651\", \"payer_name\": \"Erika Mustermann\","
            + " \"bank_reference\": \"SEPA-2026-0001\", \"received_at\": \"2026-12-06T10:15:00+01:00\"}";

    @Test
    void aCreditReadsAsTheBankSentIt() {
        BankCredit credit = BankCreditMessages.read(CREDIT);

        assertEquals(Money.of(4000, "EUR"), credit.amount());
        assertEquals("RF18 7058 2616 5", credit.reference());
        assertEquals("DE54000170007058261651", credit.virtualAccount());
        assertEquals("SEPA-2026-0001", credit.bankReference());
        assertEquals(Instant.parse("2026-12-06T09:15:00Z"), credit.receivedAt());
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        BankCredit credit = BankCreditMessages.read(CREDIT);

        assertEquals(credit, BankCreditMessages.read(BankCreditMessages.write(credit)));
    }

    @Test
    void theAccountAndReferenceMayBeMissing() {
        BankCredit credit = BankCreditMessages.read("{\"amount\": 1, \"currency\": \"USD\", \"payer_name\": \"X\","
                + " \"bank_reference\": \"ACH.1\", \"received_at\": \"2026-12-06T10:15:00Z\"}");

        assertNull(credit.reference());
        assertNull(credit.virtualAccount());
        assertEquals("USD", credit.amount().currencyCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "null", "[]", "{", "not json 4242424242424242",
        "{\"amount\": 0, \"currency\": \"EUR\", \"bank_reference\": \"B\", \"received_at\": \"2026-12-06T10:15:00Z\"}",
        "{\"amount\": -5, \"currency\": \"EUR\", \"bank_reference\": \"B\", \"received_at\": \"2026-12-06T10:15:00Z\"}",
        "{\"amount\": 1.5, \"currency\": \"EUR\", \"bank_reference\": \"B\", \"received_at\": \"2026-12-06T10:15:00Z\"}",
        "{\"amount\": \"100\", \"currency\": \"EUR\", \"bank_reference\": \"B\", \"received_at\": \"2026-12-06T10:15:00Z\"}",
        "{\"amount\": 99999999999999999999, \"currency\": \"EUR\", \"bank_reference\": \"B\", \"received_at\": \"2026-12-06T10:15:00Z\"}",
        "{\"amount\": 100, \"currency\": \"XXQ\", \"bank_reference\": \"B\", \"received_at\": \"2026-12-06T10:15:00Z\"}",
        "{\"amount\": 100, \"bank_reference\": \"B\", \"received_at\": \"2026-12-06T10:15:00Z\"}",
        "{\"amount\": 100, \"currency\": \"EUR\", \"received_at\": \"2026-12-06T10:15:00Z\"}",
        "{\"amount\": 100, \"currency\": \"EUR\", \"bank_reference\": \"B C\", \"received_at\": \"2026-12-06T10:15:00Z\"}",
        "{\"amount\": 100, \"currency\": \"EUR\", \"bank_reference\": \"B\", \"received_at\": \"yesterday\"}",
        "{\"amount\": 100, \"currency\": \"EUR\", \"bank_reference\": \"B\", \"received_at\": \"2026-12-06T10:15:00Z\", \"iban\": \"x\"}",
        "{\"amount\": 100, \"currency\": \"EUR\", \"bank_reference\": \"B\", \"received_at\": \"2026-12-06T10:15:00Z\", \"reference\": 7}",
        "{\"amount\": 100, \"currency\": \"EUR\", \"bank_reference\": \"B\", \"received_at\": \"2026-12-06T10:15:00Z\", \"payer_name\": \"a\\u0000b\"}",
    })
    void aMalformedMessageIsUnreadableAndItsContentIsNotQuoted(String body) {
        BankCreditMessages.UnreadableCredit refused =
                assertThrows(BankCreditMessages.UnreadableCredit.class, () -> BankCreditMessages.read(body));

        assertFalse(refused.getMessage().contains("4242"), refused.getMessage());
        assertFalse(refused.getMessage().contains("yesterday"), refused.getMessage());
    }

    @Test
    void aReferenceLongerThanTheSchemesCarryIsUnreadable() {
        String longReference = "R".repeat(141);
        assertThrows(BankCreditMessages.UnreadableCredit.class, () -> BankCreditMessages.read(
                CREDIT.replace("RF18 7058 2616 5", longReference)));
    }
}
