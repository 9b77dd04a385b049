package com.circoflows.domain.branding.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.branding.BrandingOutcome;
import com.circoflows.domain.branding.BrandingSettings;
import com.circoflows.domain.branding.LogoReference;
import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.testing.InMemoryBrandingRepository;
import com.circoflows.testing.InMemoryLogoStore;
import com.circoflows.testing.InMemoryLogoUploads;
import com.circoflows.testing.InMemoryMerchantRepository;
import com.circoflows.testing.TestClocks;
import com.circoflows.testing.TestImages;
import org.junit.jupiter.api.Test;

class BrandingLogosTest {
    private static final String ACME = "mch_AcmeAcmeAcmeAcme0001";
    private static final String OTHER = "mch_OtherOtherOtherOt0002";
    private final InMemoryMerchantRepository merchants = new InMemoryMerchantRepository();
    private final InMemoryBrandingRepository brandings = new InMemoryBrandingRepository(merchants);
    private final InMemoryLogoStore store = new InMemoryLogoStore();
    private final InMemoryLogoUploads uploads = new InMemoryLogoUploads();
    private final BrandingSettings settings = new BrandingSettings(brandings, merchants, store);
    private final BrandingLogos logos = new BrandingLogos(uploads, settings, TestClocks.fixed());

    BrandingLogosTest() {
        merchants.create(new Merchant(ACME, "Acme Coffee", TestClocks.NOW), WebhookSecret.generate());
        merchants.create(new Merchant(OTHER, "Other Books", TestClocks.NOW), WebhookSecret.generate());
    }

    private String upload(String merchantId, byte[] bytes) {
        String key = logos.uploadForm(merchantId, "https://pay.example.com/back").fields().get("key");
        uploads.land(key, bytes);
        return key;
    }

    @Test
    void eachFormUploadsToANewKeyUnderTheMerchantsOwnPrefix() {
        String first = logos.uploadForm(ACME, "https://pay.example.com/back").fields().get("key");
        String second = logos.uploadForm(ACME, "https://pay.example.com/back").fields().get("key");

        assertTrue(first.matches("uploads/" + ACME + "/[0-9A-Za-z]{24}"), first);
        assertFalse(first.equals(second));
    }

    @Test
    void aCheckedPngBecomesTheLogoAndTheUploadIsDeleted() {
        String key = upload(ACME, TestImages.png(96, 32));

        BrandingLogos.Used used = logos.use(ACME, key);

        assertInstanceOf(BrandingOutcome.Saved.class, used.saved());
        LogoReference logo = settings.current(ACME).logoReference();
        assertEquals(96, logo.width());
        assertTrue(settings.logoImage(ACME, logo).isPresent(), "the image is stored before the branding names it");
        assertFalse(uploads.holds(key), "the upload is gone once used");
    }

    @Test
    void anotherMerchantsUploadKeyIsAnsweredAsNotFoundAndLeftAlone() {
        String key = upload(ACME, TestImages.png(96, 32));

        assertInstanceOf(BrandingLogos.Check.NotFound.class, logos.check(OTHER, key));
        assertInstanceOf(BrandingLogos.Check.NotFound.class, logos.use(OTHER, key).check());
        assertNull(settings.current(OTHER).logoReference());
        assertTrue(uploads.holds(key), "A's upload is still A's to use");
        assertInstanceOf(BrandingLogos.Check.NotFound.class, logos.check(ACME, "uploads/" + ACME + "/../x"));
        assertInstanceOf(BrandingLogos.Check.NotFound.class, logos.check(ACME, null));
    }

    @Test
    void aRefusedUploadIsDeletedAndItsReasonGiven() {
        String key = upload(ACME, TestImages.svg());

        BrandingLogos.Check check = logos.check(ACME, key);

        assertTrue(assertInstanceOf(BrandingLogos.Check.Refused.class, check).message().contains("SVG"));
        assertFalse(uploads.holds(key));
        assertNull(settings.current(ACME).logoReference());
    }

    @Test
    void anUploadUsedOnceIsGoneTheSecondTime() {
        String key = upload(ACME, TestImages.png(96, 32));
        logos.use(ACME, key);

        assertInstanceOf(BrandingLogos.Check.Gone.class, logos.use(ACME, key).check());
    }

    @Test
    void aNewLogoReplacesTheOldOneWhoseImageIsDeletedAndRemovingDeletesTheLast() {
        logos.use(ACME, upload(ACME, TestImages.png(96, 32)));
        LogoReference first = settings.current(ACME).logoReference();
        logos.use(ACME, upload(ACME, TestImages.png(64, 32)));
        LogoReference second = settings.current(ACME).logoReference();

        assertFalse(settings.logoImage(ACME, first).isPresent(), "the replaced image is deleted");
        assertTrue(settings.logoImage(ACME, second).isPresent());

        assertInstanceOf(BrandingOutcome.Saved.class, logos.remove(ACME));
        assertNull(settings.current(ACME).logoReference());
        assertEquals(0, store.size());
    }

    @Test
    void theSameImageUploadedAgainKeepsItsStoredImage() {
        byte[] png = TestImages.png(96, 32);
        logos.use(ACME, upload(ACME, png));
        logos.use(ACME, upload(ACME, png));

        assertTrue(settings.logoImage(ACME, settings.current(ACME).logoReference()).isPresent());
    }

    @Test
    void aLogoIsMergedIntoColoursSomeoneElseSavedMeanwhile() {
        brandings.beforeEachSave(() -> settings.update(ACME,
                new com.circoflows.domain.branding.BrandingUpdate(null, "#0b5e3b", null, null, null)));

        logos.use(ACME, upload(ACME, TestImages.png(96, 32)));

        assertEquals("#0b5e3b", settings.current(ACME).brandColor().value());
        assertEquals(96, settings.current(ACME).logoReference().width());
    }
}
