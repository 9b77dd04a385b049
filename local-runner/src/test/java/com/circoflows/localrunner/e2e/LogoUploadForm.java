package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.testsupport.FormUpload;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The branding page's logo upload form as a browser without JavaScript sends it: its action (the
 * bucket, or locally the S3 stand-in), its HTML, and the signed hidden fields posted with the file.
 */
public record LogoUploadForm(String action, String html, Map<String, String> hiddenFields) {
    private static final Pattern UPLOAD_FORM = Pattern.compile(
            "<form method=\"post\" enctype=\"multipart/form-data\" action=\"([^\"]+)\">(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    /** The upload form of a branding page. */
    public static LogoUploadForm on(String brandingPage) {
        Matcher form = UPLOAD_FORM.matcher(brandingPage);
        assertTrue(form.find(), brandingPage);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form.group(2));
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        return new LogoUploadForm(form.group(1).replace("&amp;", "&"), form.group(2), fields);
    }

    /** Posts the file with the form's fields; the answer is the store's (a 303 back to the dashboard when taken). */
    public HttpResponse<String> post(String fileName, String contentType, byte[] file) {
        return FormUpload.post(action, hiddenFields, "file", fileName, contentType, file);
    }
}
