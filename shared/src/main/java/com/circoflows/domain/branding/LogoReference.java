package com.circoflows.domain.branding;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stored logo as the branding names it. The id is the SHA-256 of the image's bytes (lower-case hex),
 * so a reference never changes its meaning: whoever caches the bytes by reference never serves stale ones.
 *
 * @param width  in pixels, as the image's own header says
 * @param height in pixels, as the image's own header says
 */
public record LogoReference(String id, ImageFormat format, int width, int height) {
    private static final Pattern SHA_256_HEX = Pattern.compile("^[0-9a-f]{64}$");

    public LogoReference {
        if (id == null || !SHA_256_HEX.matcher(id).matches()) {
            throw new IllegalArgumentException("a logo id is a SHA-256 in lower-case hex");
        }
        Objects.requireNonNull(format, "format");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a logo has a size");
        }
    }

    public static boolean isLogoId(String text) {
        return text != null && SHA_256_HEX.matcher(text).matches();
    }
}
