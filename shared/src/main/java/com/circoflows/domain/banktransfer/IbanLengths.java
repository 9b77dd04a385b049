package com.circoflows.domain.banktransfer;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How long an IBAN is in each country that uses IBANs: SWIFT's IBAN Registry (the ISO 13616 registration
 * authority), as it stands in 2025. Only the registry's countries are here, not the lists some
 * libraries add from other sources. The length is fixed per country; the registry's BBAN structures are
 * not checked, since the length and mod 97 catch what a typo does.
 */
final class IbanLengths {

    private static final Map<String, Integer> LENGTHS = new TreeMap<>();

    static {
        // Europe: SEPA's countries (the EU, IS, LI, NO, CH, GB, GI, AD, MC, SM, VA) and AL, MD, ME, MK, RS.
        put(20, "AT", "EE", "LT", "LU");
        put(16, "BE");
        put(22, "BG", "DE", "GB", "IE", "VA", "ME", "RS");
        put(21, "CH", "HR", "LI", "LV");
        put(28, "CY", "HU", "PL", "AL");
        put(24, "CZ", "ES", "RO", "SE", "SK", "AD", "MD");
        put(18, "DK", "FI", "NL");
        put(27, "FR", "GR", "IT", "MC", "SM");
        put(23, "GI");
        put(26, "IS");
        put(31, "MT");
        put(15, "NO");
        put(25, "PT");
        put(19, "SI", "MK");

        // The registry's other countries.
        put(23, "AE", "IL", "IQ", "OM", "SO", "TL");
        put(28, "AZ", "BY", "DO", "GT", "HN", "LB", "NI", "SV");
        put(20, "BA", "KZ", "MN", "XK");
        put(22, "BH", "CR", "GE");
        put(27, "BI", "DJ", "MR");
        put(29, "BR", "EG", "PS", "QA", "UA");
        put(18, "FK", "FO", "GL", "SD");
        put(30, "JO", "KW", "MU", "YE");
        put(32, "LC");
        put(25, "LY", "ST");
        put(24, "PK", "SA", "TN", "VG");
        put(33, "RU");
        put(31, "SC");
        put(26, "TR");

        // Territories the registry lists under another country's IBAN format.
        put(18, "AX"); // Åland, as FI
        put(27, "GF", "GP", "MQ", "RE", "PF", "TF", "YT", "NC", "BL", "MF", "PM", "WF"); // as FR
        put(22, "IM", "JE", "GG"); // as GB
    }

    private IbanLengths() {
    }

    /** The IBAN length of the country with this upper-case ISO 3166 alpha-2 code, if it uses IBANs. */
    static Optional<Integer> forCountry(String countryCode) {
        return Optional.ofNullable(LENGTHS.get(countryCode));
    }

    /** Every country code in the table, sorted. */
    static Map<String, Integer> all() {
        return Collections.unmodifiableMap(LENGTHS);
    }

    private static void put(int length, String... countryCodes) {
        for (String countryCode : countryCodes) {
            if (LENGTHS.put(countryCode, length) != null) {
                throw new IllegalStateException("IBAN length listed twice for " + countryCode);
            }
        }
    }
}
