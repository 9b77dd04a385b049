package com.circoflows.localrunner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The data folder is its owner's only, and so is every secret in it. */
class PrivateFilesTest {
    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
    }

    @Test
    void aNewDataFolderIs0700AndTheAppSecretIn0600() throws IOException {
        Path dataDir = temp.resolve("local-data");

        String secret = LocalSecrets.appSecretKey(dataDir);

        assertEquals("rwx------", permissions(dataDir));
        assertEquals("rw-------", permissions(dataDir.resolve("app-secret-key")));
        assertEquals(secret, LocalSecrets.appSecretKey(dataDir), "kept across restarts");
        try (Stream<Path> files = Files.list(dataDir)) {
            assertEquals(1, files.count(), "no partial file left behind");
        }
    }

    @Test
    void aFolderAndSecretAnEarlierVersionLeftReadableAreNarrowedOnStart() throws IOException {
        Path dataDir = Files.createDirectory(temp.resolve("old-data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path secret = Files.writeString(dataDir.resolve("app-secret-key"), "an-old-secret");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals("an-old-secret", LocalSecrets.appSecretKey(dataDir));

        assertEquals("rwx------", permissions(dataDir));
        assertEquals("rw-------", permissions(secret));
    }

    @Test
    void aSecretIsWrittenOwnerOnlyEvenOverAReadableOldFile() throws IOException {
        Path file = temp.resolve("data").resolve("demo-merchant.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "api_key=old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        PrivateFiles.write(file, "api_key=cf_test_new");

        assertEquals("api_key=cf_test_new", Files.readString(file));
        assertEquals("rw-------", permissions(file));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
