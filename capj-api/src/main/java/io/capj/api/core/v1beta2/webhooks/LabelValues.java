package io.capj.api.core.v1beta2.webhooks;

import io.capj.apimachinery.Names;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Label values derived from object names. Names may be longer than a label value allows, so upstream's
 * {@code format.MustFormatValue} replaces invalid ones by {@code hash_<fnv32a, base64url>_z}; we compute the
 * same value so that selectors written by either agree.
 */
public final class LabelValues {
    private LabelValues() {
    }

    /** {@code value} itself when it is a valid label value, else its stable hash form. */
    public static String mustFormat(String value) {
        if (Names.labelValue(value).isEmpty()) {
            return value;
        }
        int hash = 0x811c9dc5;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        byte[] sum = {(byte) (hash >>> 24), (byte) (hash >>> 16), (byte) (hash >>> 8), (byte) hash};
        return "hash_" + Base64.getUrlEncoder().withoutPadding().encodeToString(sum) + "_z";
    }
}
