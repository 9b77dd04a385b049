package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.Payments;
import com.circoflows.localrunner.e2e.SentCardData;
import com.circoflows.localstack.HttpRoute;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Valid request bodies with the fields docs/api.md documents, for the routes that take one; the
 * mutation property changes one field of these. Amounts and other numbers are well-known values
 * (50, 1000, …): a stored 3-4 digit number could equal a CVV the suite sent and trip CardDataScanIT.
 */
final class ValidBodies {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Unlike any amount, last4, expiry or status of the suite (see SentCardData). */
    static final String CVV = SentCardData.cvv("826");
    static final String AMEX_CVV = SentCardData.cvv("8264");
    /** Loopback is allowed locally; nothing listens on the discard port, so deliveries fail fast. */
    static final String WEBHOOK_URL = "http://127.0.0.1:9/fuzz-webhooks";

    private static final Gen<String> CARDS = Gen.elements(Payments.SUCCESS, Payments.SUCCESS, Payments.DECLINED,
            Payments.THREE_D_SECURE, Payments.INSUFFICIENT_FUNDS, Payments.EXPIRED, Payments.INCORRECT_CVV,
            Payments.PROCESSING_ERROR, Payments.FRAUDULENT, Payments.MASTERCARD, Payments.AMEX);
    private static final Gen<long[]> AMOUNTS = Gen.elements(new long[] {50}, new long[] {1000}, new long[] {2500},
            new long[] {25_000}, new long[] {99_999_999});
    private static final Gen<String> CURRENCIES = Gen.elements("USD", "USD", "EUR", "GBP", "usd", "JPY");

    private ValidBodies() {
    }

    /** The valid body of {@code route}, or empty for a route that takes no body (or one this class doesn't know). */
    static Optional<Gen<ObjectNode>> forRoute(HttpRoute route, MerchantObjects objects) {
        return Optional.ofNullable(switch (route.method() + " " + route.path()) {
            case "POST /api/direct-payment" -> payment();
            case "POST /api/hosted-payment" -> session();
            case "POST /api/direct-payment/{transaction_id}/confirm-3ds" -> confirm(objects);
            case "PUT /api/webhook-endpoint" -> Gen.constant(JSON.createObjectNode().put("url", WEBHOOK_URL));
            case "PUT /api/branding" -> random -> JSON.createObjectNode().put("display_name", "Fuzz Shop")
                    .put("brand_color", Gen.elements("#1f4fd1", "#0B5E3B", "#d97706").next(random))
                    .put("accent_color", "#6b2fa3")
                    .put("button_style", Gen.elements("rounded", "square", "pill").next(random));
            case "POST /api/direct-payment/{transaction_id}/capture" -> random -> JSON.createObjectNode()
                    .put("amount", Gen.elements(50L, 1000L).next(random));
            case "POST /api/direct-payment/{transaction_id}/refunds" -> refund();
            case "POST /api/test/bank-transfers/{transaction_id}/fund" -> fund();
            case "POST /api/test/wallet-tokens" -> walletTokenMint();
            case "POST /api/bank-credits/{credit_id}/assign" -> assign(objects);
            default -> null;
        });
    }

    /** A card payment, or one time in four a bank transfer, or one time in six an Apple Pay token's. */
    static Gen<ObjectNode> payment() {
        return random -> random.nextInt(6) == 0 ? applePayPayment().next(random)
                : random.nextInt(4) == 0 ? bankTransfer().next(random) : cardPayment().next(random);
    }

    /**
     * A genuine Apple Pay token minted here with test mode's keys (Apple Pay's are not bound to a merchant), its
     * card and cryptogram handed to the card-data scan: the mutations then change its members too.
     */
    static Gen<ObjectNode> applePayPayment() {
        return random -> {
            ObjectNode body = JSON.createObjectNode()
                    .put("amount", AMOUNTS.next(random)[0])
                    .put("currency", CURRENCIES.next(random))
                    .put("payment_method", "apple_pay");
            body.set("payment_token", FuzzWalletTokens.applePay(CARDS.next(random)));
            addOptionalFields(body, random);
            return body;
        };
    }

    /** Test mode's wallets: a test card in either wallet, sometimes with an auth method or the sheet's amount. */
    private static Gen<ObjectNode> walletTokenMint() {
        return random -> {
            String wallet = Gen.elements("apple_pay", "google_pay").next(random);
            ObjectNode body = JSON.createObjectNode().put("wallet", wallet)
                    .put("card_number", SentCardData.pan(CARDS.next(random)));
            if (wallet.equals("google_pay") && random.nextBoolean()) {
                body.put("auth_method", Gen.elements("PAN_ONLY", "CRYPTOGRAM_3DS").next(random));
            }
            if (wallet.equals("apple_pay") && random.nextBoolean()) {
                body.put("amount", Gen.elements(50L, 1000L).next(random)).put("currency", "EUR");
            }
            return body;
        };
    }

    static Gen<ObjectNode> bankTransfer() {
        return random -> {
            ObjectNode body = JSON.createObjectNode()
                    .put("amount", AMOUNTS.next(random)[0])
                    .put("currency", Gen.elements("EUR", "GBP", "USD", "eur", "JPY").next(random))
                    .put("payment_method", "bank_transfer");
            body.putObject("customer_info").put("name", "Jane Fuzz").put("email", "jane@example.com");
            if (random.nextBoolean()) {
                body.putObject("metadata").put("order_id", "ord_fuzz");
            }
            if (random.nextInt(3) == 0) {
                body.put("expires_at", Instant.now().plus(Gen.elements(2L, 48L, 700L).next(random), ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS).toString());
            }
            if (random.nextInt(6) == 0) {
                body.put("webhook_url", WEBHOOK_URL);
            }
            return body;
        };
    }

    /** Test mode's bank: what is missing, or a set amount, with the payment's reference or a magic one. */
    private static Gen<ObjectNode> fund() {
        return random -> {
            ObjectNode body = JSON.createObjectNode();
            if (random.nextBoolean()) {
                body.put("amount", Gen.elements(50L, 1000L).next(random));
            }
            String reference = Gen.elements("", "RF_TEST_DUPLICATE", "RF_TEST_UNMATCHED", "INVOICE FUZZ").next(random);
            if (!reference.isEmpty()) {
                body.put("reference", reference);
            }
            return body;
        };
    }

    /**
     * The held EUR 5.00 to one of the merchant's own payments: its pending EUR bank transfer (applied the
     * first time, while it still lacks 5.00), or a card payment (409 invalid_transaction_state).
     */
    private static Gen<ObjectNode> assign(MerchantObjects objects) {
        return random -> JSON.createObjectNode().put("transaction_id", Gen.elements(objects.bankTransferId(),
                objects.bankTransferId(), objects.completedTransactionId(), objects.pendingTransactionId()).next(random));
    }

    static Gen<ObjectNode> cardPayment() {
        return random -> {
            String card = SentCardData.pan(CARDS.next(random));
            ObjectNode body = JSON.createObjectNode()
                    .put("amount", AMOUNTS.next(random)[0])
                    .put("currency", CURRENCIES.next(random))
                    .put("payment_method", "card")
                    .put("card_number", card)
                    .put("expiry_month", Payments.EXPIRY_MONTH)
                    .put("expiry_year", Payments.EXPIRY_YEAR)
                    .put("cvv", card.length() == 15 ? AMEX_CVV : CVV);
            addOptionalFields(body, random);
            return body;
        };
    }

    static Gen<ObjectNode> session() {
        return random -> {
            ObjectNode body = JSON.createObjectNode()
                    .put("amount", AMOUNTS.next(random)[0])
                    .put("currency", CURRENCIES.next(random))
                    .put("description", "Fuzz order");
            addOptionalFields(body, random);
            if (random.nextInt(4) == 0) {
                body.put("locale", Gen.elements("auto", "en", "de", "fr", "es", "ja").next(random));
            }
            if (random.nextBoolean()) {
                body.put("expires_at", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
            }
            return body;
        };
    }

    /** The completed payment it lands on has 1000 to give back: later valid refunds are invalid_amount. */
    private static Gen<ObjectNode> refund() {
        return random -> {
            ObjectNode body = JSON.createObjectNode().put("amount", Gen.elements(50L, 1000L).next(random))
                    .put("reason", Gen.elements("duplicate", "fraudulent", "requested_by_customer").next(random));
            body.putObject("metadata").put("ticket", "SUP-fuzz");
            return body;
        };
    }

    private static Gen<ObjectNode> confirm(MerchantObjects objects) {
        return random -> JSON.createObjectNode()
                .put("status", Gen.elements("success", "failed", "pending").next(random))
                .put("gateway_id", objects.pendingGatewayId());
    }

    private static void addOptionalFields(ObjectNode body, java.util.Random random) {
        if (random.nextBoolean()) {
            ObjectNode info = body.putObject("customer_info")
                    .put("name", "Jane Fuzz")
                    .put("email", "jane@example.com")
                    .put("phone", "+15550100");
            if (random.nextBoolean()) {
                info.putObject("address").put("line1", "1 Main St").put("line2", "Apt 2").put("city", "Springfield")
                        .put("state", "IL").put("postal_code", "62701").put("country", "US");
            }
        }
        if (random.nextBoolean()) {
            body.putObject("metadata").put("order_id", "ord_fuzz").put("attempt", 2).put("gift", true);
        }
        if (random.nextInt(4) == 0) {
            body.put("return_url", "https://example.com/return");
        }
        if (random.nextInt(6) == 0) {
            body.put("webhook_url", WEBHOOK_URL);
        }
    }
}
