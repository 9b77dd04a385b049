package com.circoflows.api.payments;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.InboundText;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.PageRequest;
import com.circoflows.api.PublicUrls;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.payment.CustomerEmails;
import com.circoflows.domain.payment.PaymentMethod;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionFilter;
import com.circoflows.domain.payment.TransactionListQueries;
import com.circoflows.domain.payment.TransactionPage;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.session.HostedPaymentService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * GET /api/direct-payment?limit=&cursor=&status=&created_from=&created_to=&payment_method=&session_id=
 * &metadata[key]=value&card_last4=&customer_email=: the caller's transactions of its key's mode, newest first, each shown as GET
 * /api/direct-payment/{transaction_id} shows it. A filter value that can't be valid is a 400 naming
 * its parameter before anything is read.
 */
public final class ListDirectPaymentsEndpoint implements MerchantEndpoint {
    private static final String METADATA_PREFIX = "metadata[";
    private static final int MAX_METADATA_KEY_LENGTH = 40;
    private static final int MAX_METADATA_VALUE_LENGTH = 500;
    /** RFC 5321's longest usable address (a 256-octet path less its angle brackets). */
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern LAST4 = Pattern.compile("^[0-9]{4}$");
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /** Stored times are four-digit years: a later bound would not sort as a time. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private final TransactionListQueries transactions;
    private final PublicUrls urls;

    public ListDirectPaymentsEndpoint(TransactionListQueries transactions, PublicUrls urls) {
        this.transactions = transactions;
        this.urls = urls;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        PageRequest page = PageRequest.from(request);
        Map<String, String> query = request.queryParameters();
        TransactionFilter filter = filter(query);
        PaymentMethod method = paymentMethod(query.get("payment_method"));
        TransactionPage found = transactions.list(caller, filter, method, page.limit(), page.cursor());
        List<Map<String, Object>> shown = found.transactions().stream()
                .map(t -> PaymentResponses.transactionView(t, request, urls)).toList();
        return Envelope.ok(200, null, PageRequest.page("transactions", shown, found.nextCursor()));
    }

    public static TransactionFilter filter(Map<String, String> query) {
        TransactionStatus status = status(query.get("status"));
        Instant from = time(query.get("created_from"), "created_from");
        Instant to = time(query.get("created_to"), "created_to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalidParam("created_to", "created_to must be later than created_from.");
        }
        String sessionId = sessionId(query.get("session_id"));
        TransactionFilter.MetadataPair metadata = metadata(query);
        String cardLast4 = cardLast4(query.get("card_last4"));
        String customerEmail = customerEmail(query.get("customer_email"));
        // Each of these is its own set of search entries, so one per request; the 400 names the later one.
        List<String> searches = new ArrayList<>();
        if (sessionId != null) {
            searches.add("session_id");
        }
        if (metadata != null) {
            searches.add("metadata");
        }
        if (cardLast4 != null) {
            searches.add("card_last4");
        }
        if (customerEmail != null) {
            searches.add("customer_email");
        }
        if (searches.size() > 1) {
            throw ApiException.invalidParam(searches.get(1), "Search by one of session_id, metadata, card_last4 "
                    + "and customer_email at a time; each combines with status, created_from, created_to and "
                    + "payment_method.");
        }
        return new TransactionFilter(status, from, to, sessionId, metadata, cardLast4, customerEmail);
    }

    /** Exactly four digits: the last four of the card number, as a payment shows card.last4. */
    private static String cardLast4(String raw) {
        if (raw == null) {
            return null;
        }
        if (!LAST4.matcher(raw).matches()) {
            throw ApiException.invalidParam("card_last4", "card_last4 must be exactly 4 digits, e.g. 4242.");
        }
        return raw;
    }

    /** Matched case-insensitively against customer_info.email; an address of at most 254 characters. */
    private static String customerEmail(String raw) {
        if (raw == null) {
            return null;
        }
        // A card number or invalid text could never match a stored email (their bodies refuse both).
        String email = CustomerEmails.normalized(InboundText.check(raw, "customer_email"));
        if (email == null || raw.length() > MAX_EMAIL_LENGTH || email.indexOf('@') < 1
                || email.indexOf('@') == email.length() - 1) {
            throw ApiException.invalidParam("customer_email",
                    "customer_email must be an email address of at most 254 characters.");
        }
        return email;
    }

    private static TransactionStatus status(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return TransactionStatus.fromWireName(raw);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.invalidParam("status", "The status must be one of pending, authorized, completed, "
                    + "partially_refunded, refunded, failed or canceled.");
        }
    }

    /** ISO 8601: a date and time with an offset (2026-03-01T12:00:00Z), or a date (midnight UTC). */
    private static Instant time(String raw, String param) {
        if (raw == null) {
            return null;
        }
        Instant parsed;
        try {
            parsed = raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException notATime) {
            throw ApiException.invalidParam(param, param + " must be an ISO 8601 date-time with an offset, "
                    + "e.g. 2026-03-01T12:00:00Z, or a date, e.g. 2026-03-01.");
        }
        if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
            throw ApiException.invalidParam(param, param + " must be between 1970 and 9999.");
        }
        return parsed;
    }

    private static PaymentMethod paymentMethod(String raw) {
        if (raw == null) {
            return null;
        }
        return PaymentMethod.fromWireName(raw).orElseThrow(() -> ApiException.invalidParam("payment_method",
                "The payment_method must be one of card, bank_transfer, apple_pay or google_pay."));
    }

    private static String sessionId(String raw) {
        if (raw == null) {
            return null;
        }
        if (!HostedPaymentService.isWellFormedId(raw)) {
            throw ApiException.invalidParam("session_id", "The session_id is not a hosted payment session id.");
        }
        return raw;
    }

    /** {@code metadata[key]=value}, one pair: API Gateway hands the bracketed name over as it came. */
    private static TransactionFilter.MetadataPair metadata(Map<String, String> query) {
        TransactionFilter.MetadataPair pair = null;
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!name.equals("metadata") && !name.startsWith(METADATA_PREFIX)) {
                continue;
            }
            String key = name.startsWith(METADATA_PREFIX) && name.endsWith("]")
                    ? name.substring(METADATA_PREFIX.length(), name.length() - 1) : "";
            if (key.isEmpty() || key.length() > MAX_METADATA_KEY_LENGTH) {
                throw ApiException.invalidParam("metadata",
                        "Filter by metadata as metadata[key]=value, with a key of 1 to 40 characters.");
            }
            if (pair != null) {
                throw ApiException.invalidParam("metadata", "Filter by one metadata pair at a time.");
            }
            String value = parameter.getValue() == null ? "" : parameter.getValue();
            if (value.length() > MAX_METADATA_VALUE_LENGTH) {
                throw ApiException.invalidParam("metadata", "Metadata values are at most 500 characters.");
            }
            pair = new TransactionFilter.MetadataPair(key, value);
        }
        return pair;
    }
}
