package com.circoflows.api.branding;

import com.circoflows.domain.branding.Branding;
import com.circoflows.domain.branding.LogoReference;
import com.circoflows.domain.branding.StoredBranding;
import java.util.LinkedHashMap;
import java.util.Map;

/** A merchant's branding as the API shows it. */
final class BrandingViews {
    private BrandingViews() {
    }

    static Map<String, Object> of(StoredBranding stored) {
        Branding branding = stored.branding();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("display_name", branding.displayName());
        view.put("brand_color", branding.brandColor().value());
        view.put("accent_color", branding.accentColor().value());
        view.put("button_style", branding.buttonStyle().wireName());
        view.put("button_text_color", branding.buttonTextColor().value());
        view.put("logo", logo(branding.logoReference()));
        view.put("version", stored.version());
        return view;
    }

    /** The logo's id (the SHA-256 of its bytes), content type and size in pixels; null when there is none. */
    private static Map<String, Object> logo(LogoReference logo) {
        if (logo == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", logo.id());
        view.put("content_type", logo.format().mediaType());
        view.put("width", logo.width());
        view.put("height", logo.height());
        return view;
    }
}
