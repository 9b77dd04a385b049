package com.circoflows.domain.branding;

import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.merchant.MerchantRepository;
import com.circoflows.observability.JsonLog;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings → Branding: reading a merchant's branding (its defaults when it set none) and changing it,
 * the logo included. A logo's image is stored before the branding names it and deleted after the
 * branding stops naming it, so a page never names an image that was never stored.
 */
public final class BrandingSettings implements BrandingLookup {
    private static final JsonLog LOG = JsonLog.get(BrandingSettings.class);
    /** A change merged into the latest version is tried again this often when other editors keep saving. */
    private static final int MERGE_ATTEMPTS = 3;

    private final BrandingRepository brandings;
    private final MerchantRepository merchants;
    private final LogoStore logos;

    /** For functions that neither show nor change logos. */
    public BrandingSettings(BrandingRepository brandings, MerchantRepository merchants) {
        this(brandings, merchants, LogoStore.NONE);
    }

    public BrandingSettings(BrandingRepository brandings, MerchantRepository merchants, LogoStore logos) {
        this.brandings = brandings;
        this.merchants = merchants;
        this.logos = logos;
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

    @Override
    public Optional<LogoImage> logoImage(String merchantId, LogoReference logo) {
        return logo == null ? Optional.empty() : logos.find(merchantId, logo.id());
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
                    update.removeLogo() ? null : base.logoReference());
            if (!checked.valid()) {
                return new BrandingOutcome.Refused(checked.errors());
            }
            Optional<BrandingOutcome> saved = save(merchantId, current, checked.branding(), checked.notes());
            if (saved.isPresent()) {
                return saved.get();
            }
            if (update.expectedVersion() != null || attempt >= MERGE_ATTEMPTS) {
                return new BrandingOutcome.Conflict(stored(merchantId));
            }
        }
    }

    /**
     * Shows {@code image} on the merchant's pages from now on, whatever else was saved meanwhile (the
     * logo is merged into the latest version). The image is stored first; the one it replaces is deleted.
     */
    public BrandingOutcome useLogo(String merchantId, LogoImage image) {
        logos.put(merchantId, image);
        for (int attempt = 1; ; attempt++) {
            StoredBranding current = stored(merchantId);
            Optional<BrandingOutcome> saved = save(merchantId, current,
                    current.branding().withLogo(image.reference()), List.of());
            if (saved.isPresent()) {
                return saved.get();
            }
            if (attempt >= MERGE_ATTEMPTS) {
                return new BrandingOutcome.Conflict(stored(merchantId));
            }
        }
    }

    /** Takes the logo off the merchant's pages (merged into the latest version) and deletes its image. */
    public BrandingOutcome removeLogo(String merchantId) {
        return update(merchantId, new BrandingUpdate(null, null, null, null, null, true));
    }

    /** Empty when someone else saved since {@code current} was read. */
    private Optional<BrandingOutcome> save(String merchantId, StoredBranding current, Branding next,
            List<String> notes) {
        Branding base = current.branding();
        if (next.equals(base)) {
            return Optional.of(new BrandingOutcome.Saved(current, notes)); // nothing changes: nothing is written
        }
        switch (brandings.save(merchantId, next, current.version())) {
            case SAVED:
                forgetReplacedLogo(merchantId, base.logoReference(), next.logoReference());
                return Optional.of(new BrandingOutcome.Saved(new StoredBranding(next, current.version() + 1), notes));
            case NO_SUCH_MERCHANT:
                throw new IllegalStateException("branding saved for a merchant that does not exist");
            case VERSION_CHANGED:
            default:
                return Optional.empty();
        }
    }

    /**
     * The image no branding names any more. Failing to delete it leaves an unused item behind (the
     * pages no longer ask for it), which is no reason to fail the save the merchant already sees.
     */
    private void forgetReplacedLogo(String merchantId, LogoReference before, LogoReference after) {
        if (before == null || (after != null && Objects.equals(before.id(), after.id()))) {
            return;
        }
        try {
            logos.delete(merchantId, before.id());
        } catch (RuntimeException e) {
            LOG.warn("replaced_logo_not_deleted", Map.of("merchant_id", merchantId,
                    "reason", e.getClass().getSimpleName()));
        }
    }

    private static String or(String given, String current) {
        return Optional.ofNullable(given).orElse(current);
    }
}
