package com.circoflows.domain.branding;

/**
 * A change to a merchant's branding as the editor sent it, unchecked. A null field keeps its current
 * value.
 *
 * @param expectedVersion the version the editor read and changed, or null to change whatever is stored
 *                        now (the change is then merged into the latest version)
 */
public record BrandingUpdate(String displayName, String brandColor, String accentColor, String buttonStyle,
        Long expectedVersion) {
}
