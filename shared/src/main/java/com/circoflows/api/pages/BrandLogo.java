package com.circoflows.api.pages;

import com.circoflows.domain.branding.Branding;
import com.circoflows.domain.branding.BrandingLookup;
import com.circoflows.domain.branding.LogoImage;
import com.circoflows.observability.JsonLog;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The merchant's logo on a customer page, as an image embedded in the page ({@code data:}, which the
 * pages' CSP allows for images only): the page needs no second request and no storage open to the
 * internet. A logo that cannot be read now leaves the page with the display name's initial, never failed.
 */
final class BrandLogo {
    private static final JsonLog LOG = JsonLog.get(BrandLogo.class);

    private BrandLogo() {
    }

    static Optional<LogoImage> of(BrandingLookup brandings, String merchantId, Branding brand) {
        if (brand.logoReference() == null) {
            return Optional.empty();
        }
        try {
            return brandings.logoImage(merchantId, brand.logoReference());
        } catch (RuntimeException e) {
            LOG.warn("logo_unavailable", Map.of("reason", e.getClass().getSimpleName()));
            return Optional.empty();
        }
    }

    /** The image, named by the merchant's display name (a logo usually is the name, drawn). */
    static String img(LogoImage logo, String displayName) {
        return "<img class=\"brand-logo\" alt=\"" + Html.escape(displayName) + "\" width=\"" + logo.reference().width()
                + "\" height=\"" + logo.reference().height() + "\" src=\"data:" + logo.reference().format().mediaType()
                + ";base64," + Base64.getEncoder().encodeToString(logo.bytes()) + "\">";
    }

    /** Its size on the pages: at most 40 pixels high and as wide as the column, in proportion. */
    static final String STYLE = ".brand-logo{display:block;width:auto;height:auto;max-width:100%;max-height:40px}";
}
