package com.circoflows.api.pages;

import com.circoflows.domain.session.PageLocale;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one page says, in one language, with amounts and times written for one locale: the session's
 * {@code locale} when the merchant chose one, else the best of the browser's Accept-Language (by its
 * q-values) among the pages' languages, else English. The locale for numbers keeps the browser's
 * region where it speaks the chosen language (de-CH writes amounts differently from de-DE).
 */
record Words(PageLanguage language, Locale locale) {
    static final Words ENGLISH = new Words(PageLanguage.EN, CustomerMoney.FALLBACK);

    static Words choose(PageLocale sessionLocale, String acceptLanguage) {
        PageLanguage language = PageLanguage.of(sessionLocale).orElseGet(() -> fromBrowser(acceptLanguage));
        Locale browserLocale = CustomerMoney.localeFrom(acceptLanguage);
        boolean browserSpeaksIt = acceptLanguage != null && !acceptLanguage.isBlank()
                && browserLocale.getLanguage().equals(language.tag());
        return new Words(language, browserSpeaksIt ? browserLocale : language.defaultLocale());
    }

    /** For a page that belongs to no session (the 3-D Secure page, a missing session): the browser's choice. */
    static Words fromAcceptLanguage(String acceptLanguage) {
        return choose(PageLocale.AUTO, acceptLanguage);
    }

    private static PageLanguage fromBrowser(String acceptLanguage) {
        List<Locale.LanguageRange> ranges = CustomerMoney.languageRanges(acceptLanguage);
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() > 0) {
                var language = PageLanguage.ofTag(range.getRange());
                if (language.isPresent()) {
                    return language.get();
                }
            }
        }
        return PageLanguage.EN;
    }

    /** The text as it reads, with the named values put in as they are (for titles and attributes: escape it). */
    String text(Text key, String... namesAndValues) {
        String text = language.text(key);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            text = text.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1]);
        }
        return text;
    }

    /** The text escaped for HTML. */
    String escaped(Text key, String... namesAndValues) {
        return Html.escape(text(key, namesAndValues));
    }

    /**
     * The text escaped for HTML, with the named values put in as the HTML given (already escaped, e.g.
     * wrapped in {@code <strong>}), so a translation never holds markup.
     */
    String html(Text key, Map<String, String> htmlValues) {
        String template = language.text(key);
        StringBuilder out = new StringBuilder(template.length() + 64);
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(Html.escape(template.substring(at)));
                break;
            }
            String name = template.substring(open + 1, close);
            out.append(Html.escape(template.substring(at, open)));
            out.append(htmlValues.getOrDefault(name, Html.escape(template.substring(open, close + 1))));
            at = close + 1;
        }
        return out.toString();
    }

    /** A value in bold, escaped. */
    static String strong(String value) {
        return "<strong>" + Html.escape(value) + "</strong>";
    }
}
