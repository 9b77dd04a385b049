package com.circoflows.adapters.sqs;

import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.time.Timestamps;
import com.circoflows.json.Json;
import com.circoflows.json.JsonObject;
import com.circoflows.json.JsonValue;
import com.circoflows.json.MalformedJsonException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bank credit feed's message: {amount, currency, reference, virtual_account?, payer_name, bank_reference,
 * received_at}. Read strictly: a message that is not exactly that is refused, and the refusal never quotes it
 * (a payer's free text may hold anything).
 */
public final class BankCreditMessages {
    /** Banks' own credit ids: letters, digits and a few separators. */
    private static final Pattern BANK_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");
    private static final int LONGEST_TEXT = 140;
    private static final int LONGEST_ACCOUNT = 64;

    private BankCreditMessages() {
    }

    /** A credit the feed could not read: what is wrong, never what was sent. */
    public static final class UnreadableCredit extends IllegalArgumentException {
        UnreadableCredit(String why) {
            super(why);
        }
    }

    public static String write(BankCredit credit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", credit.amount().minorUnits());
        body.put("currency", credit.amount().currencyCode());
        body.put("reference", credit.reference());
        if (credit.virtualAccount() != null) {
            body.put("virtual_account", credit.virtualAccount());
        }
        body.put("payer_name", credit.payerName());
        body.put("bank_reference", credit.bankReference());
        body.put("received_at", Timestamps.format(credit.receivedAt()));
        return Json.write(body);
    }

    /** @throws UnreadableCredit naming the first field that is missing or wrong */
    public static BankCredit read(String body) {
        JsonValue parsed;
        try {
            parsed = body == null ? null : Json.parse(body);
        } catch (MalformedJsonException e) {
            throw new UnreadableCredit("not JSON");
        }
        if (parsed == null || !parsed.isObject()) {
            throw new UnreadableCredit("not a JSON object");
        }
        JsonObject message = parsed.asObject();
        for (var names = message.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!Map.of("amount", 1, "currency", 1, "reference", 1, "virtual_account", 1, "payer_name", 1,
                    "bank_reference", 1, "received_at", 1).containsKey(name)) {
                throw new UnreadableCredit("unknown field");
            }
        }
        JsonValue amount = message.get("amount");
        if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong() || amount.longValue() <= 0) {
            throw new UnreadableCredit("amount must be a positive integer in minor units");
        }
        String currency = text(message, "currency", 3, true);
        Money money;
        try {
            // Not Money.of: a credit of any size is money received, below a card's minimum charge or not.
            money = new Money(amount.longValue(), Money.parseCurrency(currency));
        } catch (RuntimeException e) {
            throw new UnreadableCredit("currency or amount is not valid");
        }
        String bankReference = text(message, "bank_reference", 64, true);
        if (!BANK_REFERENCE.matcher(bankReference).matches()) {
            throw new UnreadableCredit("bank_reference must be 1 to 64 letters, digits and . _ : / -");
        }
        String receivedAt = text(message, "received_at", 40, true);
        Instant received;
        try {
            received = OffsetDateTime.parse(receivedAt).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableCredit("received_at must be an RFC 3339 time");
        }
        return new BankCredit(money, text(message, "reference", LONGEST_TEXT, false),
                text(message, "virtual_account", LONGEST_ACCOUNT, false), text(message, "payer_name", LONGEST_TEXT, false),
                bankReference, received);
    }

    private static String text(JsonObject message, String name, int longest, boolean required) {
        JsonValue value = message.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new UnreadableCredit(name + " is required");
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().length() > longest || value.textValue().isBlank()
                || value.textValue().chars().anyMatch(Character::isISOControl)) {
            throw new UnreadableCredit(name + " must be text of at most " + longest + " characters");
        }
        return value.textValue();
    }
}
