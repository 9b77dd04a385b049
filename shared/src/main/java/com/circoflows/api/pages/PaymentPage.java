package com.circoflows.api.pages;

import com.circoflows.api.ErrorStatuses;
import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.domain.banktransfer.BankTransferDetails;
import com.circoflows.domain.banktransfer.Iban;
import com.circoflows.domain.banktransfer.TransferScheme;
import com.circoflows.domain.branding.Branding;
import com.circoflows.domain.branding.BrandingLookup;
import com.circoflows.domain.branding.LogoImage;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.ErrorType;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.session.PageLocale;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.SessionCheckout;
import com.circoflows.domain.session.SessionForPage;
import com.circoflows.domain.session.SessionStatus;
import com.circoflows.domain.session.WalletCheckoutForm;
import com.circoflows.observability.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GET/POST /pay/{session_id}: the hosted payment page. Plain server-rendered HTML that works without
 * JavaScript (the server checks every field); a nonce'd script only improves it. The card number and
 * security code are never written into a response, whatever happens.
 *
 * <p>What the customer sees follows the session's {@link CheckoutState}: the card form while it waits
 * for payment (with why the last attempt failed), the bank's 3-D Secure challenge when the card needs
 * one, a receipt once paid, a "being processed" page while another tab's payment runs, and a clear
 * "expired"/"cancelled" page (410) when nothing can be paid any more, and a "too many attempts" page
 * (429) saying until when, after too many declines on the session or from the customer's address.
 *
 * <p>Wallets: a test-mode session offers test mode's wallet buttons (the server mints a token for a test
 * card), a live one the real wallets configured ({@link PageWallets}); both post a token to the same route,
 * paid as {@link SessionCheckout#payWithWallet}.
 *
 * <p>Every text is a {@link Text} in the page's language ({@link Words}: the session's {@code locale},
 * else the browser's Accept-Language, else English); the merchant's display name and colours are its
 * branding's.
 */
public final class PaymentPage {
    private static final JsonLog LOG = JsonLog.get(PaymentPage.class);
    private static final Pattern SESSION_ID = Pattern.compile("^sess_[0-9A-Za-z]{24}$");
    private static final Pattern COOKIE_NONCE = Pattern.compile("^[0-9A-Za-z]{32}$");
    /** A session paid this recently is taken back to the merchant when its page is opened (after 3-D Secure). */
    private static final Duration JUST_PAID = Duration.ofMinutes(5);
    private static final int RETURN_DELAY_SECONDS = 3;
    private static final int IN_PROGRESS_REFRESH_SECONDS = 3;

    private final SessionCheckout checkout;
    private final PageTokens tokens;
    private final Clock clock;
    private final boolean httpsOnly;
    private final BrandingLookup brandings;
    private final PageWallets wallets;

    /** A page served over HTTPS only, as deployed. */
    public PaymentPage(SessionCheckout checkout, PageTokens tokens, Clock clock) {
        this(checkout, tokens, clock, true);
    }

    /** Every merchant with the default look. */
    public PaymentPage(SessionCheckout checkout, PageTokens tokens, Clock clock, boolean httpsOnly) {
        this(checkout, tokens, clock, httpsOnly, BrandingLookup.DEFAULTS);
    }

    /**
     * @param httpsOnly the page is served over HTTPS only, so browsers are told to use nothing else
     *                  (Strict-Transport-Security); false in local mode, which serves plain http
     * @param brandings the merchant's display name, colours and button shape for its customers' pages
     */
    public PaymentPage(SessionCheckout checkout, PageTokens tokens, Clock clock, boolean httpsOnly,
            BrandingLookup brandings) {
        this(checkout, tokens, clock, httpsOnly, brandings, PageWallets.NONE);
    }

    /** @param wallets the wallets the page offers: test mode's own, and the real ones configured for live */
    public PaymentPage(SessionCheckout checkout, PageTokens tokens, Clock clock, boolean httpsOnly,
            BrandingLookup brandings, PageWallets wallets) {
        this.checkout = checkout;
        this.tokens = tokens;
        this.clock = clock;
        this.httpsOnly = httpsOnly;
        this.brandings = brandings;
        this.wallets = wallets;
    }

    public ApiResponse handle(ApiRequest request) {
        ApiResponse response = answer(request);
        return httpsOnly ? Html.withStrictTransportSecurity(response) : response;
    }

    private ApiResponse answer(ApiRequest request) {
        String nonce = RandomIds.base62(16);
        String acceptLanguage = request.header("accept-language");
        Words words = Words.fromAcceptLanguage(acceptLanguage);
        String sessionId = request.pathParameter("session_id");
        try {
            if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
                return notFound(nonce, words);
            }
            View view = new View(nonce, acceptLanguage, sessionId, cookieNonce(request));
            return "POST".equals(request.method()) ? submit(request, view) : show(request, view);
        } catch (ApiException e) {
            return switch (ErrorStatuses.of(e.code())) {
                case 404 -> notFound(nonce, words);
                case 409, 410 -> problem(nonce, words, ErrorStatuses.of(e.code()), Text.CANNOT_CHANGE_TITLE,
                        Text.CANNOT_CHANGE_TEXT, sessionId, Text.OPEN_PAYMENT_PAGE);
                default -> problem(nonce, words, ErrorStatuses.of(e.code()), Text.COULD_NOT_TAKE_TITLE,
                        Text.COULD_NOT_TAKE_TEXT, sessionId, Text.BACK_TO_PAYMENT_PAGE);
            };
        } catch (RetryableFailure e) {
            LOG.warn("payment_page_unavailable", Map.of("reason", String.valueOf(e.getMessage())));
            return problem(nonce, words, 503, Text.UNREACHABLE_TITLE, Text.UNREACHABLE_TEXT, sessionId,
                    Text.TRY_AGAIN);
        } catch (RuntimeException e) {
            LOG.error("payment_page_failure", Map.of("request_id", String.valueOf(request.requestId())), e);
            return problem(nonce, words, 500, Text.OUR_FAILURE_TITLE, Text.OUR_FAILURE_TEXT, sessionId,
                    Text.CHECK_THE_PAYMENT);
        }
    }

    private ApiResponse show(ApiRequest request, View view) {
        CheckoutState state = checkout.open(view.sessionId);
        if (state instanceof CheckoutState.AwaitingPayment awaiting) {
            SessionForPage page = awaiting.page();
            Map<String, Object> info = page.session().customerInfo();
            return form(view, 200, page, awaiting.lastFailure(), Map.of(), text(info.get("name")),
                    text(info.get("email")), "", TransferChoice.NONE);
        }
        return showState(state, view, true);
    }

    private ApiResponse submit(ApiRequest request, View view) {
        Map<String, String> fields = FormBody.parse(request.body());
        if (!tokens.isValid(view.sessionId, view.cookieNonce, fields.get("csrf_token"))) {
            return problem(view.nonce, Words.fromAcceptLanguage(view.acceptLanguage), 403, Text.PAGE_EXPIRED_TITLE,
                    Text.PAGE_EXPIRED_TEXT, view.sessionId, Text.RELOAD_PAYMENT_PAGE);
        }
        if (TransferForm.chosen(fields)) {
            return submitTransfer(view, fields);
        }
        if (WalletForm.chosen(fields)) {
            return submitWallet(request, view, fields);
        }
        CardForm.Submission submission = CardForm.read(fields, clock);
        if (!submission.valid()) {
            CheckoutState state = checkout.open(view.sessionId);
            if (state instanceof CheckoutState.AwaitingPayment awaiting) {
                return form(view, 422, awaiting.page(), null, submission.errors(), submission.cardholderName(),
                        submission.email(), submission.expiry(), TransferChoice.NONE);
            }
            return showState(state, view, false);
        }
        CheckoutState state;
        try {
            state = checkout.pay(view.sessionId, submission.form().from(request.sourceIp()));
        } catch (ApiException e) {
            if (e.code().type() != ErrorType.CARD_ERROR) {
                throw e;
            }
            // A card refusal reported as an exception rather than a state: shown the same way.
            state = checkout.open(view.sessionId);
            if (state instanceof CheckoutState.AwaitingPayment awaiting) {
                state = new CheckoutState.AwaitingPayment(awaiting.page(),
                        new PaymentFailure(e.code(), e.getMessage(), e.declineCode()));
            }
        }
        return afterPaying(view, state, submission.cardholderName(), submission.email());
    }

    /** Where a payment's answer takes the customer: on to the merchant when paid, else what the page shows. */
    private ApiResponse afterPaying(View view, CheckoutState state, String name, String email) {
        if (state instanceof CheckoutState.Paid paid) {
            String returnTo = paid.page().session().returnLocation();
            return Html.redirect(returnTo != null ? returnTo : "/pay/" + view.sessionId);
        }
        if (state instanceof CheckoutState.AwaitingPayment awaiting) {
            return form(view, awaiting.lastFailure() == null ? 200 : 402, awaiting.page(), awaiting.lastFailure(),
                    Map.of(), name, email, "", TransferChoice.NONE);
        }
        return showState(state, view, false);
    }

    /**
     * A wallet's token, from a real wallet's button or minted now by test mode's for the test card chosen:
     * paid like a card, under the session's lease. A form that names no usable token (or asks test mode for
     * one on a live session) charges nothing and shows the form again, saying the wallet's payment failed.
     */
    private ApiResponse submitWallet(ApiRequest request, View view, Map<String, String> fields) {
        CheckoutState state = checkout.open(view.sessionId);
        if (!(state instanceof CheckoutState.AwaitingPayment awaiting)) {
            return showState(state, view, false);
        }
        PaymentSession session = awaiting.page().session();
        WalletForm.Submission submission = WalletForm.read(fields);
        Optional<String> token = wallets.tokenFor(submission, session);
        Map<String, Object> info = session.customerInfo();
        if (token.isEmpty()) {
            return form(view, 422, awaiting.page(), new PaymentFailure(ErrorCode.INVALID_PAYMENT_TOKEN,
                    ErrorCode.INVALID_PAYMENT_TOKEN.defaultMessage(), null), Map.of(), text(info.get("name")),
                    text(info.get("email")), "", TransferChoice.NONE);
        }
        CheckoutState after = checkout.payWithWallet(view.sessionId,
                new WalletCheckoutForm(submission.wallet(), token.get(), request.sourceIp()));
        return afterPaying(view, after, text(info.get("name")), text(info.get("email")));
    }

    /**
     * "Pay by bank transfer": opens the transfer (once: a second submit, or another tab's, shows the same
     * one) and sends the browser to the page, which shows its instructions on this and every later visit, so
     * a reload never posts again.
     */
    private ApiResponse submitTransfer(View view, Map<String, String> fields) {
        CheckoutState state = checkout.open(view.sessionId);
        if (state instanceof CheckoutState.AwaitingTransfer) {
            return Html.redirect("/pay/" + view.sessionId);
        }
        if (!(state instanceof CheckoutState.AwaitingPayment awaiting)) {
            return showState(state, view, false);
        }
        PaymentSession session = awaiting.page().session();
        TransferForm.Submission submission = TransferForm.read(fields, needsPayerName(session));
        if (!submission.valid()) {
            Map<String, Object> info = session.customerInfo();
            return form(view, 422, awaiting.page(), null, Map.of(), text(info.get("name")), text(info.get("email")),
                    "", new TransferChoice(submission.errors(), submission.payerName()));
        }
        CheckoutState after = checkout.payByBankTransfer(view.sessionId, submission.form());
        if (after instanceof CheckoutState.AwaitingTransfer) {
            return Html.redirect("/pay/" + view.sessionId);
        }
        if (after instanceof CheckoutState.Paid paid) {
            String returnTo = paid.page().session().returnLocation();
            return Html.redirect(returnTo != null ? returnTo : "/pay/" + view.sessionId);
        }
        return showState(after, view, false);
    }

    /** The currency has a transfer scheme and the payment is captured at once (a transfer cannot be held). */
    static boolean offersTransfer(PaymentSession session) {
        return TransferScheme.forCurrency(session.currency()).isPresent()
                && session.captureMethod() == CaptureMethod.AUTOMATIC;
    }

    /** A bank transfer names its payer: the session's customer name, else the form asks for one. */
    private static boolean needsPayerName(PaymentSession session) {
        return text(session.customerInfo().get("name")).isBlank();
    }

    /** The challenge, in the session's language when the merchant chose one (the browser's otherwise). */
    private static String challengePage(String transactionId, PaymentSession session) {
        String page = "/pay/3ds/" + transactionId;
        return session.locale() == PageLocale.AUTO ? page
                : page + "?" + ThreeDSecurePage.LANGUAGE_PARAMETER + "=" + session.locale().wireName();
    }

    /** Every state but the form. {@code opened}: the customer opened the page (rather than submitted it). */
    private ApiResponse showState(CheckoutState state, View view, boolean opened) {
        if (state instanceof CheckoutState.ChallengeRequired challenge) {
            return Html.redirect(challengePage(challenge.transactionId(), challenge.page().session()));
        }
        if (state instanceof CheckoutState.Paid paid) {
            return receipt(view, paid.page(), opened);
        }
        if (state instanceof CheckoutState.AwaitingTransfer transfer) {
            return instructions(view, transfer.page(), transfer.payment());
        }
        if (state instanceof CheckoutState.InProgress inProgress) {
            return inProgress(view, inProgress.page());
        }
        if (state instanceof CheckoutState.Closed closed) {
            return closed(view, closed.page());
        }
        if (state instanceof CheckoutState.Locked locked) {
            return locked(view, locked.page(), locked.until());
        }
        CheckoutState.AwaitingPayment awaiting = (CheckoutState.AwaitingPayment) state;
        Map<String, Object> info = awaiting.page().session().customerInfo();
        return form(view, 200, awaiting.page(), awaiting.lastFailure(), Map.of(), text(info.get("name")),
                text(info.get("email")), "", TransferChoice.NONE);
    }

    // ---- the card form ----

    /**
     * The card form, and beside it "Pay by bank transfer" where the session's currency has a transfer scheme:
     * without script one below the other; the script makes them two tabs.
     *
     * @param transfer the bank-transfer form's state: its error and typed name after a refused submit
     */
    private ApiResponse form(View view, int status, SessionForPage page, PaymentFailure failure,
            Map<CheckoutField, Text> errors, String name, String email, String expiry, TransferChoice transfer) {
        PaymentSession session = page.session();
        Branding brand = branding(page);
        Words words = view.wordsFor(session);
        String merchant = brand.displayName();
        String amount = amount(session, words);
        String formNonce = view.cookieNonce != null ? view.cookieNonce : PageTokens.newNonce();
        String csrfToken = tokens.tokenFor(view.sessionId, formNonce);
        boolean withTransfer = offersTransfer(session);
        Map<CheckoutField, String> values = new EnumMap<>(CheckoutField.class);
        values.put(CheckoutField.EMAIL, email);
        values.put(CheckoutField.CARDHOLDER_NAME, name);
        values.put(CheckoutField.EXPIRY, expiry);

        StringBuilder body = new StringBuilder(8192);
        body.append("<div class=\"checkout\">");
        body.append(summary(session, merchant, amount, words,
                BrandLogo.of(brandings, session.merchantId(), brand).orElse(null)));
        body.append(withTransfer ? "<main class=\"panel\">" : "<main class=\"panel\" aria-labelledby=\"form-title\">");
        if (failure != null) {
            body.append("<div class=\"notice notice-error\" role=\"alert\" id=\"payment-failure\">")
                    .append("<h2>").append(words.escaped(FailureMessages.title(failure))).append("</h2>")
                    .append("<p>").append(words.escaped(FailureMessages.message(failure))).append("</p></div>");
        }
        body.append(WalletButtons.section(wallets, session, csrfToken, view.nonce, merchant, words));
        if (withTransfer) {
            body.append(methodTabs(words, !transfer.errors().isEmpty()));
            body.append("<section id=\"method-card\" class=\"method\" aria-labelledby=\"form-title\">");
        }
        body.append("<h2 id=\"form-title\" class=\"visually-hidden\">").append(words.escaped(Text.PAY_WITH_CARD))
                .append("</h2>");
        body.append(errorSummary(errors, words));
        body.append("<form id=\"checkout-form\" method=\"post\" action=\"/pay/").append(Html.escape(view.sessionId))
                .append("\" novalidate>");
        body.append("<input type=\"hidden\" name=\"csrf_token\" value=\"").append(Html.escape(csrfToken))
                .append("\">");
        body.append("<fieldset><legend>").append(words.escaped(Text.CONTACT_INFORMATION)).append("</legend>");
        body.append(field(CheckoutField.EMAIL, values, errors, words, "type=\"email\" autocomplete=\"email\" "
                + "autocapitalize=\"off\" spellcheck=\"false\" maxlength=\"" + CardForm.MAX_EMAIL_LENGTH + "\"",
                null));
        body.append("</fieldset>");
        body.append("<fieldset><legend>").append(words.escaped(Text.CARD_DETAILS)).append("</legend>");
        body.append(field(CheckoutField.CARD_NUMBER, values, errors, words, "type=\"text\" inputmode=\"numeric\" "
                + "autocomplete=\"cc-number\" autocorrect=\"off\" spellcheck=\"false\" maxlength=\"24\" "
                + "placeholder=\"1234 1234 1234 1234\" class=\"mono\"", null));
        body.append("<div class=\"row\">");
        body.append(field(CheckoutField.EXPIRY, values, errors, words, "type=\"text\" inputmode=\"numeric\" "
                + "autocomplete=\"cc-exp\" autocorrect=\"off\" spellcheck=\"false\" maxlength=\"9\" "
                + "placeholder=\"" + words.escaped(Text.EXPIRY_FORMAT) + "\" class=\"mono\"", Text.EXPIRY_FORMAT));
        body.append(field(CheckoutField.CVC, values, errors, words, "type=\"text\" inputmode=\"numeric\" "
                + "autocomplete=\"cc-csc\" autocorrect=\"off\" spellcheck=\"false\" maxlength=\"4\" "
                + "placeholder=\"123\" class=\"mono\"", Text.CVC_HINT));
        body.append("</div>");
        body.append(field(CheckoutField.CARDHOLDER_NAME, values, errors, words, "type=\"text\" "
                + "autocomplete=\"cc-name\" autocapitalize=\"words\" spellcheck=\"false\" maxlength=\""
                + CardForm.MAX_NAME_LENGTH + "\"", null));
        body.append("</fieldset>");
        body.append("<button class=\"pay-button\" id=\"pay-button\" type=\"submit\">")
                .append(words.escaped(Text.PAY_AMOUNT, "amount", amount)).append("</button>");
        body.append("</form>");
        body.append("<p class=\"secure\">").append(CheckoutLayout.LOCK_ICON)
                .append("<span>").append(words.escaped(Text.SECURE_NOTE, "merchant", merchant)).append("</span></p>");
        if (withTransfer) {
            body.append("</section>");
            body.append(transferOption(view, session, amount, csrfToken, transfer, words));
        }
        body.append("</main></div>");

        boolean refused = !errors.isEmpty() || !transfer.errors().isEmpty() || failure != null;
        String title = (refused ? words.text(Text.ERROR_TITLE_PREFIX) : "")
                + words.text(Text.PAY_MERCHANT, "merchant", merchant);
        String html = CheckoutLayout.render(title, view.nonce, body.toString(), true, 0, null, brand, words);
        return Html.page(status, html, view.nonce, view.nonce, formActionOrigin(session), wallets.cspFor(session))
                .withHeader("set-cookie", tokens.cookieHeader(formNonce));
    }

    /**
     * The two ways to pay as tabs: hidden, for the script to show (it then hides the panel not chosen); without
     * script both forms are simply shown one below the other.
     */
    private static String methodTabs(Words words, boolean transferChosen) {
        return "<div class=\"method-tabs\" id=\"method-tabs\" role=\"tablist\" aria-label=\""
                + words.escaped(Text.PAYMENT_METHOD) + "\" data-selected=\"" + (transferChosen ? "transfer" : "card")
                + "\" hidden>"
                + "<button type=\"button\" role=\"tab\" id=\"tab-card\" aria-controls=\"method-card\" "
                + "aria-selected=\"true\">" + words.escaped(Text.CARD) + "</button>"
                + "<button type=\"button\" role=\"tab\" id=\"tab-transfer\" aria-controls=\"method-transfer\" "
                + "aria-selected=\"false\" tabindex=\"-1\">" + words.escaped(Text.BANK_TRANSFER) + "</button>"
                + "</div>";
    }

    /**
     * "Pay by bank transfer": what it means, the account holder's name when the session has none, and one
     * button. A plain form post with the page's CSRF token, like the card form.
     */
    private static String transferOption(View view, PaymentSession session, String amount, String csrfToken,
            TransferChoice transfer, Words words) {
        TransferScheme scheme = TransferScheme.forCurrency(session.currency()).orElseThrow();
        StringBuilder out = new StringBuilder(2048);
        out.append("<p class=\"or\" id=\"method-or\" aria-hidden=\"true\"><span>").append(words.escaped(Text.OR_DIVIDER))
                .append("</span></p>");
        out.append("<section id=\"method-transfer\" class=\"method transfer-option\" aria-labelledby=\"transfer-title\">");
        out.append("<h2 id=\"transfer-title\">").append(words.escaped(Text.PAY_BY_BANK_TRANSFER)).append("</h2>");
        out.append("<p class=\"hint\" id=\"transfer-hint\">").append(words.escaped(Text.TRANSFER_OPTION_TEXT, "amount", amount,
                "scheme", words.text(schemeName(scheme)))).append("</p>");
        out.append(errorSummary("transfer-error-summary", transfer.errors(), words, false));
        out.append("<form id=\"transfer-form\" method=\"post\" action=\"/pay/").append(Html.escape(view.sessionId))
                .append("\" novalidate>");
        out.append("<input type=\"hidden\" name=\"csrf_token\" value=\"").append(Html.escape(csrfToken)).append("\">");
        out.append("<input type=\"hidden\" name=\"").append(TransferForm.METHOD_FIELD).append("\" value=\"")
                .append(TransferForm.BANK_TRANSFER).append("\">");
        if (needsPayerName(session)) {
            Map<CheckoutField, String> values = new EnumMap<>(CheckoutField.class);
            values.put(CheckoutField.PAYER_NAME, transfer.payerName());
            out.append(field(CheckoutField.PAYER_NAME, values, transfer.errors(), words, "type=\"text\" "
                    + "autocomplete=\"name\" autocapitalize=\"words\" spellcheck=\"false\" maxlength=\""
                    + TransferForm.MAX_NAME_LENGTH + "\"", null));
        }
        out.append("<button class=\"button secondary\" id=\"transfer-button\" type=\"submit\" "
                + "aria-describedby=\"transfer-hint\">").append(words.escaped(Text.PAY_BY_BANK_TRANSFER))
                .append("</button>");
        out.append("</form></section>");
        return out.toString();
    }

    private static Text schemeName(TransferScheme scheme) {
        return switch (scheme) {
            case SEPA_CREDIT_TRANSFER -> Text.SCHEME_SEPA;
            case FASTER_PAYMENTS -> Text.SCHEME_FASTER_PAYMENTS;
            case ACH_OR_WIRE -> Text.SCHEME_ACH;
        };
    }

    /**
     * The bank-transfer form's state on the page: its error and the name typed, after a refused submit.
     * {@link #NONE} when the customer has not submitted it.
     */
    record TransferChoice(Map<CheckoutField, Text> errors, String payerName) {
        static final TransferChoice NONE = new TransferChoice(Map.of(), "");
    }

    /** @param logo the merchant's logo, which then stands for its name; null for the name and its initial */
    private static String summary(PaymentSession session, String merchant, String amount, Words words,
            LogoImage logo) {
        StringBuilder out = new StringBuilder(1024);
        out.append("<header class=\"summary\">");
        if (logo != null) {
            out.append("<p class=\"merchant\">").append(BrandLogo.img(logo, merchant));
        } else {
            out.append("<p class=\"merchant\"><span class=\"logo\" aria-hidden=\"true\">")
                    .append(Html.escape(initial(merchant))).append("</span><span class=\"merchant-name\">")
                    .append(Html.escape(merchant)).append("</span>");
        }
        if (session.mode() == Mode.TEST) {
            out.append("<span class=\"badge\" title=\"").append(words.escaped(Text.TEST_MODE_HINT)).append("\">")
                    .append(words.escaped(Text.TEST_MODE)).append("</span>");
        }
        out.append("</p>");
        out.append("<h1 class=\"pay-heading\"><span class=\"eyebrow\">")
                .append(words.escaped(Text.PAY_MERCHANT, "merchant", merchant)).append("</span><span class=\"amount\">").append(Html.escape(amount)).append("</span></h1>");
        if (session.description() != null && !session.description().isBlank()) {
            out.append("<p class=\"description\">").append(Html.escape(session.description())).append("</p>");
        }
        out.append("</header>");
        return out.toString();
    }

    private static String errorSummary(Map<CheckoutField, Text> errors, Words words) {
        return errorSummary("error-summary", errors, words, true);
    }

    /** @param cardForm after a refused card form, the customer is told to type the card number and code again */
    private static String errorSummary(String id, Map<CheckoutField, Text> errors, Words words, boolean cardForm) {
        StringBuilder out = new StringBuilder();
        out.append("<div class=\"error-summary\" id=\"").append(id).append("\" role=\"alert\" tabindex=\"-1\"")
                .append(errors.isEmpty() ? " hidden>" : ">");
        if (!errors.isEmpty()) {
            out.append("<h2>").append(words.escaped(errors.size() == 1 ? Text.ONE_PROBLEM : Text.PROBLEMS))
                    .append("</h2><ul>");
            errors.forEach((field, message) -> out.append("<li><a href=\"#").append(field.id())
                    .append("\" data-field=\"").append(field.id()).append("\">").append(words.escaped(message))
                    .append("</a></li>"));
            out.append("</ul>");
            if (cardForm) {
                // The card number and code are never sent back, so after a refused submit they are empty again.
                out.append("<p class=\"re-enter\">").append(words.escaped(Text.RE_ENTER_CARD)).append("</p>");
            }
        }
        return out.append("</div>").toString();
    }

    /**
     * One labelled input with its hint and error. Only the fields in {@code values} are ever filled in
     * again: never the card number or security code.
     */
    private static String field(CheckoutField field, Map<CheckoutField, String> values,
            Map<CheckoutField, Text> errors, Words words, String attributes, Text hintText) {
        String error = errors.containsKey(field) ? words.text(errors.get(field)) : null;
        String hint = hintText == null ? null : words.text(hintText);
        String value = values.get(field);
        StringBuilder describedBy = new StringBuilder();
        StringBuilder out = new StringBuilder(512);
        out.append("<div class=\"field\">");
        out.append("<label for=\"").append(field.id()).append("\">").append(words.escaped(field.label()))
                .append("</label>");
        if (hint != null) {
            out.append("<p class=\"hint\" id=\"").append(field.id()).append("-hint\">")
                    .append(Html.escape(hint)).append("</p>");
            describedBy.append(field.id()).append("-hint");
        }
        if (error != null) {
            describedBy.append(describedBy.length() > 0 ? " " : "").append(field.errorId());
        }
        out.append("<input id=\"").append(field.id()).append("\" name=\"").append(field.id()).append("\" ")
                .append(attributes).append(" required aria-required=\"true\"");
        if (value != null && !value.isEmpty()) {
            out.append(" value=\"").append(Html.escape(value)).append("\"");
        }
        if (error != null) {
            out.append(" aria-invalid=\"true\"");
        }
        if (describedBy.length() > 0) {
            out.append(" aria-describedby=\"").append(describedBy).append("\"");
        }
        out.append(">");
        out.append("<p class=\"field-error\" id=\"").append(field.errorId()).append("\"")
                .append(error == null ? " hidden>" : ">").append(error == null ? "" : Html.escape(error))
                .append("</p>");
        return out.append("</div>").toString();
    }

    // ---- the other states ----

    private ApiResponse receipt(View view, SessionForPage page, boolean opened) {
        PaymentSession session = page.session();
        Branding brand = branding(page);
        Words words = view.wordsFor(session);
        String merchant = brand.displayName();
        String amount = amount(session, words);
        String returnTo = session.returnLocation();
        boolean justPaid = opened && returnTo != null && session.completedAt() != null
                && !session.completedAt().isBefore(clock.instant().minus(JUST_PAID));
        StringBuilder body = new StringBuilder(2048);
        body.append(statusOpen(session, words)).append(CheckoutLayout.SUCCESS_ICON)
                .append("<h1>").append(words.escaped(Text.PAYMENT_SUCCESSFUL)).append("</h1>")
                .append("<p class=\"lead\" role=\"status\">")
                .append(words.html(Text.YOU_PAID, Map.of("amount", Words.strong(amount), "merchant",
                        Words.strong(merchant))))
                .append("</p>")
                .append("<dl class=\"details\">");
        if (session.description() != null && !session.description().isBlank()) {
            body.append("<div><dt>").append(words.escaped(Text.PAID_FOR)).append("</dt><dd>")
                    .append(Html.escape(session.description())).append("</dd></div>");
        }
        if (session.transactionId() != null) {
            body.append("<div><dt>").append(words.escaped(Text.REFERENCE)).append("</dt><dd class=\"reference\">")
                    .append(Html.escape(session.transactionId())).append("</dd></div>");
        }
        if (session.completedAt() != null) {
            body.append("<div><dt>").append(words.escaped(Text.PAID_ON)).append("</dt><dd>")
                    .append(Html.escape(dateTime(session.completedAt(), words.locale()))).append("</dd></div>");
        }
        body.append("</dl>");
        if (returnTo != null) {
            body.append("<a class=\"button\" href=\"").append(Html.escape(returnTo)).append("\">")
                    .append(words.escaped(Text.RETURN_TO, "merchant", merchant)).append("</a>");
            if (justPaid) {
                body.append("<p class=\"muted\">").append(words.escaped(Text.TAKING_YOU_BACK, "merchant", merchant))
                        .append("</p>");
            }
        } else {
            body.append("<p class=\"muted\">").append(words.escaped(Text.CLOSE_THIS_PAGE)).append("</p>");
        }
        body.append("</main></div>");
        String html = CheckoutLayout.render(words.text(Text.PAYMENT_SUCCESSFUL) + " – " + merchant, view.nonce,
                body.toString(), false, RETURN_DELAY_SECONDS, justPaid ? returnTo : null, brand, words);
        return Html.page(200, html, view.nonce, formActionOrigin(session));
    }

    /**
     * The bank transfer the customer chose, waiting for its money: every value to type into the bank's app,
     * each with a Copy button (the script shows them; without it the values are plain text to select), the
     * reference in groups of four as it is printed, the date it must arrive by, and what happens next. Shown
     * on every visit until the money has arrived (then the receipt) or the transfer expired (then the form).
     */
    private ApiResponse instructions(View view, SessionForPage page, Transaction payment) {
        PaymentSession session = page.session();
        Branding brand = branding(page);
        Words words = view.wordsFor(session);
        String merchant = brand.displayName();
        BankTransferDetails transfer = payment.bankTransfer();
        Money amount = payment.amount();
        Money remaining = amount.isMoreThan(transfer.received()) ? amount.minus(transfer.received())
                : Money.zero(amount.currency());
        boolean partlyPaid = transfer.received().minorUnits() > 0;
        Map<String, String> accountFields = transfer.accountFields();

        StringBuilder body = new StringBuilder(4096);
        body.append(statusOpen(session, words).replace("panel status", "panel status transfer"))
                .append(CheckoutLayout.WAIT_ICON)
                .append("<h1>").append(words.escaped(Text.TRANSFER_TITLE)).append("</h1>")
                .append("<p class=\"lead\">")
                .append(words.html(Text.TRANSFER_LEAD, Map.of("amount", Words.strong(money(amount, words)),
                        "merchant", Words.strong(merchant))))
                .append("</p>")
                .append("<p class=\"scheme\">").append(words.escaped(schemeName(transfer.scheme()))).append("</p>");
        if (partlyPaid) {
            body.append("<p class=\"notice notice-info\" role=\"status\">")
                    .append(words.html(Text.TRANSFER_RECEIVED, Map.of(
                            "received", Words.strong(money(transfer.received(), words)),
                            "remaining", Words.strong(money(remaining, words)))))
                    .append("</p>");
        }
        body.append("<dl class=\"details transfer-details\">");
        body.append(copyRow("transfer-amount", words.text(partlyPaid ? Text.AMOUNT_REMAINING : Text.AMOUNT),
                money(remaining, words), remaining.toMajorUnits().toPlainString(), false, words));
        body.append(copyRow("transfer-beneficiary", words.text(Text.BENEFICIARY), transfer.beneficiaryName(),
                transfer.beneficiaryName(), false, words));
        if (accountFields.containsKey("iban")) {
            String iban = accountFields.get("iban");
            body.append(copyRow("transfer-iban", words.text(Text.IBAN), Iban.parse(iban).printed(), iban, true, words));
        }
        if (accountFields.containsKey("bic")) {
            body.append(copyRow("transfer-bic", words.text(Text.BIC), accountFields.get("bic"), accountFields.get("bic"),
                    true, words));
        }
        if (accountFields.containsKey("account_number")) {
            body.append(copyRow("transfer-account-number", words.text(Text.ACCOUNT_NUMBER),
                    accountFields.get("account_number"), accountFields.get("account_number"), true, words));
        }
        if (accountFields.containsKey("sort_code")) {
            String sortCode = accountFields.get("sort_code");
            // Shown as printed (99-00-17); copied as the six digits a banking app's field takes.
            body.append(copyRow("transfer-sort-code", words.text(Text.SORT_CODE), sortCode,
                    sortCode.replaceAll("[^0-9]", ""), true, words));
        }
        if (accountFields.containsKey("routing_number")) {
            body.append(copyRow("transfer-routing-number", words.text(Text.ROUTING_NUMBER),
                    accountFields.get("routing_number"), accountFields.get("routing_number"), true, words));
        }
        body.append(copyRow("transfer-reference", words.text(Text.PAYMENT_REFERENCE), transfer.reference().printed(),
                transfer.reference().electronic(), true, words));
        body.append("<div><dt>").append(words.escaped(Text.PAY_BY)).append("</dt><dd id=\"transfer-expires\">")
                .append(Html.escape(dateTime(transfer.expiresAt(), words.locale()))).append("</dd></div>");
        body.append("</dl>");
        body.append("<p id=\"copy-status\" class=\"visually-hidden\" role=\"status\"></p>");
        body.append("<p class=\"notice notice-info\">").append(words.escaped(Text.REFERENCE_NOTE)).append("</p>");
        body.append("<p>").append(words.escaped(Text.COMPLETES_WHEN_MONEY_ARRIVES)).append("</p>");
        body.append("<a class=\"button\" href=\"/pay/").append(Html.escape(view.sessionId)).append("\">")
                .append(words.escaped(Text.CHECK_AGAIN)).append("</a>");
        String returnTo = session.returnLocation();
        if (returnTo != null) {
            body.append("<a class=\"button secondary\" href=\"").append(Html.escape(returnTo)).append("\">")
                    .append(words.escaped(Text.RETURN_TO, "merchant", merchant)).append("</a>");
        }
        body.append("</main></div>");
        String html = CheckoutLayout.render(words.text(Text.TRANSFER_TITLE) + " – " + merchant, view.nonce,
                body.toString(), "status-body", true, 0, null, brand, words);
        return Html.page(200, html, view.nonce, view.nonce, formActionOrigin(session));
    }

    /**
     * One value of the instructions with its Copy button, hidden until the script shows it (it copies
     * {@code copyValue}: the IBAN and the reference without the spaces that group them for reading).
     */
    private static String copyRow(String id, String label, String shown, String copyValue, boolean mono,
            Words words) {
        return "<div><dt id=\"" + id + "-label\">" + Html.escape(label) + "</dt><dd><span class=\"value"
                + (mono ? " mono-value" : "") + "\" id=\"" + id + "\">" + Html.escape(shown) + "</span>"
                + "<button type=\"button\" class=\"copy\" data-copy=\"" + Html.escape(copyValue) + "\" data-label=\""
                + Html.escape(label) + "\" hidden>" + words.escaped(Text.COPY) + "<span class=\"visually-hidden\"> "
                + Html.escape(label) + "</span></button></dd></div>";
    }

    private static String money(Money money, Words words) {
        return CustomerMoney.format(money.minorUnits(), money.currency(), words.locale());
    }

    private ApiResponse inProgress(View view, SessionForPage page) {
        PaymentSession session = page.session();
        Branding brand = branding(page);
        Words words = view.wordsFor(session);
        String self = "/pay/" + view.sessionId;
        String body = statusOpen(session, words) + CheckoutLayout.WAIT_ICON
                + "<h1>" + words.escaped(Text.IN_PROGRESS_TITLE) + "</h1>"
                + "<p class=\"lead\" role=\"status\">"
                + words.html(Text.IN_PROGRESS_LEAD, Map.of("amount", Words.strong(amount(session, words)),
                        "merchant", Words.strong(brand.displayName())))
                + "</p>"
                + "<p>" + words.escaped(Text.DO_NOT_PAY_AGAIN) + "</p>"
                + "<a class=\"button secondary\" href=\"" + Html.escape(self) + "\">" + words.escaped(Text.CHECK_AGAIN)
                + "</a></main></div>";
        String html = CheckoutLayout.render(words.text(Text.PAYMENT_IN_PROGRESS) + " – " + brand.displayName(),
                view.nonce, body, false, IN_PROGRESS_REFRESH_SECONDS, self, brand, words);
        return Html.page(409, html, view.nonce, formActionOrigin(session));
    }

    private ApiResponse closed(View view, SessionForPage page) {
        PaymentSession session = page.session();
        Branding brand = branding(page);
        Words words = view.wordsFor(session);
        String merchant = brand.displayName();
        Map<String, String> values = Map.of("amount", Words.strong(amount(session, words)),
                "merchant", Html.escape(merchant));
        boolean cancelled = session.status() == SessionStatus.CANCELLED;
        String title = words.text(cancelled ? Text.CANCELLED_TITLE : Text.EXPIRED_TITLE);
        StringBuilder body = new StringBuilder(1024);
        body.append(statusOpen(session, words)).append(CheckoutLayout.STOP_ICON)
                .append("<h1>").append(Html.escape(title)).append("</h1>")
                .append("<p class=\"lead\">").append(words.html(cancelled ? Text.CANCELLED_LEAD : Text.EXPIRED_LEAD,
                        values)).append("</p>")
                .append("<p>").append(words.escaped(cancelled ? Text.CANCELLED_NEXT : Text.EXPIRED_NEXT, "merchant",
                        merchant)).append("</p>");
        String returnTo = session.returnLocation();
        if (returnTo != null) {
            body.append("<a class=\"button\" href=\"").append(Html.escape(returnTo)).append("\">")
                    .append(words.escaped(Text.RETURN_TO, "merchant", merchant)).append("</a>");
        }
        body.append("</main></div>");
        String html = CheckoutLayout.render(title, view.nonce, body.toString(), false, 0, null, brand, words);
        return Html.page(410, html, view.nonce, formActionOrigin(session));
    }

    /** Too many declines: no card is sent to the bank until {@code until}; the customer is told when. */
    private ApiResponse locked(View view, SessionForPage page, Instant until) {
        PaymentSession session = page.session();
        Branding brand = branding(page);
        Words words = view.wordsFor(session);
        String merchant = brand.displayName();
        long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds());
        long minutes = Math.max(1, (seconds + 59) / 60);
        String title = words.text(Text.LOCKED_TITLE);
        StringBuilder body = new StringBuilder(1536);
        body.append(statusOpen(session, words)).append(CheckoutLayout.STOP_ICON)
                .append("<h1>").append(Html.escape(title)).append("</h1>");
        PaymentFailure last = session.lastFailure();
        if (last != null) {
            body.append("<p>").append(words.escaped(FailureMessages.title(last)))
                    .append(words.escaped(Text.SENTENCE_END)).append("</p>");
        }
        String about = minutes == 1 ? words.text(Text.ONE_MINUTE)
                : words.text(Text.MINUTES, "count", Long.toString(minutes));
        body.append("<p class=\"lead\" role=\"alert\">")
                .append(words.html(Text.LOCKED_LEAD, Map.of("amount", Words.strong(amount(session, words)),
                        "merchant", Words.strong(merchant), "time", Words.strong(time(until, words.locale())),
                        "minutes", Html.escape(about))))
                .append("</p>")
                .append("<p>").append(words.escaped(Text.LOCKED_NEXT, "merchant", merchant)).append("</p>")
                .append("<a class=\"button secondary\" href=\"/pay/").append(Html.escape(view.sessionId))
                .append("\">").append(words.escaped(Text.BACK_TO_PAYMENT_PAGE)).append("</a>")
                .append("</main></div>");
        String html = CheckoutLayout.render(title + " – " + merchant, view.nonce, body.toString(), false, 0, null,
                brand, words);
        return Html.page(429, html, view.nonce, formActionOrigin(session))
                .withHeader("retry-after", Long.toString(seconds));
    }

    private static String statusOpen(PaymentSession session, Words words) {
        return "<div class=\"status-page\"><main class=\"panel status\">"
                + (session.mode() == Mode.TEST ? "<span class=\"badge\">" + words.escaped(Text.TEST_MODE) + "</span>"
                        : "");
    }

    private static ApiResponse notFound(String nonce, Words words) {
        return problem(nonce, words, 404, Text.NOT_FOUND_TITLE, Text.NOT_FOUND_TEXT, null, null);
    }

    /** A page about a session that could not be read: in the browser's language, the default look. */
    private static ApiResponse problem(String nonce, Words words, int status, Text title, Text message,
            String sessionId, Text linkText) {
        StringBuilder body = new StringBuilder(1024);
        body.append("<div class=\"status-page\"><main class=\"panel status\">").append(CheckoutLayout.STOP_ICON)
                .append("<h1>").append(words.escaped(title)).append("</h1>")
                .append("<p class=\"lead\" role=\"alert\">").append(words.escaped(message)).append("</p>");
        if (sessionId != null && linkText != null && SESSION_ID.matcher(sessionId).matches()) {
            body.append("<a class=\"button\" href=\"/pay/").append(Html.escape(sessionId)).append("\">")
                    .append(words.escaped(linkText)).append("</a>");
        }
        body.append("</main></div>");
        return Html.page(status, CheckoutLayout.render(words.text(title), nonce, body.toString(), false, 0, null,
                Branding.defaults(""), words), nonce, "");
    }

    // ---- helpers ----

    /**
     * The merchant's branding: its display name replaces its business name everywhere on the page. A
     * branding that cannot be read now leaves the page in the default look rather than unable to pay.
     */
    private Branding branding(SessionForPage page) {
        try {
            return brandings.forPage(page.session().merchantId(), page.merchantName());
        } catch (RuntimeException e) {
            LOG.warn("branding_unavailable", Map.of("reason", e.getClass().getSimpleName()));
            return Branding.defaults(page.merchantName());
        }
    }

    private static String amount(PaymentSession session, Words words) {
        return CustomerMoney.format(session.amount(), session.currency(), words.locale());
    }

    private static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneOffset.UTC).format(instant) + " UTC";
    }

    private static String time(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(ZoneOffset.UTC)
                .format(instant) + " UTC";
    }

    private static String initial(String merchant) {
        if (merchant == null || merchant.isBlank()) {
            return "·";
        }
        int first = merchant.strip().codePointAt(0);
        return Character.isLetterOrDigit(first) ? new String(Character.toChars(first)) : "·";
    }

    private static String text(Object value) {
        return value instanceof String s ? s : "";
    }

    /**
     * The return URL's origin: the form's 303 goes there, so the page's CSP form-action must allow it.
     * Scheme and host in lower case, as CSP source expressions are written (a session stored before
     * return URLs were normalised may hold "HTTPS://Shop.Example").
     */
    static String formActionOrigin(PaymentSession session) {
        return Html.origin(session.returnUrl());
    }

    private static String cookieNonce(ApiRequest request) {
        String nonce = PageTokens.nonceFrom(request.header("cookie"));
        return nonce != null && COOKIE_NONCE.matcher(nonce).matches() ? nonce : null;
    }

    /**
     * What every page of this request shares: the CSP nonce, the browser's Accept-Language, the session id
     * and the browser's CSRF nonce (kept across tabs, so two open tabs can both submit).
     */
    private record View(String nonce, String acceptLanguage, String sessionId, String cookieNonce) {
        /** The session's language if its merchant chose one, else the browser's. */
        Words wordsFor(PaymentSession session) {
            return Words.choose(session.locale(), acceptLanguage);
        }
    }
}
