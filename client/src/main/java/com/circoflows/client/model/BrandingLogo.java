package com.circoflows.client.model;

/** The logo shown on the payment pages (uploaded in the dashboard; the API takes no image). */
public final class BrandingLogo {
    private String id;
    private String contentType;
    private Integer width;
    private Integer height;

    private BrandingLogo() {
    }

    /** The SHA-256 of the image's bytes: a new image has a new id. */
    public String getId() {
        return id;
    }

    /** image/png, image/jpeg or image/webp. */
    public String getContentType() {
        return contentType;
    }

    public Integer getWidth() {
        return width;
    }

    public Integer getHeight() {
        return height;
    }
}
