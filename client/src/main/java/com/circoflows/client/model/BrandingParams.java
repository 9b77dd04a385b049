package com.circoflows.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** A change to the branding: the fields given are merged into what is stored. */
public final class BrandingParams {
    private final String displayName;
    private final String brandColor;
    private final String accentColor;
    private final String buttonStyle;
    /**
     * JSON null removes the logo, and only that value is allowed; a Java null leaves it out of the body
     * (the mapper drops nulls), so NullNode tells "remove" from "leave alone".
     */
    private final JsonNode logo;
    private final Long version;

    private BrandingParams(Builder b) {
        displayName = b.displayName;
        brandColor = b.brandColor;
        accentColor = b.accentColor;
        buttonStyle = b.buttonStyle;
        logo = b.removeLogo ? NullNode.getInstance() : null;
        version = b.version;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getDisplayName() {
        return displayName;
    }

    public static final class Builder {
        private String displayName;
        private String brandColor;
        private String accentColor;
        private String buttonStyle;
        private boolean removeLogo;
        private Long version;

        private Builder() {
        }

        /** One line, 1 to 60 characters. */
        public Builder displayName(String value) {
            displayName = value;
            return this;
        }

        /** #rrggbb. */
        public Builder brandColor(String value) {
            brandColor = value;
            return this;
        }

        /** #rrggbb. */
        public Builder accentColor(String value) {
            accentColor = value;
            return this;
        }

        /** rounded, square or pill. */
        public Builder buttonStyle(String value) {
            buttonStyle = value;
            return this;
        }

        /** Removes the logo (logos are uploaded in the dashboard only). */
        public Builder removeLogo() {
            removeLogo = true;
            return this;
        }

        /** The version last read: the API refuses the change if the stored branding moved on since. */
        public Builder version(long value) {
            version = value;
            return this;
        }

        public BrandingParams build() {
            return new BrandingParams(this);
        }
    }
}
