package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.branding.LogoImage;
import com.circoflows.domain.branding.upload.LogoInspection;
import com.circoflows.domain.branding.upload.UploadedFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DynamoLogoStoreIT {
    private final DynamoLogoStore store = new DynamoLogoStore(LocalStackFixture.dynamoDb(),
            LocalStackFixture.table("LogosTable"), Clock.systemUTC());

    private static LogoImage checkedPng(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] bytes = out.toByteArray();
        return ((LogoInspection.Accepted) LogoInspection.inspect(new UploadedFile(bytes, bytes.length))).image();
    }

    @Test
    void aStoredLogoReadsBackWithItsBytesFormatAndSize() throws IOException {
        String merchantId = AdapterTestData.merchantId();
        LogoImage logo = checkedPng(320, 96);

        store.put(merchantId, logo);

        LogoImage found = store.find(merchantId, logo.reference().id()).orElseThrow();
        assertEquals(logo.reference(), found.reference());
        assertArrayEquals(logo.bytes(), found.bytes());
    }

    @Test
    void anotherMerchantCannotReadALogoByItsId() throws IOException {
        String owner = AdapterTestData.merchantId();
        LogoImage logo = checkedPng(50, 20);
        store.put(owner, logo);

        assertTrue(store.find(AdapterTestData.merchantId(), logo.reference().id()).isEmpty());
    }

    @Test
    void storingTheSameImageTwiceKeepsOneReadableLogo() throws IOException {
        String merchantId = AdapterTestData.merchantId();
        LogoImage logo = checkedPng(60, 30);

        store.put(merchantId, logo);
        store.put(merchantId, logo);

        assertArrayEquals(logo.bytes(), store.find(merchantId, logo.reference().id()).orElseThrow().bytes());
    }

    @Test
    void aDeletedLogoIsGoneAndAnIdThatIsNoHashFindsNothing() throws IOException {
        String merchantId = AdapterTestData.merchantId();
        LogoImage logo = checkedPng(40, 40);
        store.put(merchantId, logo);

        store.delete(merchantId, logo.reference().id());

        assertTrue(store.find(merchantId, logo.reference().id()).isEmpty());
        assertTrue(store.find(merchantId, "../not-a-hash").isEmpty());
    }
}
