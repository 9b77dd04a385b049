package com.circoflows.domain.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.PaymentMethod;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testing.BankTransferWorld;
import com.circoflows.testing.PaymentWorld;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Opening a transfer: its number, account, reference and expiry; retries; currencies; live keys. */
class BankTransferPaymentsTest {
    private final BankTransferWorld world = new BankTransferWorld();

    @Test
    void aEuroTransferIsPendingWithAnIbanOfOursAndAReferenceBothFromItsNumber() {
        Transaction payment = world.open(10000, "EUR");

        assertEquals(TransactionStatus.PENDING, payment.status());
        assertEquals(PaymentMethod.BANK_TRANSFER, payment.paymentMethod());
        assertNull(payment.card());
        BankTransferDetails transfer = payment.bankTransfer();
        Iban iban = Iban.parse(transfer.accountFields().get("iban"));
        assertEquals("DE", iban.countryCode());
        assertEquals(transfer.number(), new VirtualAccounts(CollectionDetails.TEST_MODE)
                .numberOf(new BeneficiaryAccount.Sepa(iban, CollectionDetails.TEST_MODE.bic())).getAsLong());
        assertEquals(CreditorReference.forNumber(transfer.number()), transfer.reference());
        assertEquals("CIRCDEF0", transfer.accountFields().get("bic"));
        assertEquals(world.clock.instant().plus(Duration.ofDays(7)), transfer.expiresAt());
        assertEquals(WebhookEventType.PAYMENT_PENDING,
                world.transactions.eventsFor(payment.transactionId()).get(0).type());
    }

    @Test
    void poundAndDollarTransfersShowTheirSchemesAccountFields() {
        Map<String, String> gbp = world.open(500, "GBP").bankTransfer().accountFields();
        Map<String, String> usd = world.open(500, "USD").bankTransfer().accountFields();

        assertEquals("99-00-17", gbp.get("sort_code"));
        assertEquals(8, gbp.get("account_number").length());
        assertEquals("590017008", usd.get("routing_number"));
        assertEquals(11, usd.get("account_number").length());
    }

    @Test
    void aRetryUnderTheSameTransactionIdClaimsTheSameNumberAndAnswersTheStoredPayment() {
        BankTransferRequest request = new BankTransferRequest(Money.of(2500, "EUR"), Map.of("name", "E M"), Map.of(),
                null, TransferExpiry.standard());
        PaymentOutcome first = world.payments.open(PaymentWorld.MERCHANT_A, "txn_retryRetryRetryRetry1", request);
        PaymentOutcome retry = world.payments.open(PaymentWorld.MERCHANT_A, "txn_retryRetryRetryRetry1", request);

        assertEquals(first.transaction(), retry.transaction());
        assertEquals(1, world.claims.size(), "no second number");
        assertEquals(1, world.transactions.eventsFor("txn_retryRetryRetryRetry1").size());
    }

    @Test
    void aNumberAnotherPaymentHoldsIsSkipped() {
        String id = "txn_collisionCollision012";
        long first = TransferNumbers.candidate(TransferScheme.SEPA_CREDIT_TRANSFER, id, 0);
        world.claims.claim(TransferScheme.SEPA_CREDIT_TRANSFER, first,
                new ClaimedTransfer("txn_someoneElseSomeoneEl", PaymentWorld.MERCHANT_B.merchantId(), Mode.TEST));

        Transaction payment = world.payments.open(PaymentWorld.MERCHANT_A, id, new BankTransferRequest(
                Money.of(2500, "EUR"), Map.of("name", "E M"), Map.of(), null, TransferExpiry.standard())).transaction();

        assertNotEquals(first, payment.bankTransfer().number());
        assertEquals(TransferNumbers.candidate(TransferScheme.SEPA_CREDIT_TRANSFER, id, 1),
                payment.bankTransfer().number());
    }

    @Test
    void whenEveryCandidateIsTakenTheRequestIsRetriedNotAnsweredWithAnotherPaymentsNumber() {
        TransferNumberClaims full = new TransferNumberClaims() {
            @Override
            public boolean claim(TransferScheme scheme, long number, ClaimedTransfer claim) {
                return false;
            }

            @Override
            public java.util.Optional<ClaimedTransfer> find(TransferScheme scheme, long number) {
                return java.util.Optional.empty();
            }
        };

        assertThrows(RetryableFailure.class, () -> new TransferNumbers(full).claimFor(
                TransferScheme.FASTER_PAYMENTS, new ClaimedTransfer("txn_x", "mch_x", Mode.TEST)));
    }

    @Test
    void candidatesStayWithinEachSchemesAccountNumbers() {
        for (TransferScheme scheme : TransferScheme.values()) {
            for (int attempt = 0; attempt < TransferNumbers.ATTEMPTS; attempt++) {
                long number = TransferNumbers.candidate(scheme, "txn_" + attempt, attempt);
                assertTrue(number >= 0 && number <= VirtualAccounts.largestNumber(scheme));
            }
        }
    }

    @Test
    void aCurrencyWithoutASchemeIsInvalidCurrencyNamingTheSupportedOnes() {
        ApiException refused = assertThrows(ApiException.class, () -> world.open(10000, "JPY"));

        assertEquals(ErrorCode.INVALID_CURRENCY, refused.code());
        assertTrue(refused.getMessage().contains("EUR, GBP and USD"), refused.getMessage());
        assertEquals(0, world.claims.size());
    }

    @Test
    void aLiveKeyIsRefusedBeforeANumberIsClaimed() {
        AuthenticatedKey live = new AuthenticatedKey("KeyLLLLLLLLLLLLL", "mch_AAAAAAAAAAAAAAAAAAAA", Mode.LIVE);

        ApiException refused = assertThrows(ApiException.class, () -> world.open(live, 10000, "EUR"));

        assertEquals(ErrorCode.LIVE_MODE_NOT_ENABLED, refused.code());
        assertEquals(0, world.claims.size());
    }

    @Test
    void noReferenceOrAccountNumberCanBeTakenForACardNumber() {
        for (TransferScheme scheme : TransferScheme.values()) {
            long largest = VirtualAccounts.largestNumber(scheme);
            String reference = CreditorReference.forNumber(largest).printed();
            assertTrue(reference.replaceAll("[^0-9]", "").length() < 13, reference);
        }
        for (int i = 0; i < 200; i++) {
            Transaction payment = world.open(1000, i % 2 == 0 ? "USD" : "GBP");
            assertTrue(!com.circoflows.domain.card.CardNumberDetector.containsCardNumber(
                    payment.bankTransfer().reference().printed()), payment.bankTransfer().reference().printed());
            assertTrue(!com.circoflows.domain.card.CardNumberDetector.containsCardNumber(
                    payment.bankTransfer().accountFields().get("account_number")));
        }
    }
}
