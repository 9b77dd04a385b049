package com.circoflows.api.pages;

import java.util.regex.Pattern;

/**
 * The real wallets' buttons for live sessions, as the deployment configures them (read in the wiring): none
 * unless configured. These values are written into the page for its script, so each is checked here to be
 * what it claims, and a wrong one fails the function's start rather than a customer's page.
 *
 * @param googlePayMerchantId       the merchant id Google Pay's console gave us; null or blank for no Google Pay
 * @param googlePayEnvironment      TEST or PRODUCTION, as Google Pay's PaymentsClient takes it
 * @param appleMerchantIdentifier   our Apple Pay merchant identifier; null or blank for no Apple Pay
 * @param appleMerchantValidation   whether the merchant validation Apple Pay asks for on every payment sheet
 *                                  is served; the Apple Pay button is shown only then
 * @param countryCode               where the payments are processed (ISO 3166-1 alpha-2), which both wallets ask
 */
public record LiveWallets(String googlePayMerchantId, String googlePayEnvironment, String appleMerchantIdentifier,
        boolean appleMerchantValidation, String countryCode) {
    private static final Pattern GOOGLE_MERCHANT_ID = Pattern.compile("^[A-Za-z0-9]{1,64}$");
    private static final Pattern APPLE_MERCHANT_ID = Pattern.compile("^merchant(\\.[A-Za-z0-9-]+)+$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    /** After the patterns: its construction checks itself with them. */
    public static final LiveWallets NONE = new LiveWallets(null, "PRODUCTION", null, false, "US");

    public LiveWallets {
        googlePayMerchantId = blankToNull(googlePayMerchantId);
        appleMerchantIdentifier = blankToNull(appleMerchantIdentifier);
        if (googlePayMerchantId != null && !GOOGLE_MERCHANT_ID.matcher(googlePayMerchantId).matches()) {
            throw new IllegalArgumentException("the Google Pay merchant id must be letters and digits");
        }
        if (!"TEST".equals(googlePayEnvironment) && !"PRODUCTION".equals(googlePayEnvironment)) {
            throw new IllegalArgumentException("the Google Pay environment must be TEST or PRODUCTION");
        }
        if (appleMerchantIdentifier != null && !APPLE_MERCHANT_ID.matcher(appleMerchantIdentifier).matches()) {
            throw new IllegalArgumentException("the Apple Pay merchant identifier must look like merchant.com.example");
        }
        if (countryCode == null || !COUNTRY.matcher(countryCode).matches()) {
            throw new IllegalArgumentException("the wallets' country code must be two capital letters");
        }
    }

    public boolean googlePay() {
        return googlePayMerchantId != null;
    }

    /**
     * Apple Pay opens its sheet only after we prove to Apple who we are, from our server with the merchant
     * identity certificate, for every payment. That call is not written yet, so the button needs a setting
     * that says it is served ({@link WalletScript} posts Apple's validation URL to it).
     */
    public boolean applePay() {
        return appleMerchantIdentifier != null && appleMerchantValidation;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
