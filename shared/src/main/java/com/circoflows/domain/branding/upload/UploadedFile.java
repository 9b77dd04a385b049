package com.circoflows.domain.branding.upload;

/**
 * The start of an uploaded file: enough to tell what it is, and all of it when it is small enough to keep.
 *
 * @param head the first bytes, at most as many as were asked for
 * @param size the whole file's size in bytes
 */
public record UploadedFile(byte[] head, long size) {
    public boolean complete() {
        return head.length == size;
    }
}
