package com.circoflows.domain.branding.upload;

import com.circoflows.domain.branding.ImageFormat;
import com.circoflows.domain.branding.LogoImage;
import com.circoflows.domain.branding.LogoReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Whether an uploaded file may become a logo, decided by its bytes and never by its name or the type the
 * browser claimed: a PNG, JPEG or WebP (by the format's signature), at most {@link #MAX_BYTES} long and
 * {@link #MAX_SIDE} pixels on each side (read from the image's own header). SVG is refused because an SVG
 * file can carry script; so is everything else. Each refusal says what to do instead.
 */
public final class LogoInspection {
    /** 100 KB: a crisp logo for a 40-pixel-high slot takes a few KB; the stored item stays far below DynamoDB's 400 KB. */
    public static final int MAX_BYTES = 100 * 1024;
    /** Browsers decode the whole image whatever size it is shown at: this keeps that to 16 MB of pixels. */
    public static final int MAX_SIDE = 2048;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private LogoInspection() {
    }

    /** What became of an upload: a logo to keep, or the reason it is refused, for the person who sent it. */
    public sealed interface Verdict {
    }

    public record Accepted(LogoImage image) implements Verdict {
    }

    public record Refused(String message) implements Verdict {
    }

    /** @param file as {@link LogoUploads#read} gave it, asked for at least {@link #MAX_BYTES} + 1 bytes */
    public static Verdict inspect(UploadedFile file) {
        byte[] bytes = file.head();
        if (file.size() == 0) {
            return new Refused("The file you chose is empty. Choose your logo as a PNG, JPEG or WebP image.");
        }
        if (looksLikeSvg(bytes)) {
            return new Refused("SVG files aren't accepted, because an SVG file can contain scripts. Export your "
                    + "logo as a PNG (or WebP) image and upload that.");
        }
        ImageFormat format = formatOf(bytes);
        if (format == null) {
            return new Refused("This file isn't a PNG, JPEG or WebP image. Save your logo in one of those "
                    + "formats and upload it again.");
        }
        if (file.size() > MAX_BYTES || !file.complete()) {
            return new Refused("The logo is " + describeSize(file.size()) + "; it can be at most "
                    + MAX_BYTES / 1024 + " KB. Save it smaller (a PNG about 400 × 120 pixels is plenty) and upload "
                    + "it again.");
        }
        int[] size = dimensions(format, bytes);
        if (size == null || size[0] < 1 || size[1] < 1) {
            return new Refused("This file says it is a " + format.name() + " image, but its size can't be read: "
                    + "it may be damaged. Export your logo again and upload the new file.");
        }
        if (size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            return new Refused("The logo is " + size[0] + " × " + size[1] + " pixels; it can be at most " + MAX_SIDE
                    + " pixels on each side. Make it smaller and upload it again.");
        }
        return new Accepted(new LogoImage(new LogoReference(sha256(bytes), format, size[0], size[1]), bytes));
    }

    /** "42 KB", "3.4 MB": rounded up, as a file manager would show it. */
    static String describeSize(long bytes) {
        if (bytes < 1024 * 1024) {
            return ((bytes + 1023) / 1024) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", Math.ceil(bytes * 10.0 / (1024 * 1024)) / 10);
    }

    static ImageFormat formatOf(byte[] b) {
        if (startsWith(b, 0, PNG_SIGNATURE)) {
            return ImageFormat.PNG;
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return ImageFormat.JPEG;
        }
        if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
            return ImageFormat.WEBP;
        }
        return null;
    }

    /** Width and height from the header, or null when the header is not as the format says it must be. */
    static int[] dimensions(ImageFormat format, byte[] b) {
        return switch (format) {
            case PNG -> pngSize(b);
            case JPEG -> jpegSize(b);
            case WEBP -> webpSize(b);
        };
    }

    /** The IHDR chunk comes first: its width and height are big-endian, at bytes 16 and 20. */
    private static int[] pngSize(byte[] b) {
        if (b.length < 24 || !startsWith(b, 12, ascii("IHDR"))) {
            return null;
        }
        return new int[] {int32(b, 16), int32(b, 20)};
    }

    /** Walks the marker segments to the first start-of-frame (SOF0 to SOF15, less DHT, JPG and DAC). */
    private static int[] jpegSize(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xff) != 0xff) {
                return null;
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) {
                i++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                i += 2; // markers without a length
                continue;
            }
            if (marker == 0xd9 || marker == 0xda) {
                return null; // end of image, or the scan began before any frame header
            }
            int length = uint16(b, i + 2);
            boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (startOfFrame) {
                if (i + 8 >= b.length || length < 7) {
                    return null;
                }
                return new int[] {uint16(b, i + 7), uint16(b, i + 5)};
            }
            if (length < 2) {
                return null;
            }
            i += 2 + length;
        }
        return null;
    }

    /** The first chunk says how: lossy (VP8), lossless (VP8L) or extended (VP8X, the canvas size). */
    private static int[] webpSize(byte[] b) {
        if (b.length < 30) {
            return null;
        }
        if (startsWith(b, 12, ascii("VP8 "))) {
            if ((b[23] & 0xff) != 0x9d || (b[24] & 0xff) != 0x01 || (b[25] & 0xff) != 0x2a) {
                return null;
            }
            return new int[] {uint16le(b, 26) & 0x3fff, uint16le(b, 28) & 0x3fff};
        }
        if (startsWith(b, 12, ascii("VP8L"))) {
            if ((b[20] & 0xff) != 0x2f) {
                return null;
            }
            long bits = (b[21] & 0xffL) | (b[22] & 0xffL) << 8 | (b[23] & 0xffL) << 16 | (b[24] & 0xffL) << 24;
            return new int[] {(int) (bits & 0x3fff) + 1, (int) ((bits >> 14) & 0x3fff) + 1};
        }
        if (startsWith(b, 12, ascii("VP8X"))) {
            return new int[] {uint24le(b, 24) + 1, uint24le(b, 27) + 1};
        }
        return null;
    }

    /**
     * SVG is XML text: after an optional byte order mark and blanks it opens with "<", and an svg element
     * follows. Anything text-like that opens with "<" and names svg early on is treated as one.
     */
    static boolean looksLikeSvg(byte[] b) {
        int start = startsWith(b, 0, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}) ? 3 : 0;
        while (start < b.length && (b[start] == ' ' || b[start] == '\t' || b[start] == '\r' || b[start] == '\n')) {
            start++;
        }
        if (start >= b.length || b[start] != '<') {
            return false;
        }
        String text = new String(b, start, Math.min(b.length - start, 4096), StandardCharsets.ISO_8859_1);
        return text.toLowerCase(Locale.ROOT).contains("<svg");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (b.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int int32(byte[] b, int i) {
        long value = (b[i] & 0xffL) << 24 | (b[i + 1] & 0xffL) << 16 | (b[i + 2] & 0xffL) << 8 | (b[i + 3] & 0xffL);
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    private static int uint16(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    private static int uint16le(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static int uint24le(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16;
    }
}
