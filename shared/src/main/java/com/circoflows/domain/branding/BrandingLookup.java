package com.circoflows.domain.branding;

/** How a customer page finds the branding of the merchant it shows. */
@FunctionalInterface
public interface BrandingLookup {
    /** Every merchant looks the same: its business name and the default colours. */
    BrandingLookup DEFAULTS = (merchantId, businessName) -> Branding.defaults(businessName);

    /** The merchant's branding, or its defaults with {@code businessName} when it saved none. */
    Branding forPage(String merchantId, String businessName);
}
