package com.circoflows.domain.branding;

import java.util.List;
import java.util.Map;

/** What became of a branding update: saved, refused field by field, or overtaken by another editor. */
public sealed interface BrandingOutcome {
    /** @param notes what was adjusted rather than refused (the button's text colour) */
    record Saved(StoredBranding saved, List<String> notes) implements BrandingOutcome {
    }

    /** @param errors by field name (display_name, brand_color, accent_color, button_style) */
    record Refused(Map<String, String> errors) implements BrandingOutcome {
    }

    /** Someone saved version {@code current} after the editor read the version it sent. */
    record Conflict(StoredBranding current) implements BrandingOutcome {
    }
}
