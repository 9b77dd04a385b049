package com.circoflows.localrunner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The data folder and the secrets in it (the app secret, the demo merchant's key) are for the
 * developer's own account only: the folder 0700, secret files 0600, from the moment they exist (never
 * written first and narrowed after). On a file system without POSIX permissions (Windows) the
 * platform's own defaults apply.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the folder owner-only, or narrows an existing one to its owner. */
    static void ensureFolder(Path folder) throws IOException {
        if (!posix()) {
            Files.createDirectories(folder);
            return;
        }
        if (Files.notExists(folder)) {
            Files.createDirectories(folder, attribute(OWNER_ONLY_FOLDER));
        }
        narrow(folder, OWNER_ONLY_FOLDER);
    }

    /**
     * Writes {@code text} to {@code file} as a new owner-only file that replaces the old one in one
     * step: another account never sees the secret, nor a half-written file.
     */
    static void write(Path file, String text) throws IOException {
        ensureFolder(file.getParent());
        Path partial = posix()
                ? Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial",
                        attribute(OWNER_ONLY_FILE))
                : Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Opens {@code file} for appending, creating it owner-only (its folder too) or narrowing it to its owner
     * if it exists: logs carry merchant ids and request paths, which are the developer's own.
     */
    static OutputStream appendOwnerOnly(Path file) throws IOException {
        ensureFolder(file.getParent());
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        if (!posix()) {
            return Channels.newOutputStream(Files.newByteChannel(file, options));
        }
        narrowFile(file);
        return Channels.newOutputStream(Files.newByteChannel(file, options, attribute(OWNER_ONLY_FILE)));
    }

    /** An existing secret file, as an earlier version may have left it readable by others, made owner-only. */
    static void narrowFile(Path file) throws IOException {
        if (posix() && Files.exists(file)) {
            narrow(file, OWNER_ONLY_FILE);
        }
    }

    private static void narrow(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (!Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
