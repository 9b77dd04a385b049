package com.circoflows.domain.branding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.testing.InMemoryBrandingRepository;
import com.circoflows.testing.InMemoryMerchantRepository;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrandingSettingsTest {
    private final InMemoryMerchantRepository merchants = new InMemoryMerchantRepository();
    private final InMemoryBrandingRepository brandings = new InMemoryBrandingRepository(merchants);
    private final BrandingSettings settings = new BrandingSettings(brandings, merchants);

    BrandingSettingsTest() {
        merchants.create(new Merchant("m_1", "Acme Trading Ltd", Instant.EPOCH), WebhookSecret.generate());
    }

    @Test
    void aMerchantThatSetNothingHasItsBusinessNameAndThePagesColours() {
        assertEquals(Branding.defaults("Acme Trading Ltd"), settings.current("m_1"));
        assertEquals(0, settings.stored("m_1").version());
    }

    @Test
    void anUpdateKeepsTheFieldsItLeavesOutAndCountsTheVersion() {
        BrandingOutcome outcome = settings.update("m_1", new BrandingUpdate("Acme", "#0b5e3b", null, null, null));

        StoredBranding saved = assertInstanceOf(BrandingOutcome.Saved.class, outcome).saved();
        assertEquals(new Branding("Acme", new HexColor("#0b5e3b"), Branding.DEFAULT_ACCENT_COLOR,
                ButtonStyle.ROUNDED, null), saved.branding());
        assertEquals(1, saved.version());
        assertEquals(saved, settings.stored("m_1"));
    }

    @Test
    void badFieldsAreRefusedByNameAndNothingIsSaved() {
        BrandingOutcome outcome = settings.update("m_1", new BrandingUpdate("", "#777777", null, "oval", null));

        Map<String, String> errors = assertInstanceOf(BrandingOutcome.Refused.class, outcome).errors();
        assertEquals(java.util.Set.of("display_name", "brand_color", "button_style"), errors.keySet());
        assertEquals(0, settings.stored("m_1").version());
    }

    @Test
    void anEditorSavingAgainstAnOldVersionIsToldRatherThanOverwriting() {
        settings.update("m_1", new BrandingUpdate("First", null, null, null, 0L));

        BrandingOutcome outcome = settings.update("m_1", new BrandingUpdate("Second", null, null, null, 0L));

        StoredBranding current = assertInstanceOf(BrandingOutcome.Conflict.class, outcome).current();
        assertEquals("First", current.branding().displayName());
        assertEquals(1, current.version());
    }

    @Test
    void anotherEditorSavingBetweenReadAndWriteIsAConflictForAVersionedUpdate() {
        brandings.beforeEachSave(() -> settings.update("m_1", new BrandingUpdate("Other", null, null, null, null)));

        BrandingOutcome outcome = settings.update("m_1", new BrandingUpdate(null, "#0b5e3b", null, null, 0L));

        assertEquals("Other", assertInstanceOf(BrandingOutcome.Conflict.class, outcome).current().branding()
                .displayName());
    }

    @Test
    void anUnversionedUpdateIsMergedIntoWhatAnotherEditorJustSaved() {
        brandings.beforeEachSave(() -> settings.update("m_1", new BrandingUpdate("Other", null, null, null, null)));

        BrandingOutcome outcome = settings.update("m_1", new BrandingUpdate(null, "#0b5e3b", null, null, null));

        StoredBranding saved = assertInstanceOf(BrandingOutcome.Saved.class, outcome).saved();
        assertEquals("Other", saved.branding().displayName());
        assertEquals("#0b5e3b", saved.branding().brandColor().value());
        assertEquals(2, saved.version());
    }

    @Test
    void anUpdateThatChangesNothingWritesNothing() {
        settings.update("m_1", new BrandingUpdate("Acme", null, null, null, null));
        brandings.beforeEachSave(() -> {
            throw new AssertionError("no write expected");
        });

        BrandingOutcome outcome = settings.update("m_1", new BrandingUpdate(null, "#1F4FD1", null, null, 1L));

        assertEquals(1, assertInstanceOf(BrandingOutcome.Saved.class, outcome).saved().version());
    }

    @Test
    void aPageThatKnowsTheBusinessNameGetsTheDefaultsWithoutASavedBranding() {
        assertEquals(Branding.defaults("Name On Page"), settings.forPage("m_1", "Name On Page"));
    }
}
