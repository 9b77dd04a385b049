package com.circoflows.api.pages;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.session.CheckoutForm;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.session.PageLocale;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.SessionCheckout;
import com.circoflows.domain.session.SessionForPage;
import com.circoflows.domain.session.SessionStatus;
import com.circoflows.domain.session.TransferCheckoutForm;
import com.circoflows.domain.session.WalletCheckoutForm;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** A SessionCheckout that answers what the test scripts and records what the page asked. */
final class FakeCheckout implements SessionCheckout {
    static final String SESSION_ID = "sess_ABCDEFGHIJKLMNOPQRSTUVWX";
    static final String MERCHANT = "Acme Books";
    static final String RETURN_URL = "https://shop.example.com/orders/42/done?ref=a#thanks";

    private Supplier<CheckoutState> onOpen;
    private Function<CheckoutForm, CheckoutState> onPay;
    private Function<TransferCheckoutForm, CheckoutState> onTransfer;
    private Function<WalletCheckoutForm, CheckoutState> onWallet;
    final List<String> opened = new ArrayList<>();
    final List<CheckoutForm> paid = new ArrayList<>();
    final List<TransferCheckoutForm> transfers = new ArrayList<>();
    final List<WalletCheckoutForm> wallets = new ArrayList<>();

    FakeCheckout opens(CheckoutState state) {
        return opens(() -> state);
    }

    FakeCheckout opens(Supplier<CheckoutState> state) {
        this.onOpen = state;
        return this;
    }

    FakeCheckout pays(CheckoutState state) {
        return pays(form -> state);
    }

    FakeCheckout pays(Function<CheckoutForm, CheckoutState> answer) {
        this.onPay = answer;
        return this;
    }

    FakeCheckout paysByTransfer(Function<TransferCheckoutForm, CheckoutState> answer) {
        this.onTransfer = answer;
        return this;
    }

    FakeCheckout paysWithWallet(Function<WalletCheckoutForm, CheckoutState> answer) {
        this.onWallet = answer;
        return this;
    }

    @Override
    public CheckoutState payWithWallet(String sessionId, WalletCheckoutForm form) {
        wallets.add(form);
        if (onWallet == null) {
            throw new AssertionError("payWithWallet() was not expected");
        }
        return onWallet.apply(form);
    }

    @Override
    public CheckoutState payByBankTransfer(String sessionId, TransferCheckoutForm form) {
        transfers.add(form);
        if (onTransfer == null) {
            throw new AssertionError("payByBankTransfer() was not expected");
        }
        return onTransfer.apply(form);
    }

    @Override
    public CheckoutState open(String sessionId) {
        opened.add(sessionId);
        if (onOpen == null) {
            throw new AssertionError("open() was not expected");
        }
        return onOpen.get();
    }

    @Override
    public CheckoutState pay(String sessionId, CheckoutForm form) {
        paid.add(form);
        if (onPay == null) {
            throw new AssertionError("pay() was not expected");
        }
        return onPay.apply(form);
    }

    /** A session as the page sees it; change what a test needs with the with* methods. */
    static Session session() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", "Jane Smith");
        customer.put("email", "jane@example.com");
        customer.put("phone", "+1234567890");
        return new Session(new PaymentSession(SESSION_ID, "mch_test", Mode.TEST, 25000, "USD",
                "Premium Subscription - Annual Plan", customer, Map.of(), null, RETURN_URL, SessionStatus.PENDING,
                null, null, null, null, TestClocks.NOW.minus(Duration.ofMinutes(10)),
                TestClocks.NOW.plus(Duration.ofHours(24)), null, null, 1), MERCHANT);
    }

    record Session(PaymentSession s, String merchantName) {
        SessionForPage page() {
            return new SessionForPage(s, merchantName);
        }

        Session withAmount(long amount, String currency) {
            return new Session(new PaymentSession(s.sessionId(), s.merchantId(), s.mode(), amount, currency,
                    s.description(), s.customerInfo(), s.metadata(), s.webhookUrl(), s.returnUrl(), s.status(),
                    s.transactionId(), s.attemptTransactionId(), s.attemptLeaseUntil(), s.lastFailure(),
                    s.createdAt(), s.expiresAt(), s.completedAt(), s.cancelledAt(), s.version()), merchantName);
        }

        Session withDescription(String description) {
            return new Session(new PaymentSession(s.sessionId(), s.merchantId(), s.mode(), s.amount(), s.currency(),
                    description, s.customerInfo(), s.metadata(), s.webhookUrl(), s.returnUrl(), s.status(),
                    s.transactionId(), s.attemptTransactionId(), s.attemptLeaseUntil(), s.lastFailure(),
                    s.createdAt(), s.expiresAt(), s.completedAt(), s.cancelledAt(), s.version()), merchantName);
        }

        Session withReturnUrl(String returnUrl) {
            return new Session(new PaymentSession(s.sessionId(), s.merchantId(), s.mode(), s.amount(), s.currency(),
                    s.description(), s.customerInfo(), s.metadata(), s.webhookUrl(), returnUrl, s.status(),
                    s.transactionId(), s.attemptTransactionId(), s.attemptLeaseUntil(), s.lastFailure(),
                    s.createdAt(), s.expiresAt(), s.completedAt(), s.cancelledAt(), s.version()), merchantName);
        }

        Session withCustomer(Map<String, Object> customerInfo) {
            return new Session(new PaymentSession(s.sessionId(), s.merchantId(), s.mode(), s.amount(), s.currency(),
                    s.description(), customerInfo, s.metadata(), s.webhookUrl(), s.returnUrl(), s.status(),
                    s.transactionId(), s.attemptTransactionId(), s.attemptLeaseUntil(), s.lastFailure(),
                    s.createdAt(), s.expiresAt(), s.completedAt(), s.cancelledAt(), s.version()), merchantName);
        }

        Session withMode(Mode mode) {
            return new Session(new PaymentSession(s.sessionId(), s.merchantId(), mode, s.amount(), s.currency(),
                    s.description(), s.customerInfo(), s.metadata(), s.webhookUrl(), s.returnUrl(), s.status(),
                    s.transactionId(), s.attemptTransactionId(), s.attemptLeaseUntil(), s.lastFailure(),
                    s.createdAt(), s.expiresAt(), s.completedAt(), s.cancelledAt(), s.version()), merchantName);
        }

        Session withLastFailure(PaymentFailure failure) {
            return new Session(new PaymentSession(s.sessionId(), s.merchantId(), s.mode(), s.amount(), s.currency(),
                    s.description(), s.customerInfo(), s.metadata(), s.webhookUrl(), s.returnUrl(), s.status(),
                    s.transactionId(), s.attemptTransactionId(), s.attemptLeaseUntil(), failure,
                    s.createdAt(), s.expiresAt(), s.completedAt(), s.cancelledAt(), s.version()), merchantName);
        }

        Session withLocale(PageLocale locale) {
            return new Session(new PaymentSession(s.sessionId(), s.merchantId(), s.mode(), s.amount(), s.currency(),
                    s.description(), s.customerInfo(), s.metadata(), s.webhookUrl(), s.returnUrl(), s.status(),
                    s.transactionId(), s.attemptTransactionId(), s.attemptLeaseUntil(), s.lastFailure(),
                    s.createdAt(), s.expiresAt(), s.completedAt(), s.cancelledAt(), s.version(), s.failedAttempts(),
                    s.lockedUntil(), s.captureMethod(), locale), merchantName);
        }

        Session withCaptureMethod(CaptureMethod captureMethod) {
            return new Session(new PaymentSession(s.sessionId(), s.merchantId(), s.mode(), s.amount(), s.currency(),
                    s.description(), s.customerInfo(), s.metadata(), s.webhookUrl(), s.returnUrl(), s.status(),
                    s.transactionId(), s.attemptTransactionId(), s.attemptLeaseUntil(), s.lastFailure(),
                    s.createdAt(), s.expiresAt(), s.completedAt(), s.cancelledAt(), s.version(), s.failedAttempts(),
                    s.lockedUntil(), captureMethod, s.locale()), merchantName);
        }

        Session withMerchantName(String name) {
            return new Session(s, name);
        }

        Session completed(String transactionId, Instant at) {
            return new Session(new PaymentSession(s.sessionId(), s.merchantId(), s.mode(), s.amount(), s.currency(),
                    s.description(), s.customerInfo(), s.metadata(), s.webhookUrl(), s.returnUrl(),
                    SessionStatus.COMPLETED, transactionId, null, null, null, s.createdAt(), s.expiresAt(), at, null,
                    s.version() + 1), merchantName);
        }

        Session closed(SessionStatus status) {
            return new Session(new PaymentSession(s.sessionId(), s.merchantId(), s.mode(), s.amount(), s.currency(),
                    s.description(), s.customerInfo(), s.metadata(), s.webhookUrl(), s.returnUrl(), status, null,
                    null, null, null, s.createdAt(), s.expiresAt(), null,
                    status == SessionStatus.CANCELLED ? TestClocks.NOW : null, s.version() + 1), merchantName);
        }
    }
}
