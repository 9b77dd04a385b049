package com.circoflows.client.model;

/** How the hosted payment and 3-D Secure pages look. */
public final class Branding {
    private String displayName;
    private String brandColor;
    private String accentColor;
    private String buttonStyle;
    private String buttonTextColor;
    private BrandingLogo logo;
    private Long version;

    private Branding() {
    }

    public String getDisplayName() {
        return displayName;
    }

    /** #rrggbb, lower case. */
    public String getBrandColor() {
        return brandColor;
    }

    public String getAccentColor() {
        return accentColor;
    }

    /** rounded, square or pill. */
    public String getButtonStyle() {
        return buttonStyle;
    }

    /** Chosen by the API for contrast: #ffffff or #111111. */
    public String getButtonTextColor() {
        return buttonTextColor;
    }

    /** Null when there is none. */
    public BrandingLogo getLogo() {
        return logo;
    }

    /** Pass it back in {@link BrandingParams.Builder#version(long)} to refuse overwriting a newer change. */
    public Long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Branding[" + displayName + ", v" + version + "]";
    }
}
