package com.circoflows.domain.branding;

import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.merchant.MerchantRepository;
import java.util.Optional;

/** Settings → Branding: reading a merchant's branding (its defaults when it set none) and changing it. */
public final class BrandingSettings implements BrandingLookup {
    /** A change merged into the latest version is tried again this often when other editors keep saving. */
    private static final int MERGE_ATTEMPTS = 3;

    private final BrandingRepository brandings;
    private final MerchantRepository merchants;

    public BrandingSettings(BrandingRepository brandings, MerchantRepository merchants) {
        this.brandings = brandings;
        this.merchants = merchants;
    }

    public Branding current(String merchantId) {
        return stored(merchantId).branding();
    }

    /** The branding with its version (0 and the defaults when the merchant never saved any). */
    public StoredBranding stored(String merchantId) {
        Optional<StoredBranding> found = brandings.find(merchantId);
        if (found.isPresent() && found.get().branding() != null) {
            return found.get();
        }
        Branding defaults = Branding.defaults(merchants.find(merchantId).map(Merchant::name).orElse(""));
        return new StoredBranding(defaults, found.map(StoredBranding::version).orElse(0L));
    }

    /** For a customer page that already knows the merchant's business name: no second merchant read. */
    @Override
    public Branding forPage(String merchantId, String businessName) {
        return brandings.find(merchantId).map(StoredBranding::branding)
                .orElseGet(() -> Branding.defaults(businessName));
    }

    public BrandingOutcome update(String merchantId, BrandingUpdate update) {
        for (int attempt = 1; ; attempt++) {
            StoredBranding current = stored(merchantId);
            if (update.expectedVersion() != null && update.expectedVersion() != current.version()) {
                return new BrandingOutcome.Conflict(current);
            }
            Branding base = current.branding();
            BrandingRules.Checked checked = BrandingRules.check(
                    or(update.displayName(), base.displayName()),
                    or(update.brandColor(), base.brandColor().value()),
                    or(update.accentColor(), base.accentColor().value()),
                    or(update.buttonStyle(), base.buttonStyle().wireName()),
                    base.logoReference());
            if (!checked.valid()) {
                return new BrandingOutcome.Refused(checked.errors());
            }
            if (checked.branding().equals(base)) {
                return new BrandingOutcome.Saved(current, checked.notes()); // nothing changes: nothing is written
            }
            switch (brandings.save(merchantId, checked.branding(), current.version())) {
                case SAVED:
                    return new BrandingOutcome.Saved(new StoredBranding(checked.branding(), current.version() + 1),
                            checked.notes());
                case NO_SUCH_MERCHANT:
                    throw new IllegalStateException("branding saved for a merchant that does not exist");
                case VERSION_CHANGED:
                default:
                    if (update.expectedVersion() != null || attempt >= MERGE_ATTEMPTS) {
                        return new BrandingOutcome.Conflict(stored(merchantId));
                    }
            }
        }
    }

    private static String or(String given, String current) {
        return Optional.ofNullable(given).orElse(current);
    }
}
