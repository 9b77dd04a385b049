package com.circoflows.localrunner.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The scan tells a bank transfer's account number (a contract field) from card data called that. */
class CardDataScannerTest {
    private final CardDataScanner scanner = new CardDataScanner(Set.of(), Set.of());

    @Test
    void aBankTransfersAccountNumberIsNotCardDataButTheSameNameElsewhereIs() {
        scanner.scanAttribute("transactions[txn_1].bt_account", "bt_account", AttributeValue.fromM(Map.of(
                "account_number", AttributeValue.fromS("58685507"), "sort_code", AttributeValue.fromS("99-00-17"))));
        scanner.scanAttribute("events[evt_1].data", "data", AttributeValue.fromS(
                "{\"bank_transfer\":{\"account_number\":\"12345678901\"},\"action_data\":{\"account_number\":\"1\"}}"));
        assertEquals(List.of(), scanner.findings());

        scanner.scanAttribute("sessions[s_1].account_number", "account_number", AttributeValue.fromS("1"));
        scanner.scanAttribute("events[evt_2].data", "data", AttributeValue.fromS("{\"payer\":{\"account_number\":\"1\"}}"));
        assertEquals(2, scanner.findings().size(), scanner.findings()::toString);
    }

    @Test
    void aCardNumberInABankAccountFieldIsStillFound() {
        scanner.scanAttribute("transactions[txn_1].bt_account", "bt_account", AttributeValue.fromM(Map.of(
                "account_number", AttributeValue.fromS("4242424242424242"))));

        assertTrue(scanner.findings().stream().anyMatch(f -> f.contains("4242")), scanner.findings()::toString);
    }
}
