package com.circoflows.domain.card;

import static com.circoflows.domain.card.IinRange.prefix;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Card networks we recognise, told apart by the number's leading digits (its IIN). */
public enum CardBrand {
    VISA("visa", Set.of(13, 16, 19), 3, prefix(4)),
    MASTERCARD("mastercard", Set.of(16), 3, new IinRange(51, 55), new IinRange(2221, 2720)),
    AMEX("amex", Set.of(15), 4, prefix(34), prefix(37)),
    DISCOVER("discover", lengthsFrom(16, 19), 3, prefix(6011), new IinRange(644, 649), prefix(65)),
    DINERS("diners", lengthsFrom(14, 19), 3, new IinRange(300, 305), prefix(36), new IinRange(38, 39)),
    JCB("jcb", lengthsFrom(16, 19), 3, new IinRange(3528, 3589)),
    UNIONPAY("unionpay", lengthsFrom(16, 19), 3, prefix(62)),
    /** A number outside every known range; still accepted if its length and Luhn digit are plausible. */
    UNKNOWN("unknown", lengthsFrom(12, 19), 3);

    private final String wireName;
    private final Set<Integer> allowedLengths;
    private final int securityCodeLength;
    private final List<IinRange> iinRanges;

    CardBrand(String wireName, Set<Integer> allowedLengths, int securityCodeLength, IinRange... iinRanges) {
        this.wireName = wireName;
        this.allowedLengths = allowedLengths;
        this.securityCodeLength = securityCodeLength;
        this.iinRanges = List.of(iinRanges);
    }

    /** The brand whose IIN ranges cover these digits, or {@link #UNKNOWN}. The ranges do not overlap. */
    public static CardBrand detect(String digits) {
        return Arrays.stream(values())
                .filter(brand -> brand.iinRanges.stream().anyMatch(range -> range.matches(digits)))
                .findFirst()
                .orElse(UNKNOWN);
    }

    public static Optional<CardBrand> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(brand -> brand.wireName.equals(wireName)).findFirst();
    }

    /** The lowercase name used in API responses and storage: "visa", "amex", ... */
    public String wireName() {
        return wireName;
    }

    public boolean allowsLength(int numberLength) {
        return allowedLengths.contains(numberLength);
    }

    /** Digits in the CVV/CVC: American Express prints four on the front, the others three on the back. */
    public int securityCodeLength() {
        return securityCodeLength;
    }

    private static Set<Integer> lengthsFrom(int shortest, int longest) {
        return IntStream.rangeClosed(shortest, longest).boxed().collect(Collectors.toUnmodifiableSet());
    }
}
