package com.circoflows.domain.branding.upload;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a logo file lands when the merchant's browser sends it: a storage service that takes a signed
 * form post straight from the browser (S3 on AWS, the local stack's stand-in locally), so the file never
 * passes through a function. What lands there is unchecked until {@link LogoInspection} has read it.
 */
public interface LogoUploads {
    /**
     * A form that lets a browser store one file, at most {@code maxBytes} long, under {@code key} until
     * {@code expiresAt}, and then sends the browser to {@code redirectUrl} (with the bucket, key and etag
     * added to its query).
     */
    UploadForm form(String key, long maxBytes, String redirectUrl, Instant expiresAt);

    /** The first {@code maxBytes} bytes of what was uploaded under {@code key} and its whole size; empty when nothing is there. */
    Optional<UploadedFile> read(String key, int maxBytes);

    /** Removes the upload; removing one that is not there is no error. */
    void delete(String key);
}
