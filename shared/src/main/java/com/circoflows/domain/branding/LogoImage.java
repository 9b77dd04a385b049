package com.circoflows.domain.branding;

import java.util.Objects;

/** A stored logo: its reference and the image's bytes, which were checked when it was uploaded. */
public record LogoImage(LogoReference reference, byte[] bytes) {
    public LogoImage {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** Byte arrays compare by identity; two logos are the same when their content-derived ids are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LogoImage image && image.reference.equals(reference);
    }

    @Override
    public int hashCode() {
        return reference.hashCode();
    }

    @Override
    public String toString() {
        return "LogoImage[" + reference + ", " + bytes.length + " bytes]";
    }
}
