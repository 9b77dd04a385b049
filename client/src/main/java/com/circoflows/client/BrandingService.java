package com.circoflows.client;

import com.circoflows.client.model.Branding;
import com.circoflows.client.model.BrandingParams;

/** {@code /api/branding}: the look of the hosted payment and 3-D Secure pages. */
public final class BrandingService {
    private static final String PATH = "/api/branding";

    private final ApiRequestor requestor;

    BrandingService(ApiRequestor requestor) {
        this.requestor = requestor;
    }

    @ApiOperation("getBranding")
    public Branding retrieve() {
        return requestor.get(PATH, Branding.class);
    }

    /**
     * Saves a change (PUT), merged into what is stored. With a version, a change someone else saved first
     * wins and this one is 409 {@code branding_version_conflict}: read again and redo it.
     */
    @ApiOperation("setBranding")
    public Branding update(BrandingParams params) {
        return update(params, RequestOptions.none());
    }

    @ApiOperation("setBranding")
    public Branding update(BrandingParams params, RequestOptions options) {
        return requestor.put(PATH, params, options, Branding.class);
    }
}
