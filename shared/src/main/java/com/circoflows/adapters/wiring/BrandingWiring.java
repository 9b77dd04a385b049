package com.circoflows.adapters.wiring;

import com.circoflows.api.branding.GetBrandingEndpoint;
import com.circoflows.api.branding.SetBrandingEndpoint;

/** Settings → Branding: the merchant's routes to read and change how its customer pages look. */
public final class BrandingWiring {
    private final Infrastructure infrastructure;

    BrandingWiring(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    public GetBrandingEndpoint getBrandingEndpoint() {
        return new GetBrandingEndpoint(infrastructure.brandingSettings());
    }

    public SetBrandingEndpoint setBrandingEndpoint() {
        return new SetBrandingEndpoint(infrastructure.brandingSettingsWithLogos());
    }
}
