package com.circoflows.domain.branding.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.branding.ImageFormat;
import com.circoflows.domain.branding.LogoReference;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LogoInspectionTest {
    static byte[] image(String format, int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LogoInspection.Verdict inspect(byte[] bytes) {
        return LogoInspection.inspect(new UploadedFile(bytes, bytes.length));
    }

    private static String refusal(LogoInspection.Verdict verdict) {
        return assertInstanceOf(LogoInspection.Refused.class, verdict).message();
    }

    @Test
    void aPngIsAcceptedWithItsSizeInPixelsAndAnIdFromItsContent() {
        byte[] png = image("png", 400, 120);
        LogoReference reference = assertInstanceOf(LogoInspection.Accepted.class, inspect(png)).image().reference();
        assertEquals(ImageFormat.PNG, reference.format());
        assertEquals(400, reference.width());
        assertEquals(120, reference.height());
        assertEquals(reference.id(), assertInstanceOf(LogoInspection.Accepted.class, inspect(png.clone())).image()
                .reference().id());
        assertEquals(64, reference.id().length());
    }

    @Test
    void aJpegIsAcceptedWithItsSizeInPixels() {
        LogoReference reference = assertInstanceOf(LogoInspection.Accepted.class, inspect(image("jpg", 300, 90)))
                .image().reference();
        assertEquals(ImageFormat.JPEG, reference.format());
        assertEquals(300, reference.width());
        assertEquals(90, reference.height());
    }

    @Test
    void anExtendedWebpIsAcceptedWithItsCanvasSize() {
        byte[] webp = new byte[40];
        put(webp, 0, "RIFF");
        put(webp, 8, "WEBPVP8X");
        webp[16] = 10; // chunk size
        // canvas width - 1 = 199, height - 1 = 59, 24-bit little endian
        webp[24] = (byte) 199;
        webp[27] = 59;
        LogoReference reference = assertInstanceOf(LogoInspection.Accepted.class, inspect(webp)).image().reference();
        assertEquals(ImageFormat.WEBP, reference.format());
        assertEquals(200, reference.width());
        assertEquals(60, reference.height());
    }

    @Test
    void anSvgIsRefusedBecauseItCanCarryScript() {
        byte[] svg = "\uFEFF  <?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(refusal(inspect(svg)).contains("SVG files aren't accepted"));
    }

    @Test
    void aFileThatIsNoImageIsRefusedWhateverItsNameOrTypeSaid() {
        assertTrue(refusal(inspect("%PDF-1.7 not a logo".getBytes(StandardCharsets.US_ASCII)))
                .contains("isn't a PNG, JPEG or WebP image"));
        assertTrue(refusal(inspect(new byte[0])).contains("empty"));
    }

    @Test
    void aLogoOverOneHundredKilobytesIsRefusedWithItsSize() {
        byte[] png = image("png", 10, 10);
        byte[] head = Arrays.copyOf(png, LogoInspection.MAX_BYTES + 1);
        String message = refusal(LogoInspection.inspect(new UploadedFile(head, 350_000)));
        assertTrue(message.contains("342 KB"), message);
        assertTrue(message.contains("at most 100 KB"), message);
    }

    @Test
    void exactlyOneHundredKilobytesIsStillAccepted() {
        byte[] png = Arrays.copyOf(image("png", 10, 10), LogoInspection.MAX_BYTES);
        assertInstanceOf(LogoInspection.Accepted.class, inspect(png));
    }

    @Test
    void anImageWiderThanTheLimitIsRefused() {
        String message = refusal(inspect(image("png", LogoInspection.MAX_SIDE + 1, 1)));
        assertTrue(message.contains("2049 × 1 pixels"), message);
    }

    @Test
    void aTruncatedPngWhoseSizeCannotBeReadIsRefusedAsDamaged() {
        byte[] cut = Arrays.copyOf(image("png", 10, 10), 14);
        assertTrue(refusal(inspect(cut)).contains("may be damaged"));
    }

    private static void put(byte[] into, int offset, String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, into, offset, bytes.length);
    }
}
