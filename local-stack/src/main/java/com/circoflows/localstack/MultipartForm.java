package com.circoflows.localstack;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data body (RFC 7578) as browsers send a file upload form: the text fields by name,
 * in order, and the one file field's bytes. What the S3 stand-in needs of it, no more.
 *
 * @param fields    every field but the file, by the name the form gave it
 * @param fileField the file field's name, or null when the form carried no file
 */
record MultipartForm(Map<String, String> fields, String fileField, byte[] file) {
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)[;\\s]filename=\"");

    /** The form, or null when the body is not a well-formed multipart/form-data body. */
    static MultipartForm parse(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        Matcher boundaryMatch = BOUNDARY.matcher(contentType);
        if (!boundaryMatch.find()) {
            return null;
        }
        String boundary = boundaryMatch.group(2) != null ? boundaryMatch.group(2) : boundaryMatch.group(3);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String fileField = null;
        byte[] file = null;
        byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int position = at + delimiter.length;
        while (true) {
            if (startsWith(body, position, "--")) {
                return new MultipartForm(fields, fileField, file); // the close delimiter
            }
            int lineEnd = indexOf(body, "\r\n".getBytes(StandardCharsets.ISO_8859_1), position);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), position);
            if (lineEnd < 0 || headersEnd < 0) {
                return null;
            }
            String headers = new String(body, lineEnd + 2, Math.max(0, headersEnd - lineEnd - 2), StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int contentEnd = indexOf(body, nextDelimiter, contentStart);
            if (contentEnd < 0) {
                return null;
            }
            String disposition = header(headers, "content-disposition");
            Matcher name = disposition == null ? null : NAME.matcher(disposition);
            if (name == null || !name.find()) {
                return null;
            }
            if (FILENAME.matcher(disposition).find()) {
                if (fileField == null) {
                    fileField = name.group(1);
                    file = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
                }
            } else if (fileField == null) {
                // S3 ignores the fields after the file (a form's submit button, say)
                fields.put(name.group(1), new String(body, contentStart, contentEnd - contentStart, StandardCharsets.UTF_8));
            }
            position = contentEnd + nextDelimiter.length;
        }
    }

    private static String header(String headers, String wanted) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] body, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return at >= 0 && at + bytes.length <= body.length
                && java.util.Arrays.equals(body, at, at + bytes.length, bytes, 0, bytes.length);
    }

    private static int indexOf(byte[] body, byte[] wanted, int from) {
        outer:
        for (int i = Math.max(0, from); i <= body.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (body[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
