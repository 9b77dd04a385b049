package com.circoflows.dashboard;

import com.circoflows.domain.wallet.Wallet;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.PaymentDetails;
import com.circoflows.domain.payment.PaymentAmounts;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.card.StoredCard;
import com.circoflows.domain.card.CardBrand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.domain.banktransfer.BankTransferRequest;
import com.circoflows.domain.banktransfer.TestModeOutboundTransfers;
import com.circoflows.domain.banktransfer.TransferExpiry;
import com.circoflows.domain.dashboard.DashboardAccounts;
import com.circoflows.domain.dashboard.DashboardSessionTokens;
import com.circoflows.domain.dashboard.LoginThrottle;
import com.circoflows.domain.dashboard.PasswordHasher;
import com.circoflows.domain.dashboard.PasswordPolicy;
import com.circoflows.domain.dashboard.Totp;
import com.circoflows.domain.gateway.TestModeCardGateway;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.PaymentEngine;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionListQueries;
import com.circoflows.domain.payment.TransactionPage;
import com.circoflows.domain.payment.TransactionQueries;
import com.circoflows.domain.payment.AuthorizationService;
import com.circoflows.domain.refund.RefundQueries;
import com.circoflows.domain.refund.RefundService;
import com.circoflows.domain.refund.RefundStatus;
import com.circoflows.domain.webhook.WebhookEventQueries;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.BankTransferWorld;
import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.InMemoryDashboardSessionRepository;
import com.circoflows.testing.InMemoryDashboardUserRepository;
import com.circoflows.testing.InMemoryGatewayLedger;
import com.circoflows.testing.InMemoryLoginAttemptStore;
import com.circoflows.testing.InMemoryMerchantRepository;
import com.circoflows.testing.InMemoryRefundRepository;
import com.circoflows.testing.InMemoryWebhookEventRepository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bank transfers in the dashboard (issue 17): the payments list's Method column and filter, a transfer's page
 * with the scheme's instructions and its money (received, remaining, excess), an expired one's failure, and
 * the Refund form sending the money back as an outbound transfer that shows pending; and beside them a wallet
 * payment's Method (issue 18). Over the real pages and domain services, with bank transfers opened, credited
 * and expired by {@link BankTransferWorld}.
 */
class DashboardBankTransferPagesTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String OWNER = "owner@acme.example";

    private final BankTransferWorld world = new BankTransferWorld();
    private final InMemoryMerchantRepository merchants = new InMemoryMerchantRepository();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final InMemoryDashboardUserRepository users = new InMemoryDashboardUserRepository();
    private final DashboardSessionTokens tokens = new DashboardSessionTokens(new SecureRandom(), world.clock);
    private final DashboardAccounts accounts = new DashboardAccounts(users, new InMemoryDashboardSessionRepository(),
            new MerchantOnboarding(merchants, new ApiKeyIssuer(keys, CountingSecretHasher.sha256(), world.clock), world.clock),
            new PasswordPolicy(), new PasswordHasher(4), new LoginThrottle(new InMemoryLoginAttemptStore(), world.clock),
            tokens, Totp.standard(), world.clock);
    private final DashboardCookies cookies = new DashboardCookies(true);
    private final DashboardTimes times = new DashboardTimes();
    private final InMemoryRefundRepository refunds = new InMemoryRefundRepository(world.transactions);
    private final TestModeCardGateway cards = new TestModeCardGateway(new InMemoryGatewayLedger(), world.clock);
    private final PaymentPages paymentPages = new PaymentPages(new TransactionListQueries(this::newestFirst),
            new TransactionQueries(world.transactions), new AuthorizationService(world.transactions, cards, world.writer),
            new RefundService(world.transactions, refunds, cards, new TestModeOutboundTransfers(), world.writer, world.clock),
            new RefundQueries(world.transactions, refunds),
            new DeliveryLog(new WebhookEventQueries(new InMemoryWebhookEventRepository()), times), times);
    private final DashboardApp app = new DashboardApp(accounts, tokens, new VisitorFormTokens(new byte[32]), cookies,
            merchants, true, List.of(new SignInPages(accounts, cookies), paymentPages));

    @Test
    void theListShowsBankTransferAndItsReferenceAsTheMethodAndTheMethodFilterOffersBankTransfer() {
        Browser owner = Browser.signedUp(this);
        Transaction transfer = world.open(merchantKey(), 10000, "EUR");

        String list = owner.get("/dashboard/payments").body();

        assertTrue(list.contains("<th scope=\"col\">Method</th>"), "a Method column, not Card");
        String row = rowOf(list, transfer.transactionId());
        assertTrue(row.contains("Bank transfer<br><span class=\"muted nowrap\">" + transfer.bankTransfer().reference().printed()),
                row);
        assertTrue(list.contains("<option value=\"card\">Card</option><option value=\"bank_transfer\">Bank transfer</option>"),
                "the method filter offers both");
        String filtered = owner.get("/dashboard/payments?payment_method=bank_transfer").body();
        assertTrue(filtered.contains("<option value=\"bank_transfer\" selected>"), "the filter shows what was chosen");
        assertTrue(filtered.contains(transfer.transactionId()));
        assertTrue(owner.get("/dashboard/payments?payment_method=card").body().contains("No payments match."),
                "a bank transfer is not a card payment");
    }

    @Test
    void aWalletPaymentNamesItsWalletInTheListAndOnItsPageAndTheMethodFilterFindsIt() {
        Browser owner = Browser.signedUp(this);
        AuthenticatedKey key = merchantKey();
        Transaction googlePay = new Transaction("txn_WALLETwalletWALLETwallet01", key.merchantId(), Mode.TEST,
                TransactionStatus.COMPLETED, PaymentAmounts.capturedInFull(Money.of(1000, "USD")), CaptureMethod.AUTOMATIC,
                "gw_WALLETwalletWALLETwallet01", new StoredCard(CardBrand.VISA, "4242", 12, 2029, "fp", Wallet.GOOGLE_PAY),
                ThreeDSecureStatus.NOT_REQUIRED, null, PaymentDetails.none(), null, world.clock.instant(),
                world.clock.instant(), 1);
        world.writer.insert(googlePay);

        String row = rowOf(owner.get("/dashboard/payments").body(), googlePay.transactionId());
        String page = owner.get("/dashboard/payments/" + googlePay.transactionId()).body();
        String filtered = owner.get("/dashboard/payments?payment_method=google_pay").body();

        assertTrue(row.contains("Google Pay visa ···· 4242"), row);
        assertTrue(page.contains("Google Pay visa ···· 4242"), "the Card fact names the wallet");
        assertTrue(filtered.contains(googlePay.transactionId()), "the Google Pay filter finds it");
        assertTrue(owner.get("/dashboard/payments?payment_method=apple_pay").body().contains("No payments match."));
    }

    @Test
    void aPartlyPaidTransfersPageShowsTheSepaInstructionsWhatArrivedAndWhatIsStillToCome() {
        Browser owner = Browser.signedUp(this);
        Transaction transfer = world.open(merchantKey(), 10000, "EUR");
        world.credits.receive(world.creditFor(transfer, 4000));

        ApiResponse page = owner.get("/dashboard/payments/" + transfer.transactionId());

        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("100.00 EUR <span class=\"status pending\">pending</span>"), "the heading");
        String iban = transfer.bankTransfer().accountFields().get("iban");
        assertTrue(body.contains(fact("IBAN", copyable("IBAN", com.circoflows.domain.banktransfer.Iban.parse(iban).printed()))), "IBAN in groups of four");
        assertTrue(body.contains(fact("BIC", copyable("BIC", transfer.bankTransfer().accountFields().get("bic")))));
        String reference = transfer.bankTransfer().reference().printed();
        assertTrue(reference.matches("RF\\d\\d( [0-9]{1,4})+"), reference);
        assertTrue(body.contains(fact("Reference", copyable("reference", reference))), "the reference in groups of four");
        assertTrue(body.contains(fact("Scheme", "SEPA credit transfer")));
        assertTrue(body.contains(fact("Received", "40.00 EUR")) && body.contains(fact("Remaining", "60.00 EUR")), body);
        assertTrue(body.contains("Partly paid: 40.00 EUR has arrived and 60.00 EUR is still to come."));
        assertTrue(body.contains("<dt>Pay by</dt><dd><time datetime=\"" + transfer.bankTransfer().expiresAt() + "\">"));
        assertTrue(body.contains(fact("Method", "Bank transfer (SEPA credit transfer)")));
        assertFalse(body.contains("<dt>Card</dt>") || body.contains("<dt>3-D Secure</dt>"), "nothing of a card");
        assertTrue(body.contains("Payment created: waiting for a bank transfer of 100.00 EUR"), "the timeline");
        assertTrue(body.contains("Expires unless 60.00 EUR more arrives"), "the timeline");
        assertTrue(body.contains("Webhook deliveries"));
        assertFalse(body.contains("refund-heading"), "nothing to refund yet");
    }

    @Test
    void poundsShowAccountNumberAndSortCodeAndDollarsAccountAndRoutingNumber() {
        Browser owner = Browser.signedUp(this);
        Transaction pounds = world.open(merchantKey(), 2500, "GBP");
        Transaction dollars = world.open(merchantKey(), 2500, "USD");

        String gbp = owner.get("/dashboard/payments/" + pounds.transactionId()).body();
        String usd = owner.get("/dashboard/payments/" + dollars.transactionId()).body();

        Map<String, String> uk = pounds.bankTransfer().accountFields();
        assertTrue(gbp.contains(fact("Account number", copyable("account number", uk.get("account_number")))), gbp);
        assertTrue(gbp.contains(fact("Sort code", copyable("sort code", uk.get("sort_code")))), gbp);
        assertTrue(uk.get("sort_code").matches("\\d\\d-\\d\\d-\\d\\d"), "printed in pairs");
        assertFalse(gbp.contains("<dt>IBAN</dt>"));
        assertTrue(gbp.contains("Waiting for the payer's bank transfer. Nothing has arrived yet."), gbp);
        Map<String, String> us = dollars.bankTransfer().accountFields();
        assertTrue(usd.contains(fact("Account number", copyable("account number", us.get("account_number")))), usd);
        assertTrue(usd.contains(fact("Routing number", copyable("routing number", us.get("routing_number")))), usd);
        assertTrue(usd.contains(fact("Scheme", "ACH or wire transfer")));
    }

    @Test
    void anOverpaidTransferIsPaidAndShowsTheExcessOwedBackToThePayer() {
        Browser owner = Browser.signedUp(this);
        Transaction transfer = world.open(merchantKey(), 10000, "EUR");
        world.credits.receive(world.creditFor(transfer, 12500));

        String body = owner.get("/dashboard/payments/" + transfer.transactionId()).body();

        assertTrue(body.contains("<span class=\"status completed\">completed</span>"));
        assertTrue(body.contains(fact("Received", "125.00 EUR")), body);
        assertTrue(body.contains(fact("Excess (owed back to the payer)", "25.00 EUR")), body);
        assertTrue(body.contains("The payer sent 25.00 EUR too much, which is owed back to them."));
        assertFalse(body.contains("<dt>Remaining</dt>"), "nothing remains of a paid transfer");
        assertTrue(body.contains("<dt>Was due by</dt>"));
        assertTrue(body.contains("Paid in full by bank transfer"), "the timeline");
        assertTrue(body.contains(fact("Paid", "100.00 EUR")), "paid is the amount, the rest is excess");
    }

    @Test
    void anExpiredTransferShowsItsFailureAndThatWhatArrivedIsOwedBack() {
        Transaction transfer = world.open(merchantKey(), 10000, "EUR");
        world.credits.receive(world.creditFor(transfer, 3000));
        world.clock.advance(TransferExpiry.DEFAULT.plusMinutes(1));
        assertEquals(1, world.expirer.expireDue(10));
        Browser owner = Browser.signedUp(this);

        String body = owner.get("/dashboard/payments/" + transfer.transactionId()).body();

        assertTrue(body.contains("<span class=\"status failed\">failed</span>"));
        assertTrue(body.contains("<dt>Failure</dt><dd>bank_transfer_expired: "), body);
        assertTrue(body.contains("before it was paid in full. The 30.00 EUR that arrived is owed back to the payer."), body);
        assertTrue(body.contains(fact("Excess (owed back to the payer)", "30.00 EUR")), body);
        assertTrue(body.contains("Expired before it was paid in full"), "the timeline");
        assertFalse(body.contains("Expires unless"), "no expiry ahead any more");
        assertFalse(body.contains("refund-heading"), "an expired transfer has nothing to refund");
    }

    @Test
    void refundingAPaidTransferFromItsPageSendsAnOutboundTransferThatShowsPendingAndSaysSo() {
        Browser owner = Browser.signedUp(this);
        Transaction transfer = world.open(merchantKey(), 5000, "GBP");
        world.credits.receive(world.creditFor(transfer, 5000));
        String path = "/dashboard/payments/" + transfer.transactionId();
        String page = owner.get(path).body();
        assertTrue(page.contains("The money goes back to the payer as a bank transfer. The refund shows as pending until "
                + "the bank has sent it (in test mode, a minute or two)."), "the form says what happens");

        ApiResponse posted = owner.post(path + "/refund", Map.of("csrf_token", owner.tokenOf(page, path + "/refund"),
                "refund_token", refundToken(page), "amount", "20.00", "reason", "requested_by_customer"));

        assertEquals(303, posted.statusCode(), posted::body);
        assertEquals(path + "?notice=refund_transfer_pending", posted.headers().get("location"));
        assertEquals(RefundStatus.PENDING, refunds.forTransaction(transfer.transactionId()).get(0).status(),
                "an outbound transfer takes time");
        String after = owner.get(posted.headers().get("location")).body();
        assertTrue(after.contains("The refund is on its way back to the payer as a bank transfer. It shows as pending "
                + "until the bank has sent it."), "the notice");
        assertTrue(after.contains("Refund of 20.00 GBP as a bank transfer to the payer: pending"), "the timeline");
        assertTrue(after.contains("<span class=\"status partially_refunded\">partially refunded</span>"));
        assertTrue(after.contains("Up to 30.00 GBP."), "what is left to refund");
    }

    @Test
    void whatThePayerAndTheMerchantTypedIsShownEscaped() {
        Browser owner = Browser.signedUp(this);
        String hostile = "<img src=x onerror=alert(1)>\"'";
        Transaction transfer = world.payments.open(merchantKey(), PaymentEngine.newTransactionId(), new BankTransferRequest(
                Money.of(1000, "EUR"), Map.of("name", hostile, "email", "a@b.example"), Map.of("order", hostile), null,
                TransferExpiry.standard())).transaction();

        String list = owner.get("/dashboard/payments").body();
        String page = owner.get("/dashboard/payments/" + transfer.transactionId()).body();

        for (String body : List.of(list, page)) {
            assertFalse(body.contains("<img src=x"), "never as markup");
        }
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"), "shown as text");
    }

    private AuthenticatedKey merchantKey() {
        return new AuthenticatedKey("KeyDashboardTest", users.findByEmail(OWNER).map(u -> u.merchantId())
                .orElseGet(() -> signedUpMerchantId()), Mode.TEST);
    }

    /** Tests that open a payment before signing in sign the owner up first without a browser of their own. */
    private String signedUpMerchantId() {
        Browser.signedUp(this);
        return users.findByEmail(OWNER).orElseThrow().merchantId();
    }

    /** What the DynamoDB list does, over the world's payments: the merchant's, of the mode, passing the filter. */
    private TransactionPage newestFirst(String merchantId, Mode mode, com.circoflows.domain.payment.TransactionFilter filter,
            int limit, String cursor) {
        return new TransactionPage(world.transactions.all().stream()
                .filter(t -> t.merchantId().equals(merchantId) && t.mode() == mode && filter.matches(t))
                .sorted(Comparator.comparing(Transaction::createdAt).reversed())
                .limit(limit).toList(), null);
    }

    private static String fact(String term, String definitionHtml) {
        return "<dt>" + term + "</dt><dd>" + definitionHtml + "</dd>";
    }

    private static String copyable(String spokenName, String value) {
        return "<code data-copy=\"" + spokenName + "\">" + value + "</code>";
    }

    private static String rowOf(String html, String transactionId) {
        Matcher row = Pattern.compile("<tr><td><a href=\"[^\"]*" + Pattern.quote(transactionId) + "\".*?</tr>").matcher(html);
        assertTrue(row.find(), "a row for " + transactionId);
        return row.group();
    }

    private static String refundToken(String page) {
        Matcher token = Pattern.compile("name=\"refund_token\" value=\"([0-9A-Za-z]{24})\"").matcher(page);
        assertTrue(token.find(), "the refund form");
        return token.group(1);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** Keeps the cookies a browser would and posts forms with the token their page gave. */
    private static final class Browser {
        private final DashboardBankTransferPagesTest test;
        private final Map<String, String> jar = new LinkedHashMap<>();

        private Browser(DashboardBankTransferPagesTest test) {
            this.test = test;
        }

        /** The owner, signed up (the first time) or signed in. */
        static Browser signedUp(DashboardBankTransferPagesTest test) {
            Browser browser = new Browser(test);
            boolean known = test.users.findByEmail(OWNER).isPresent();
            String path = known ? "/dashboard/login" : "/dashboard/signup";
            String token = browser.tokenOf(browser.get(path).body(), path);
            Map<String, String> fields = new LinkedHashMap<>(Map.of("csrf_token", token, "email", OWNER, "password", PASSWORD));
            if (!known) {
                fields.put("business_name", "Acme Tea");
            }
            ApiResponse answer = browser.post(path, fields);
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 303, () -> answer.statusCode() + " " + path);
            return browser;
        }

        ApiResponse get(String pathAndQuery) {
            return send(request("GET", pathAndQuery, null));
        }

        ApiResponse post(String path, Map<String, String> fields) {
            return send(request("POST", path, form(fields)));
        }

        String tokenOf(String html, String action) {
            Matcher form = Pattern.compile("action=\"" + Pattern.quote(action)
                    + "(\\?[^\"]*)?\"><input type=\"hidden\" name=\"csrf_token\" value=\"([^\"]+)\"").matcher(html);
            assertTrue(form.find(), "a form posting to " + action);
            return form.group(2);
        }

        private ApiRequest request(String method, String pathAndQuery, String body) {
            int question = pathAndQuery.indexOf('?');
            String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
            ApiRequests request = ApiRequests.get(path).method(method).sourceIp("203.0.113.7");
            if (question >= 0) {
                for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    request.query(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                            StandardCharsets.UTF_8));
                }
            }
            if (!jar.isEmpty()) {
                StringBuilder header = new StringBuilder();
                jar.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=')
                        .append(value));
                request.header("cookie", header.toString());
            }
            if (body != null) {
                request.body(body).header("content-type", "application/x-www-form-urlencoded");
            }
            return request.build();
        }

        private ApiResponse send(ApiRequest request) {
            ApiResponse response = test.app.handle(request);
            String setCookie = response.headers().get("set-cookie");
            if (setCookie != null) {
                String pair = setCookie.split(";")[0];
                int eq = pair.indexOf('=');
                if (pair.substring(eq + 1).isEmpty()) {
                    jar.remove(pair.substring(0, eq));
                } else {
                    jar.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return response;
        }
    }
}
