package com.circoflows.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Real image files made on the spot (ImageIO), and the headers of the formats ImageIO cannot write. */
public final class TestImages {
    private TestImages() {
    }

    public static byte[] png(int width, int height) {
        return write("png", width, height);
    }

    public static byte[] jpeg(int width, int height) {
        return write("jpg", width, height);
    }

    public static byte[] gif(int width, int height) {
        return write("gif", width, height);
    }

    /** A lossless WebP's first 30 bytes: RIFF, WEBP, a VP8L chunk with its 14-bit width and height less one. */
    public static byte[] webpLossless(int width, int height) {
        byte[] b = new byte[30];
        put(b, 0, "RIFF");
        put(b, 8, "WEBP");
        put(b, 12, "VP8L");
        b[20] = 0x2f;
        long bits = (width - 1L) | (height - 1L) << 14;
        for (int i = 0; i < 4; i++) {
            b[21 + i] = (byte) (bits >> (8 * i));
        }
        return b;
    }

    /** An extended WebP (VP8X): the canvas's 24-bit width and height less one. */
    public static byte[] webpExtended(int width, int height) {
        byte[] b = new byte[30];
        put(b, 0, "RIFF");
        put(b, 8, "WEBP");
        put(b, 12, "VP8X");
        for (int i = 0; i < 3; i++) {
            b[24 + i] = (byte) ((width - 1) >> (8 * i));
            b[27 + i] = (byte) ((height - 1) >> (8 * i));
        }
        return b;
    }

    public static byte[] svg() {
        return ("\uFEFF<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\">"
                + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] write(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x6b2fa3));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(byte[] b, int at, String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, b, at, bytes.length);
    }
}
