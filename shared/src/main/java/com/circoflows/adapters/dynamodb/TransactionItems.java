package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.fromObject;
import static com.circoflows.adapters.dynamodb.Attributes.map;
import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.number;
import static com.circoflows.adapters.dynamodb.Attributes.putIfPresent;
import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.string;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.banktransfer.BankTransferDetails;
import com.circoflows.domain.banktransfer.CreditorReference;
import com.circoflows.domain.card.CardBrand;
import com.circoflows.domain.card.StoredCard;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.PaymentAmounts;
import com.circoflows.domain.payment.PaymentDetails;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.risk.RiskAssessment;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Transaction <-> item. The card is stored as brand, last4, expiry and keyed fingerprint only; a bank
 * transfer as its number, reference, our account it is paid into, and the amounts received.
 */
final class TransactionItems {
    /** Carried only while authorized: the key of the sparse index the scheduled expiry reads. */
    static final String CAPTURE_KEY = "capture_key";
    static final String AUTHORIZED = "authorized";
    /**
     * Carried only while a bank transfer waits for its money: "pending#<shard>" of the sparse index the
     * scheduled expiry reads, sorted by transfer_expires_at. Sixteen shards: the keys are global, and one
     * merchant at 5,000 transfers a second writes each twice (opened, then paid or expired), 625 a second
     * per key, under DynamoDB's 1,000.
     */
    static final String TRANSFER_EXPIRY_KEY = "transfer_expiry_key";
    static final String TRANSFER_EXPIRES_AT = "transfer_expires_at";
    static final int TRANSFER_EXPIRY_SHARDS = 16;

    static String transferExpiryKey(int shard) {
        return "pending#" + shard;
    }

    private TransactionItems() {
    }

    static Map<String, AttributeValue> toItem(Transaction t) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("transaction_id", s(t.transactionId()));
        item.put("merchant_id", s(t.merchantId()));
        item.put("mode", s(t.mode().wireName()));
        item.put("amount", n(t.amount().minorUnits()));
        item.put("currency", s(t.amount().currencyCode()));
        item.put("status", s(t.status().wireName()));
        item.put("capture_method", s(t.captureMethod().wireName()));
        item.put("amount_captured", n(t.amounts().captured().minorUnits()));
        item.put("amount_refunded", n(t.amounts().refunded().minorUnits()));
        item.put("refunds_count", n(t.amounts().refundsCount()));
        if (t.status() == TransactionStatus.AUTHORIZED) {
            item.put(CAPTURE_KEY, s(AUTHORIZED));
        }
        putListKeys(item, t.transactionId(), t.merchantId(), t.mode(), t.status());
        putIfPresent(item, "gateway_transaction_id", t.gatewayTransactionId());
        item.put("payment_method", s(t.paymentMethod().wireName()));
        if (t.card() != null) {
            item.put("card_brand", s(t.card().brand().wireName()));
            item.put("card_last4", s(t.card().last4()));
            item.put("card_exp_month", n(t.card().expMonth()));
            item.put("card_exp_year", n(t.card().expYear()));
            item.put("card_fingerprint", s(t.card().fingerprint()));
            if (t.card().wallet() != null) {
                item.put("card_wallet", s(t.card().wallet().wireName()));
            }
        }
        if (t.bankTransfer() != null) {
            putBankTransfer(item, t);
        }
        item.put("three_d_secure", s(t.threeDSecure().wireName()));
        if (t.failure() != null) {
            item.put("failure_code", s(t.failure().code().name()));
            item.put("failure_message", s(t.failure().message()));
            putIfPresent(item, "failure_decline_code", t.failure().declineCode());
        }
        item.put("customer_info", fromObject(t.customerInfo()));
        item.put("metadata", fromObject(t.metadata()));
        putIfPresent(item, "webhook_url", t.webhookUrl());
        putIfPresent(item, "return_url", t.returnUrl());
        item.put("created_at", time(t.createdAt()));
        if (t.processedAt() != null) {
            item.put("processed_at", time(t.processedAt()));
        }
        item.put("version", n(t.version()));
        putIfPresent(item, "session_id", t.sessionId());
        if (t.risk() != null) {
            item.put("risk", risk(t.risk()));
        }
        return item;
    }

    /**
     * The keys of the two list indexes (GET /api/direct-payment), written with every write so the
     * status index follows every change of status. Also what the backfill adds to older items.
     */
    static void putListKeys(Map<String, AttributeValue> item, String transactionId, String merchantId, Mode mode,
            TransactionStatus status) {
        int shard = TransactionListKeys.shard(transactionId);
        item.put(TransactionListKeys.LIST_KEY, s(TransactionListKeys.listKey(merchantId, mode, shard)));
        item.put(TransactionListKeys.STATUS_KEY, s(TransactionListKeys.statusKey(merchantId, mode, status, shard)));
    }

    private static void putBankTransfer(Map<String, AttributeValue> item, Transaction t) {
        BankTransferDetails transfer = t.bankTransfer();
        item.put("bt_number", n(transfer.number()));
        item.put("bt_reference", s(transfer.reference().electronic()));
        item.put("bt_beneficiary_name", s(transfer.beneficiaryName()));
        Map<String, AttributeValue> account = new HashMap<>();
        transfer.accountFields().forEach((name, value) -> account.put(name, s(value)));
        item.put("bt_account", AttributeValue.fromM(account));
        item.put("bt_expires_at", time(transfer.expiresAt()));
        item.put("bt_received", n(transfer.received().minorUnits()));
        item.put("bt_excess", n(transfer.excess().minorUnits()));
        if (t.awaitsTransfer()) {
            item.put(TRANSFER_EXPIRY_KEY, s(transferExpiryKey(
                    TransactionListKeys.shard(t.transactionId(), TRANSFER_EXPIRY_SHARDS))));
            item.put(TRANSFER_EXPIRES_AT, time(transfer.expiresAt()));
        }
    }

    private static BankTransferDetails bankTransfer(Map<String, AttributeValue> item, Currency currency) {
        if (!item.containsKey("bt_number")) {
            return null;
        }
        Map<String, String> account = new HashMap<>();
        item.get("bt_account").m().forEach((name, value) -> account.put(name, value.s()));
        return new BankTransferDetails(number(item, "bt_number"), CreditorReference.parse(string(item, "bt_reference")),
                string(item, "bt_beneficiary_name"), account, time(item, "bt_expires_at"),
                new Money(number(item, "bt_received"), currency), new Money(number(item, "bt_excess"), currency));
    }

    private static StoredCard card(Map<String, AttributeValue> item) {
        if (!item.containsKey("card_last4")) {
            return null;
        }
        return new StoredCard(
                CardBrand.fromWireName(string(item, "card_brand")).orElse(CardBrand.UNKNOWN),
                string(item, "card_last4"),
                (int) number(item, "card_exp_month"),
                (int) number(item, "card_exp_year"),
                string(item, "card_fingerprint"),
                item.containsKey("card_wallet") ? Wallet.fromWireName(string(item, "card_wallet")).orElse(null) : null);
    }

    /** Rule names and a score only: nothing about the card but what the transaction already holds. */
    private static AttributeValue risk(RiskAssessment risk) {
        return AttributeValue.fromM(Map.of(
                "score", n(risk.score()),
                "rules_hit", AttributeValue.fromL(risk.rulesHit().stream().map(Attributes::s).toList()),
                "blocked", AttributeValue.fromBool(risk.blocked())));
    }

    private static RiskAssessment risk(AttributeValue stored) {
        if (stored == null) {
            return null;
        }
        Map<String, AttributeValue> risk = stored.m();
        List<String> rulesHit = risk.get("rules_hit").l().stream().map(AttributeValue::s).toList();
        return new RiskAssessment(Integer.parseInt(risk.get("score").n()), rulesHit, risk.get("blocked").bool());
    }

    static Transaction fromItem(Map<String, AttributeValue> item) {
        PaymentFailure failure = null;
        if (item.containsKey("failure_code")) {
            failure = new PaymentFailure(
                    ErrorCode.valueOf(string(item, "failure_code")),
                    string(item, "failure_message"),
                    string(item, "failure_decline_code"));
        }
        TransactionStatus status = TransactionStatus.fromWireName(string(item, "status"));
        PaymentDetails details = new PaymentDetails(map(item, "customer_info"), map(item, "metadata"),
                string(item, "webhook_url"), string(item, "return_url"), string(item, "session_id"));
        PaymentAmounts amounts = amounts(item, status);
        return new Transaction(
                string(item, "transaction_id"),
                string(item, "merchant_id"),
                Mode.fromWireName(string(item, "mode")),
                status,
                amounts,
                item.containsKey("capture_method")
                        ? CaptureMethod.fromWireName(string(item, "capture_method")).orElseThrow()
                        : CaptureMethod.AUTOMATIC,
                string(item, "gateway_transaction_id"),
                card(item),
                ThreeDSecureStatus.fromWireName(string(item, "three_d_secure")),
                failure,
                details,
                risk(item.get("risk")),
                time(item, "created_at"),
                time(item, "processed_at"),
                number(item, "version"),
                bankTransfer(item, amounts.authorized().currency()));
    }

    /**
     * Items written before captures and refunds existed hold only amount and currency: a completed one
     * was captured in full, anything else captured nothing.
     */
    private static PaymentAmounts amounts(Map<String, AttributeValue> item, TransactionStatus status) {
        Money authorized = new Money(number(item, "amount"), Money.parseCurrency(string(item, "currency")));
        if (!item.containsKey("amount_captured")) {
            return status == TransactionStatus.COMPLETED ? PaymentAmounts.capturedInFull(authorized)
                    : PaymentAmounts.authorizedOnly(authorized);
        }
        return new PaymentAmounts(authorized,
                new Money(number(item, "amount_captured"), authorized.currency()),
                new Money(number(item, "amount_refunded"), authorized.currency()),
                (int) number(item, "refunds_count"));
    }
}
