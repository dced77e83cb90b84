package io.capj.apiserver.internal.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * apiserver's {@code discovery.StorageVersionHash}: base64 of the first 8 bytes of SHA-256 over
 * {@code group/version/kind} of the storage version. Clients (the storage version migrator, GC) only compare it for
 * equality, but matching upstream keeps values stable across servers.
 */
public final class StorageVersionHash {

    private StorageVersionHash() {
    }

    public static String of(String group, String version, String kind) {
        try {
            byte[] sum = MessageDigest.getInstance("SHA-256")
                    .digest((group + "/" + version + "/" + kind).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(Arrays.copyOf(sum, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
