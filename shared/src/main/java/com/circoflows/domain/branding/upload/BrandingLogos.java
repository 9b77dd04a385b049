package com.circoflows.domain.branding.upload;

import com.circoflows.domain.branding.BrandingOutcome;
import com.circoflows.domain.branding.BrandingSettings;
import com.circoflows.domain.branding.LogoImage;
import com.circoflows.domain.ids.RandomIds;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings → Branding → Logo: the merchant's browser uploads the file straight to {@link LogoUploads}
 * under a key of the merchant's own ({@code uploads/<merchant>/<random>}); the dashboard then reads it
 * back, checks it ({@link LogoInspection}), shows it, and on the merchant's word stores it as the logo
 * ({@link BrandingSettings#useLogo}) and deletes the upload. A key outside the merchant's own prefix is
 * answered as one that does not exist.
 */
public final class BrandingLogos {
    /**
     * What the storage service itself accepts. Far above {@link LogoInspection#MAX_BYTES}, so that a file a
     * little too big lands and is refused by the dashboard with a message saying what to do; only a larger
     * one meets the storage service's own error page.
     */
    public static final long UPLOAD_LIMIT_BYTES = 10L * 1024 * 1024;
    /** How long an upload form works after the page showed it. */
    public static final Duration FORM_LIFETIME = Duration.ofHours(1);
    private static final int RANDOM_LENGTH = 24;

    private final LogoUploads uploads;
    private final BrandingSettings settings;
    private final Clock clock;

    public BrandingLogos(LogoUploads uploads, BrandingSettings settings, Clock clock) {
        this.uploads = uploads;
        this.settings = settings;
        this.clock = clock;
    }

    /** A form for one upload into the merchant's own place; the browser comes back to {@code redirectUrl}. */
    public UploadForm uploadForm(String merchantId, String redirectUrl) {
        String key = prefixOf(merchantId) + RandomIds.base62(RANDOM_LENGTH);
        return uploads.form(key, UPLOAD_LIMIT_BYTES, redirectUrl, clock.instant().plus(FORM_LIFETIME));
    }

    /** What an upload would become: read and checked, not yet kept. A refused upload is deleted at once. */
    public Check check(String merchantId, String key) {
        if (!isKeyOf(merchantId, key)) {
            return new Check.NotFound();
        }
        Optional<UploadedFile> file = uploads.read(key, LogoInspection.MAX_BYTES + 1);
        if (file.isEmpty()) {
            return new Check.Gone();
        }
        LogoInspection.Verdict verdict = LogoInspection.inspect(file.get());
        if (verdict instanceof LogoInspection.Refused refused) {
            uploads.delete(key);
            return new Check.Refused(refused.message());
        }
        return new Check.Ready(((LogoInspection.Accepted) verdict).image());
    }

    /** Checks the upload again and, if it passes, makes it the merchant's logo and deletes the upload. */
    public Used use(String merchantId, String key) {
        Check check = check(merchantId, key);
        if (!(check instanceof Check.Ready ready)) {
            return new Used(check, null);
        }
        BrandingOutcome outcome = settings.useLogo(merchantId, ready.image());
        if (outcome instanceof BrandingOutcome.Saved) {
            uploads.delete(key);
        }
        return new Used(check, outcome);
    }

    public BrandingOutcome remove(String merchantId) {
        return settings.removeLogo(merchantId);
    }

    static String prefixOf(String merchantId) {
        return "uploads/" + merchantId + "/";
    }

    /** Exactly the shape {@link #uploadForm} makes, under this merchant's prefix: nothing else is ever read. */
    static boolean isKeyOf(String merchantId, String key) {
        return key != null && merchantId != null && RandomIds.isBase62(merchantId.replace("_", ""))
                && Pattern.matches(Pattern.quote(prefixOf(merchantId)) + "[0-9A-Za-z]{" + RANDOM_LENGTH + "}", key);
    }

    /** An upload as read back: ready to become the logo, refused (and deleted), no longer there, or not the merchant's. */
    public sealed interface Check {
        record Ready(LogoImage image) implements Check {
        }

        record Refused(String message) implements Check {
        }

        /** Already used, deleted, or expired: the upload must be made again. */
        record Gone() implements Check {
        }

        /** Not a key of this merchant's: answered as a page that does not exist. */
        record NotFound() implements Check {
        }
    }

    /** @param saved the branding save when the check passed, else null */
    public record Used(Check check, BrandingOutcome saved) {
    }
}
