package com.circoflows.domain.branding;

import java.util.Optional;

/** How a customer page finds the branding of the merchant it shows. */
@FunctionalInterface
public interface BrandingLookup {
    /** Every merchant looks the same: its business name and the default colours. */
    BrandingLookup DEFAULTS = (merchantId, businessName) -> Branding.defaults(businessName);

    /** The merchant's branding, or its defaults with {@code businessName} when it saved none. */
    Branding forPage(String merchantId, String businessName);

    /** The image of the logo the branding names; empty where logos are not shown or it is gone. */
    default Optional<LogoImage> logoImage(String merchantId, LogoReference logo) {
        return Optional.empty();
    }
}
