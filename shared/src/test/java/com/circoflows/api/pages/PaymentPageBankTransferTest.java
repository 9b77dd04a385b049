package com.circoflows.api.pages;

import static com.circoflows.api.pages.FakeCheckout.SESSION_ID;
import static com.circoflows.api.pages.FakeCheckout.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiResponse;
import com.circoflows.domain.banktransfer.BankTransferPayments;
import com.circoflows.domain.banktransfer.BankTransferRequest;
import com.circoflows.domain.banktransfer.CollectionDetails;
import com.circoflows.domain.banktransfer.TransferExpiry;
import com.circoflows.domain.banktransfer.TransferNumbers;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.keys.DerivedKeys;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.session.TransferCheckoutForm;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.BankTransferWorld;
import com.circoflows.testing.TestClocks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** "Pay by bank transfer" on the hosted payment page: the choice beside the card form, and the instructions. */
class PaymentPageBankTransferTest {
    private static final Pattern CARD_CSRF = Pattern.compile(
            "id=\"checkout-form\"[^>]*><input type=\"hidden\" name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final Pattern TRANSFER_CSRF = Pattern.compile(
            "id=\"transfer-form\"[^>]*><input type=\"hidden\" name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final Pattern SCRIPT_NONCE = Pattern.compile("<script nonce=\"([^\"]+)\">");

    private final FakeCheckout checkout = new FakeCheckout();
    private final PageTokens tokens = new PageTokens(
            new DerivedKeys("page-test-secret-0123456789abcdefghij").keyFor(DerivedKeys.PAGE_TOKEN), true);
    private final PaymentPage page = new PaymentPage(checkout, tokens, TestClocks.fixed());
    private final BankTransferPayments transfers = new BankTransferPayments(
            new TransferNumbers(new BankTransferWorld.Claims()), CollectionDetails.TEST_MODE, null,
            TestClocks.fixed());

    // ---- the choice ----

    @ParameterizedTest
    @CsvSource({"EUR, SEPA credit transfer", "GBP, Faster Payments", "USD, ACH or wire transfer"})
    void aCurrencyWithATransferSchemeOffersPayByBankTransferBesideTheCardForm(String currency, String scheme) {
        checkout.opens(new CheckoutState.AwaitingPayment(session().withAmount(25000, currency).page(), null));

        String html = get().body();

        assertTrue(html.contains("id=\"checkout-form\""), "the card form stays");
        assertTrue(html.indexOf("id=\"checkout-form\"") < html.indexOf("id=\"transfer-form\""), html);
        assertTrue(html.contains("<h2 id=\"transfer-title\">Pay by bank transfer</h2>"), html);
        assertTrue(html.contains("(" + scheme + ")"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"payment_method\" value=\"bank_transfer\">"), html);
        assertTrue(html.contains("id=\"transfer-button\" type=\"submit\""), html);
        assertEquals(match(CARD_CSRF, html), match(TRANSFER_CSRF, html), "one CSRF token for both forms");
        assertTrue(html.contains("role=\"tablist\""), "the script's tabs");
        assertTrue(html.matches("(?s).*<div class=\"method-tabs\"[^>]*hidden>.*"), "tabs only with script");
        assertFalse(html.contains("id=\"payer_name\""), "the session's customer name is the payer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JPY", "CHF", "SEK"})
    void aCurrencyWithoutATransferSchemeShowsTheCardFormAlone(String currency) {
        checkout.opens(new CheckoutState.AwaitingPayment(session().withAmount(25000, currency).page(), null));

        String html = get().body();

        assertTrue(html.contains("id=\"checkout-form\""));
        assertFalse(html.contains("id=\"transfer-form\""), html);
        assertFalse(html.contains("id=\"method-tabs\""), html);
        assertTrue(html.contains("<main class=\"panel\" aria-labelledby=\"form-title\">"), "as before");
    }

    @Test
    void aSessionOnlyToBeAuthorisedOffersNoTransfer() {
        checkout.opens(new CheckoutState.AwaitingPayment(
                session().withCaptureMethod(CaptureMethod.MANUAL).page(), null));

        assertFalse(get().body().contains("id=\"transfer-form\""));
    }

    @Test
    void withoutACustomerNameTheTransferFormAsksForTheAccountHolder() {
        checkout.opens(new CheckoutState.AwaitingPayment(
                session().withCustomer(Map.of("email", "jane@example.com")).page(), null));

        String html = get().body();

        String input = match(Pattern.compile("(<input id=\"payer_name\"[^>]*>)"), html);
        assertTrue(input.contains("autocomplete=\"name\"") && input.contains("required"), input);
        assertTrue(html.contains("<label for=\"payer_name\">Name of the account holder</label>"), html);
    }

    @Test
    void choosingBankTransferOpensItAndSendsTheBrowserBackToThePage() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null))
                .paysByTransfer(form -> new CheckoutState.AwaitingTransfer(session().page(), pending("USD", 0)));
        ApiResponse shown = get();

        ApiResponse answer = post(shown, transferForm(match(TRANSFER_CSRF, shown.body()), null));

        assertEquals(303, answer.statusCode());
        assertEquals("/pay/" + SESSION_ID, answer.headers().get("location"), "a reload shows it, never posts again");
        assertEquals(1, checkout.transfers.size());
        assertNull(checkout.transfers.get(0).payerName());
        assertTrue(checkout.paid.isEmpty(), "no card");
    }

    @Test
    void theTypedAccountHolderIsPassedOn() {
        checkout.opens(new CheckoutState.AwaitingPayment(
                        session().withCustomer(Map.of("email", "jane@example.com")).page(), null))
                .paysByTransfer(form -> new CheckoutState.AwaitingTransfer(session().page(), pending("USD", 0)));
        ApiResponse shown = get();

        post(shown, transferForm(match(TRANSFER_CSRF, shown.body()), "  Jane Q. Smith "));

        assertEquals(List.of(new TransferCheckoutForm("Jane Q. Smith")), checkout.transfers);
    }

    @Test
    void aMissingAccountHolderIsRefusedOnTheTransferTabWithoutOpeningAnything() {
        checkout.opens(new CheckoutState.AwaitingPayment(
                session().withCustomer(Map.of("email", "jane@example.com")).page(), null));
        ApiResponse shown = get();

        ApiResponse answer = post(shown, transferForm(match(TRANSFER_CSRF, shown.body()), " "));

        assertEquals(422, answer.statusCode());
        String html = answer.body();
        assertTrue(html.contains("data-selected=\"transfer\""), "the script opens the transfer tab");
        assertTrue(html.matches("(?s).*<div class=\"error-summary\" id=\"transfer-error-summary\" role=\"alert\""
                + " tabindex=\"-1\">.*Enter the name of the account holder\\..*"), html);
        assertTrue(match(Pattern.compile("(<input id=\"payer_name\"[^>]*>)"), html).contains("aria-invalid=\"true\""));
        assertTrue(html.contains("<title>Error: Pay Acme Books</title>"), html);
        assertTrue(checkout.transfers.isEmpty());
    }

    @Test
    void aCardNumberTypedAsTheAccountHolderIsNeverShownAgain() {
        checkout.opens(new CheckoutState.AwaitingPayment(
                session().withCustomer(Map.of("email", "jane@example.com")).page(), null));
        ApiResponse shown = get();

        ApiResponse answer = post(shown, transferForm(match(TRANSFER_CSRF, shown.body()), "4242 4242 4242 4242"));

        assertEquals(422, answer.statusCode());
        assertFalse(answer.body().contains("4242 4242"), "never echoed");
        assertTrue(checkout.transfers.isEmpty());
    }

    @Test
    void aTransferPostWithoutTheCsrfTokenOpensNothing() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        ApiResponse shown = get();

        ApiResponse answer = post(shown, transferForm("forged", null));

        assertEquals(403, answer.statusCode());
        assertTrue(checkout.transfers.isEmpty());
    }

    @Test
    void aSecondSubmitOfTheTransferFormOnlySendsTheBrowserToTheInstructions() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        ApiResponse shown = get();
        checkout.opens(new CheckoutState.AwaitingTransfer(session().page(), pending("USD", 0)));

        ApiResponse answer = post(shown, transferForm(match(TRANSFER_CSRF, shown.body()), null));

        assertEquals(303, answer.statusCode());
        assertTrue(checkout.transfers.isEmpty(), "nothing opened twice");
    }

    @Test
    void anExpiredTransferIsExplainedAboveTheForms() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), new PaymentFailure(
                ErrorCode.BANK_TRANSFER_EXPIRED, ErrorCode.BANK_TRANSFER_EXPIRED.defaultMessage(), null)));

        String html = get().body();

        assertTrue(html.contains("<h2>Your bank transfer didn&#39;t arrive in time</h2>"), html);
        assertTrue(html.indexOf("id=\"payment-failure\"") < html.indexOf("id=\"method-tabs\""), "it concerns both ways to pay");
    }

    // ---- the instructions ----

    @Test
    void usdInstructionsShowEveryValueWithACopyButtonAndTheReferenceInGroupsOfFour() {
        Transaction payment = pending("USD", 0);
        checkout.opens(new CheckoutState.AwaitingTransfer(session().page(), payment));

        ApiResponse response = get();

        assertEquals(200, response.statusCode());
        String html = response.body();
        String reference = payment.bankTransfer().reference().electronic();
        assertTrue(reference.startsWith("RF"), reference);
        assertTrue(html.contains("<h1>Complete your payment by bank transfer</h1>"), html);
        assertTrue(html.contains("To pay <strong>$250.00</strong> to <strong>Acme Books</strong>"), html);
        assertRow(html, "transfer-amount", "Amount", "$250.00", "250.00");
        assertRow(html, "transfer-beneficiary", "Beneficiary", "CircoFlows Payments (test mode)",
                "CircoFlows Payments (test mode)");
        assertRow(html, "transfer-account-number", "Account number",
                payment.bankTransfer().accountFields().get("account_number"),
                payment.bankTransfer().accountFields().get("account_number"));
        assertRow(html, "transfer-routing-number", "Routing number (ABA)", "590017008", "590017008");
        assertRow(html, "transfer-reference", "Payment reference", payment.bankTransfer().reference().printed(),
                reference);
        assertTrue(payment.bankTransfer().reference().printed().matches("RF\\d\\d( \\w{1,4})+"));
        assertTrue(html.contains("<dd id=\"transfer-expires\">"), html);
        assertTrue(html.contains("Your payment is complete when the money arrives"), html);
        assertTrue(html.contains("<a class=\"button\" href=\"/pay/" + SESSION_ID + "\">Check again</a>"), html);
        assertEquals(5, count(html, "<button type=\"button\" class=\"copy\""), "amount, beneficiary, account, routing, reference");
        assertEquals(5, count(html, "hidden>Copy<span class=\"visually-hidden\"> "), "shown by the script only");
        assertTrue(html.contains("id=\"copy-status\" class=\"visually-hidden\" role=\"status\""), html);
        assertFalse(html.contains("transfer-iban"), html);
    }

    @Test
    void eurInstructionsShowTheIbanInGroupsOfFourAndCopyItWhole() {
        Transaction payment = pending("EUR", 0);
        checkout.opens(new CheckoutState.AwaitingTransfer(session().withAmount(25000, "EUR").page(), payment));

        String html = get().body();

        String iban = payment.bankTransfer().accountFields().get("iban");
        assertTrue(iban.startsWith("DE") && iban.length() == 22, iban);
        String grouped = iban.replaceAll("(.{4})", "$1 ").strip();
        assertRow(html, "transfer-iban", "IBAN", grouped, iban);
        assertRow(html, "transfer-bic", "BIC", "CIRCDEF0", "CIRCDEF0");
        assertRow(html, "transfer-amount", "Amount", "€250.00", "250.00");
        assertTrue(html.contains("SEPA credit transfer"), html);
    }

    @Test
    void gbpInstructionsShowTheSortCodeAsPrintedAndCopyItsDigits() {
        Transaction payment = pending("GBP", 0);
        checkout.opens(new CheckoutState.AwaitingTransfer(session().withAmount(25000, "GBP").page(), payment));

        String html = get().body();

        assertRow(html, "transfer-sort-code", "Sort code", "99-00-17", "990017");
        assertTrue(html.contains("id=\"transfer-account-number\""), html);
        assertFalse(html.contains("transfer-iban"), html);
    }

    @Test
    void partOfTheMoneyArrivedShowsWhatIsStillToPay() {
        checkout.opens(new CheckoutState.AwaitingTransfer(session().page(), pending("USD", 10000)));

        String html = get().body();

        assertTrue(html.contains("We have received <strong>$100.00</strong> so far. Please send the remaining "
                + "<strong>$150.00</strong>."), html);
        assertRow(html, "transfer-amount", "Still to pay", "$150.00", "150.00");
    }

    @Test
    void theInstructionsKeepTheStrictPolicyWithTheirOwnScriptNonceAndCannotBeFramed() {
        checkout.opens(new CheckoutState.AwaitingTransfer(session().page(), pending("USD", 0)));

        ApiResponse response = get();

        String nonce = match(SCRIPT_NONCE, response.body());
        String policy = response.headers().get("content-security-policy");
        assertTrue(policy.contains("script-src 'nonce-" + nonce + "'"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("DENY", response.headers().get("x-frame-options"));
        assertEquals("no-store", response.headers().get("cache-control"));
        assertFalse(response.body().contains(" onclick="), "no inline handlers");
    }

    @ParameterizedTest
    @CsvSource({
        "de-DE, Verwendungszweck, Kopieren",
        "fr-FR, Référence du paiement, Copier",
        "es-ES, Referencia del pago, Copiar",
        "ja-JP, 振込参照番号, コピー"})
    void theInstructionsSpeakTheCustomersLanguage(String acceptLanguage, String reference, String copy) {
        checkout.opens(new CheckoutState.AwaitingTransfer(session().withAmount(25000, "EUR").page(),
                pending("EUR", 0)));

        String html = page.handle(request("GET", null).header("accept-language", acceptLanguage).build()).body();

        assertTrue(html.contains(">" + reference + "</dt>"), html);
        assertTrue(html.contains("hidden>" + copy + "<span"), html);
        assertTrue(html.contains("<html lang=\"" + acceptLanguage.substring(0, 2) + "\">"), html);
    }

    @Test
    void liveSessionsInstructionsCarryNoTestBadge() {
        checkout.opens(new CheckoutState.AwaitingTransfer(session().withMode(Mode.LIVE).page(), pending("USD", 0)));

        assertFalse(get().body().contains("Test mode"));
    }

    // ---- helpers ----

    /** A pending transfer for the fake session, as the checkout would have opened it, with {@code received}. */
    private Transaction pending(String currency, long received) {
        Transaction opened = transfers.prepare("txn_" + currency + "0000000000000000000000", "mch_test", Mode.TEST,
                new BankTransferRequest(Money.of(25000, currency), Map.of("name", "Jane Smith"), Map.of(), null,
                        TransferExpiry.standard()), SESSION_ID);
        return received == 0 ? opened
                : opened.receiveTransfer(Money.of(received, currency), TestClocks.NOW);
    }

    private static void assertRow(String html, String id, String label, String shown, String copied) {
        Pattern row = Pattern.compile("<div><dt id=\"" + id + "-label\">" + Pattern.quote(label) + "</dt><dd>"
                + "<span class=\"value[^\"]*\" id=\"" + id + "\">" + Pattern.quote(Html.escape(shown)) + "</span>"
                + "<button type=\"button\" class=\"copy\" data-copy=\"" + Pattern.quote(Html.escape(copied))
                + "\" data-label=\"" + Pattern.quote(label) + "\" hidden>");
        assertTrue(row.matcher(html).find(), () -> id + " is not " + shown + " / " + copied + " in " + html);
    }

    private ApiResponse get() {
        return page.handle(request("GET", null).build());
    }

    private ApiResponse post(ApiResponse shown, String body) {
        String cookie = shown.headers().get("set-cookie");
        assertNotNull(cookie, "no cookie set");
        String nonce = PageTokens.nonceFrom(cookie.substring(0, cookie.indexOf(';')));
        return page.handle(request("POST", body).header("cookie", "cf_page_nonce=" + nonce).build());
    }

    private static ApiRequests request(String method, String body) {
        return ApiRequests.get("/pay/" + SESSION_ID).method(method).body(body)
                .header("content-type", "application/x-www-form-urlencoded")
                .pathParam("session_id", SESSION_ID);
    }

    private static String transferForm(String token, String payerName) {
        return "csrf_token=" + enc(token) + "&payment_method=bank_transfer"
                + (payerName == null ? "" : "&payer_name=" + enc(payerName));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String match(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertTrue(matcher.find(), () -> pattern + " not in " + html);
        return matcher.group(1);
    }

    private static int count(String html, String part) {
        int count = 0;
        for (int at = html.indexOf(part); at >= 0; at = html.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
