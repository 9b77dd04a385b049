package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.AuthorizationRecord;
import com.circoflows.domain.gateway.AuthorizationState;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The gateway's ledger against DynamoDB Local, on the table and sparse index template.yaml defines. */
class DynamoGatewayLedgerIT {
    /** Far in the future, so other tests' authorisations in the shared table sort before these. */
    private static final Instant AT = Instant.parse("2090-01-01T00:00:00Z");

    private final String table = LocalStackFixture.table("GatewayAuthorizationsTable");
    private final DynamoGatewayLedger ledger = new DynamoGatewayLedger(LocalStackFixture.dynamoDb(), table);

    @Test
    void everyAnswerIsRecordedAndReadBackAsItWas() {
        for (GatewayResult answer : List.of(new GatewayResult.Approved(AdapterTestData.gatewayId()),
                new GatewayResult.ThreeDSecureRequired(AdapterTestData.gatewayId()),
                new GatewayResult.Declined(AdapterTestData.gatewayId(), ErrorCode.INSUFFICIENT_FUNDS,
                        "insufficient_funds", "Your card has insufficient funds."),
                new GatewayResult.ProcessingError(AdapterTestData.gatewayId(), "An error occurred."))) {
            AuthorizationRecord record = record(answer, AT);

            assertEquals(Optional.empty(), ledger.recordOrReplay(record));

            assertEquals(record, ledger.find(record.transactionId()).orElseThrow());
        }
    }

    @Test
    void aSecondRecordUnderTheSameTransactionIdWritesNothingButTheTouchAndReturnsTheFirst() {
        AuthorizationRecord first = record(new GatewayResult.Approved(AdapterTestData.gatewayId()), AT);
        ledger.recordOrReplay(first);
        AuthorizationRecord again = new AuthorizationRecord(first.transactionId(), first.merchantId(), first.mode(),
                first.amount(), new GatewayResult.Approved(AdapterTestData.gatewayId()), AuthorizationState.CHARGED,
                AT.plusSeconds(30), AT.plusSeconds(30));

        AuthorizationRecord replayed = ledger.recordOrReplay(again).orElseThrow();

        assertEquals(first.answer(), replayed.answer(), "the first gateway id stands");
        assertEquals(first.createdAt(), replayed.createdAt());
        assertEquals(AT.plusSeconds(30), replayed.touchedAt());
    }

    @Test
    void theUnreconciledIndexListsOnlyOpenAuthorisationsUntouchedSinceTheCutOff() {
        Instant base = AT.plusSeconds(1000);
        AuthorizationRecord charged = record(new GatewayResult.Approved(AdapterTestData.gatewayId()), base);
        AuthorizationRecord pending = record(new GatewayResult.ThreeDSecureRequired(AdapterTestData.gatewayId()),
                base.plusSeconds(1));
        AuthorizationRecord declined = record(new GatewayResult.Declined(AdapterTestData.gatewayId(),
                ErrorCode.CARD_DECLINED, "generic_decline", "Your card was declined."), base.plusSeconds(2));
        AuthorizationRecord recent = record(new GatewayResult.Approved(AdapterTestData.gatewayId()), base.plusSeconds(60));
        List.of(charged, pending, declined, recent).forEach(ledger::recordOrReplay);

        List<String> due = unreconciledIds(base.plusSeconds(30));

        assertTrue(due.containsAll(List.of(charged.transactionId(), pending.transactionId())), due.toString());
        assertFalse(due.contains(declined.transactionId()), "a decline charges nothing");
        assertFalse(due.contains(recent.transactionId()), "still within the cut-off");
        assertTrue(due.indexOf(charged.transactionId()) < due.indexOf(pending.transactionId()), "oldest touch first");
    }

    @Test
    void aReconciledAuthorisationLeavesTheIndexAndCanNoLongerBeVoided() {
        AuthorizationRecord charged = record(new GatewayResult.Approved(AdapterTestData.gatewayId()), AT.plusSeconds(2000));
        ledger.recordOrReplay(charged);

        ledger.markReconciled(charged.transactionId(), AT.plusSeconds(2400));

        assertFalse(unreconciledIds(AT.plusSeconds(3000)).contains(charged.transactionId()));
        assertFalse(ledger.voidIfUntouched(charged.transactionId(), charged.touchedAt(), AT.plusSeconds(2500)));
        assertFalse(raw(charged.transactionId()).containsKey("reconcile_key"));
        assertTrue(raw(charged.transactionId()).containsKey("reconciled_at"));
    }

    @Test
    void voidingNeedsTheTouchItWasReadWithSoARetryInBetweenWins() {
        AuthorizationRecord charged = record(new GatewayResult.Approved(AdapterTestData.gatewayId()), AT.plusSeconds(3000));
        ledger.recordOrReplay(charged);
        ledger.recordOrReplay(new AuthorizationRecord(charged.transactionId(), charged.merchantId(), charged.mode(),
                charged.amount(), charged.answer(), charged.state(), AT.plusSeconds(3100), AT.plusSeconds(3100)));

        assertFalse(ledger.voidIfUntouched(charged.transactionId(), charged.touchedAt(), AT.plusSeconds(3500)));
        assertTrue(ledger.voidIfUntouched(charged.transactionId(), AT.plusSeconds(3100), AT.plusSeconds(3500)));

        AuthorizationRecord voided = ledger.find(charged.transactionId()).orElseThrow();
        assertEquals(AuthorizationState.VOIDED, voided.state());
        assertFalse(unreconciledIds(AT.plusSeconds(4000)).contains(charged.transactionId()));
        assertTrue(raw(charged.transactionId()).containsKey("voided_at"));
        AuthorizationRecord retried = ledger.recordOrReplay(new AuthorizationRecord(charged.transactionId(),
                charged.merchantId(), charged.mode(), charged.amount(), charged.answer(), charged.state(),
                AT.plusSeconds(3600), AT.plusSeconds(3600))).orElseThrow();
        assertEquals(AuthorizationState.VOIDED, retried.state());
        assertEquals(AT.plusSeconds(3100), retried.touchedAt(), "a voided authorisation is not touched again");
    }

    @Test
    void completingThreeDSecureChargesOnceAndOnlyAPendingAuthorisation() {
        AuthorizationRecord pending = record(new GatewayResult.ThreeDSecureRequired(AdapterTestData.gatewayId()),
                AT.plusSeconds(5000));
        ledger.recordOrReplay(pending);

        assertTrue(ledger.markCharged(pending.transactionId(), AT.plusSeconds(5060)));
        assertFalse(ledger.markCharged(pending.transactionId(), AT.plusSeconds(5061)));

        assertEquals(AuthorizationState.CHARGED, ledger.find(pending.transactionId()).orElseThrow().state());
        assertFalse(ledger.markCharged(AdapterTestData.transactionId(), AT), "an unknown authorisation");
    }

    @Test
    void theItemHoldsWhoAndHowMuchButNoCardData() {
        AuthorizationRecord charged = record(new GatewayResult.Approved(AdapterTestData.gatewayId()), AT);
        ledger.recordOrReplay(charged);

        Map<String, AttributeValue> item = raw(charged.transactionId());

        assertEquals(charged.merchantId(), item.get("merchant_id").s());
        assertEquals("1999", item.get("amount").n());
        assertEquals("EUR", item.get("currency").s());
        assertEquals("charged", item.get("state").s());
        assertFalse(item.toString().contains(AdapterTestData.PAN.substring(0, 12)), item.toString());
    }

    private List<String> unreconciledIds(Instant untouchedBefore) {
        return ledger.findUnreconciled(untouchedBefore, 1000).stream().map(AuthorizationRecord::transactionId).toList();
    }

    private Map<String, AttributeValue> raw(String transactionId) {
        return LocalStackFixture.dynamoDb().getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of("transaction_id", AttributeValue.fromS(transactionId)))).item();
    }

    private static AuthorizationRecord record(GatewayResult answer, Instant at) {
        return new AuthorizationRecord(AdapterTestData.transactionId(), AdapterTestData.merchantId(), Mode.TEST,
                Money.of(1999, "EUR"), answer, AuthorizationState.after(answer), at, at);
    }
}
