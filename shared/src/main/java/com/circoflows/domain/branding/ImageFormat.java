package com.circoflows.domain.branding;

import java.util.Arrays;
import java.util.Optional;

/**
 * The raster formats a logo may be: every browser draws them, and none of them can carry script (SVG,
 * which can, is refused; see docs/security.md).
 */
public enum ImageFormat {
    PNG("image/png"), JPEG("image/jpeg"), WEBP("image/webp");

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ImageFormat> fromMediaType(String text) {
        return Arrays.stream(values()).filter(format -> format.mediaType.equals(text)).findFirst();
    }
}
