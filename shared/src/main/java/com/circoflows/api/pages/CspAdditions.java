package com.circoflows.api.pages;

import java.util.List;

/**
 * Origins one page adds to its Content-Security-Policy because it runs a third party's script (Google Pay's
 * pay.js), or calls back to us from script: script-src beside the page's nonce, and connect-src and frame-src,
 * which are otherwise 'none' (default-src). Every other page adds nothing and keeps the policy it always had.
 */
public record CspAdditions(List<String> scriptSrc, List<String> connectSrc, List<String> frameSrc) {
    public static final CspAdditions NONE = new CspAdditions(List.of(), List.of(), List.of());

    public CspAdditions {
        scriptSrc = List.copyOf(scriptSrc);
        connectSrc = List.copyOf(connectSrc);
        frameSrc = List.copyOf(frameSrc);
    }

    /** " a b" to follow a directive's own sources, or "" for none. */
    static String sources(List<String> origins) {
        return origins.isEmpty() ? "" : " " + String.join(" ", origins);
    }

    /** A whole directive ("connect-src a b; "), or "" when the page adds no source for it. */
    static String directive(String name, List<String> origins) {
        return origins.isEmpty() ? "" : name + sources(origins) + "; ";
    }
}
