package com.circoflows.localrunner.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Looks for cardholder data: (a) digit runs of 13-19 that pass Luhn, grouped ones too (by spaces, dashes,
 * dots, underscores, slashes, plus signs or their percent-escapes), and every card number the suite sent,
 * also when written with any separators between its digits or percent-encoded; (b) field names that hold card data (cvv, cvc, card_number, pan, ...); (c) the CVVs
 * the suite sent, as a whole value or as a "cvv" field in JSON. Findings name the place and show at
 * most the last four digits.
 */
public final class CardDataScanner {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A standalone run of digits: a PAN inside a longer token (a hex digest) is not a PAN. */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9A-Za-z])\\d{13,19}(?![0-9A-Za-z])");
    /** As people write them: 4-4-4-4(-3), 4-6-5 for Amex, the same separator run between the groups. */
    private static final Pattern GROUPED = Pattern.compile("(?<![0-9A-Za-z-])\\d{4}([ ._/+-]{1,3}|%2[0EeDdFf]|%5[Ff])"
            + "\\d{4,6}(?:\\1\\d{3,5}){1,3}(?![0-9A-Za-z])");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");
    private static final Pattern SENSITIVE_NAME = Pattern.compile(
            "(?i)(^|[^a-z])(cvv2?|cvc2?|pan|dpan)([^a-z]|$)|card_?num|security_?code|account_?number|cryptogram");
    /**
     * Where a field named account_number is a bank account's, as the bank-transfer contract names it (the
     * payer pays into it: a payment's bt_account item, its bank_transfer block and its action_data): the
     * name is allowed there, and the value is still scanned like any other.
     */
    private static final Pattern BANK_ACCOUNT_PLACE = Pattern.compile("(^|[.\\]])(bt_account|bank_transfer|action_data)\\.account_number$");
    private static final Pattern JSON_KEY = Pattern.compile("\"([^\"\\\\]{1,64})\"\\s*:");
    /** The tally of the counter tables (rate limits, fraud rules): it may reach any number, a sent CVV too. */
    private static final String COUNTER_TALLY = "request_count";
    private static final Pattern CVV_FIELD =
            Pattern.compile("(?i)[\"']?(cvv2?|cvc2?|security_code)[\"']?\\s*[:=]\\s*[\"']?(\\d{3,4})");

    private final Set<String> sentCvvs;
    private final Set<String> sentPans;
    private final Set<String> walletCryptograms;
    private final List<String> findings = new ArrayList<>();
    private int ignoredTimestamps;

    public CardDataScanner(Set<String> sentCvvs, Set<String> sentPans) {
        this(sentCvvs, sentPans, Set.of());
    }

    /**
     * @param walletCryptograms the one-time cryptograms inside the wallet tokens the suite paid with (read back
     *     from the tokens with test mode's keys): like CVVs, never to be kept
     */
    public CardDataScanner(Set<String> sentCvvs, Set<String> sentPans, Set<String> walletCryptograms) {
        this.sentCvvs = sentCvvs;
        this.sentPans = sentPans;
        this.walletCryptograms = walletCryptograms;
    }

    public List<String> findings() {
        return findings;
    }

    public int ignoredTimestamps() {
        return ignoredTimestamps;
    }

    /** One attribute of a stored item, recursing into maps, lists, sets and JSON held in strings. */
    public void scanAttribute(String location, String name, AttributeValue value) {
        if (name != null && SENSITIVE_NAME.matcher(name).find() && !isBankAccountNumber(location)) {
            findings.add(location + ": attribute named '" + name + "'");
        }
        if (COUNTER_TALLY.equals(name) && value.n() != null) {
            return;
        }
        if (value.s() != null) {
            scanValue(location, value.s());
            JsonNode json = jsonIn(value.s());
            if (json != null) {
                scanJson(location + "<json>", json);
            }
        } else if (value.n() != null) {
            scanValue(location, value.n());
        } else if (value.hasM()) {
            for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
                scanAttribute(location + "." + entry.getKey(), entry.getKey(), entry.getValue());
            }
        } else if (value.hasL()) {
            for (int i = 0; i < value.l().size(); i++) {
                scanAttribute(location + "[" + i + "]", null, value.l().get(i));
            }
        } else if (value.hasSs()) {
            value.ss().forEach(s -> scanValue(location + "{}", s));
        } else if (value.hasNs()) {
            value.ns().forEach(n -> scanValue(location + "{}", n));
        }
    }

    private static boolean isBankAccountNumber(String location) {
        return BANK_ACCOUNT_PLACE.matcher(location).find();
    }

    private void scanJson(String location, JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = location + "." + field.getKey();
                if (SENSITIVE_NAME.matcher(field.getKey()).find() && !isBankAccountNumber(at)) {
                    findings.add(at + ": JSON field named '" + field.getKey() + "'");
                }
                scanJson(at, field.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scanJson(location + "[" + i + "]", node.get(i));
            }
        } else if (node.isValueNode() && !node.isNull()) {
            scanValue(location, node.asText());
        }
    }

    /** A whole stored value: card numbers inside it, or the value being a CVV that was sent. */
    private void scanValue(String location, String value) {
        scanText(location, value);
        if (sentCvvs.contains(value.strip())) {
            findings.add(location + ": value equals a CVV the suite sent (***)");
        }
    }

    /** Free text (a log line, a stored string): card numbers only. */
    public void scanText(String location, String text) {
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            String digits = run.group();
            if (looksLikeEpochTimestamp(digits)) {
                ignoredTimestamps++;
            } else if (Luhn.isValid(digits)) {
                findings.add(location + ": Luhn-valid number " + mask(digits));
            }
        }
        Matcher grouped = GROUPED.matcher(text);
        while (grouped.find()) {
            String digits = grouped.group().replaceAll("%[0-9A-Fa-f]{2}|[^0-9]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && Luhn.isValid(digits)) {
                findings.add(location + ": Luhn-valid grouped number " + mask(digits));
            }
        }
        for (String cryptogram : walletCryptograms) {
            if (text.contains(cryptogram)) {
                findings.add(location + ": a wallet token's cryptogram (***)");
            }
        }
        String joined = null;
        for (String pan : sentPans) {
            if (text.contains(pan)) {
                findings.add(location + ": a card number the suite sent, " + mask(pan));
                continue;
            }
            joined = joined == null ? separatorsRemoved(text) : joined;
            if (joined.contains(pan)) {
                findings.add(location + ": a card number the suite sent, written with separators, " + mask(pan));
            }
        }
    }

    /**
     * The text percent-decoded (however often it was encoded) with everything but letters and digits
     * removed: 4111.1111.1111.1111, 4111%2E1111... and 4111+1111... all become 4111111111111111.
     */
    static String separatorsRemoved(String text) {
        String decoded = text;
        for (int round = 0; round < 3 && decoded.indexOf('%') >= 0; round++) {
            Matcher escape = PERCENT_ESCAPE.matcher(decoded);
            StringBuilder once = new StringBuilder(decoded.length());
            while (escape.find()) {
                char c = (char) Integer.parseInt(escape.group(1), 16);
                escape.appendReplacement(once, Matcher.quoteReplacement(c < 0x80 ? String.valueOf(c) : " "));
            }
            escape.appendTail(once);
            decoded = once.toString();
        }
        return decoded.replaceAll("[^0-9A-Za-z]", "");
    }

    /** One line of captured output; {@code location} names the file and line for the finding. */
    public void scanLogLine(String location, String line) {
        scanText(location, line);
        Matcher key = JSON_KEY.matcher(line);
        while (key.find()) {
            if (SENSITIVE_NAME.matcher(key.group(1)).find()) {
                findings.add(location + ": JSON field named '" + key.group(1) + "'");
            }
        }
        Matcher cvv = CVV_FIELD.matcher(line);
        while (cvv.find()) {
            findings.add(location + ": " + cvv.group(1) + " field with a value"
                    + (sentCvvs.contains(cvv.group(2)) ? " that is a CVV the suite sent" : "") + " (***)");
        }
    }

    static String mask(String digits) {
        return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4)
                + " (" + digits.length() + " digits)";
    }

    /**
     * Epoch milli/micro/nanoseconds within 20 years of now. They start with 1, which no card brand
     * uses, so skipping them hides no card number.
     */
    static boolean looksLikeEpochTimestamp(String digits) {
        if (digits.charAt(0) != '1') {
            return false;
        }
        long nowMillis = Instant.now().toEpochMilli();
        long twentyYears = 20L * 365 * 24 * 3600 * 1000;
        int extra = switch (digits.length()) {
            case 13 -> 0;
            case 16 -> 3;
            case 19 -> 6;
            default -> -1;
        };
        if (extra < 0) {
            return false;
        }
        long millis = Long.parseLong(digits.substring(0, 13));
        return Math.abs(millis - nowMillis) < twentyYears;
    }

    private static JsonNode jsonIn(String text) {
        String trimmed = text.strip();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return null;
        }
        try {
            return JSON.readTree(trimmed);
        } catch (Exception notJson) {
            return null;
        }
    }

    /** The mod-10 check digit rule, apart from the product's own so a bug there cannot hide card data from the scan. */
    static final class Luhn {
        private Luhn() {
        }

        static boolean isValid(String digits) {
            int sum = 0;
            boolean doubleIt = false;
            for (int i = digits.length() - 1; i >= 0; i--) {
                int d = digits.charAt(i) - '0';
                if (doubleIt) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
                doubleIt = !doubleIt;
            }
            return sum % 10 == 0;
        }
    }
}
