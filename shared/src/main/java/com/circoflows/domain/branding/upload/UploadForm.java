package com.circoflows.domain.branding.upload;

import java.util.Map;

/**
 * A signed upload form: where it posts and the hidden fields it must carry, in order. The file goes last,
 * in a field named {@link #FILE_FIELD} (the storage service ignores whatever follows the file).
 *
 * @param fields every hidden field, in the order the form sends them
 */
public record UploadForm(String action, Map<String, String> fields) {
    public static final String FILE_FIELD = "file";

    public UploadForm {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
