package com.circoflows.domain.branding;

/**
 * A change to a merchant's branding as the editor sent it, unchecked. A null field keeps its current
 * value.
 *
 * @param expectedVersion the version the editor read and changed, or null to change whatever is stored
 *                        now (the change is then merged into the latest version)
 * @param removeLogo      take the logo off the pages (and delete its stored image)
 */
public record BrandingUpdate(String displayName, String brandColor, String accentColor, String buttonStyle,
        Long expectedVersion, boolean removeLogo) {

    /** A change that keeps the logo. */
    public BrandingUpdate(String displayName, String brandColor, String accentColor, String buttonStyle,
            Long expectedVersion) {
        this(displayName, brandColor, accentColor, buttonStyle, expectedVersion, false);
    }
}
