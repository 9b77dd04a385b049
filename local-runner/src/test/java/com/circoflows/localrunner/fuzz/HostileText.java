package com.circoflows.localrunner.fuzz;

/**
 * Strings a careful parser must survive: control characters, NUL, every Unicode plane, lone surrogates
 * (as Java text; {@link HostileJson} also writes them as \\u escapes), bidi overrides, non-ASCII
 * digits, injection-looking text and lengths far past every limit.
 */
final class HostileText {
    private static final Gen<String> PIECES = Gen.<String>weighted()
            .add(6, Gen.elements("a", "Z", "0", " ", "-", "_", ".", "@", "/"))
            .add(2, Gen.elements("\"", "\\", "{", "}", "[", "]", ":", ",", "'", "`", "%", "&", "=", "?", "#", "+"))
            .add(2, Gen.between(0, 0x1f).map(c -> String.valueOf((char) c.intValue())))
            .add(1, Gen.elements("\u007f", "\u0085", "\u00a0", "\u2028", "\u2029"))
            .add(2, Gen.elements("é", "ß", "漢", "Ж", "ﷺ", "\ud83d\ude42", "\ud800\udc00", "\u0301", "\u200b", "\ufeff",
                    "\ufffd", "\uffff", "\u202e", "\u2066"))
            .add(1, Gen.elements("\ud800", "\udfff", "\udc00"))
            .add(1, Gen.elements("０", "９", "٣", "७", "²", "Ⅻ"))
            .build();

    static final Gen<String> INJECTION = Gen.elements(
            "' OR '1'='1", "\"; DROP TABLE transactions; --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}",
            "{{7*7}}", "#{7*7}", "$(id)", "`id`", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "%2e%2e%2f",
            "{\"$ne\": null}", ":merchant", "#status", "attribute_exists(merchant_id)", "merchant_id = :m OR 1=1",
            "\r\nSet-Cookie: a=b", "javascript:alert(1)", "data:text/html,<b>x</b>", "\\u0000", "null", "undefined",
            "NaN", "-1", "1e999", "0x7fffffff", "true", "[]", "{}", "%s%s%s%n", "AAAA%p%p");

    static final Gen<String> SHORT = Gen.string(PIECES, 0, 40);

    /** Mostly short, sometimes tens of thousands of characters: past every field limit and the 64 KB body limit. */
    static final Gen<String> ANY = Gen.<String>weighted()
            .add(10, SHORT)
            .add(3, INJECTION)
            .add(2, Gen.string(PIECES, 100, 3000))
            .add(1, Gen.between(200, 70_000).map("x"::repeat))
            .build();

    private HostileText() {
    }
}
