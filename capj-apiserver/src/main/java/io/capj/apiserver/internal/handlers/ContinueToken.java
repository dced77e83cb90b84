package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import java.util.Base64;

/**
 * The opaque {@code continue} token of a paged list: the list's revision and the key the next page starts
 * at, as base64 JSON in upstream's shape, so every page is served from one consistent snapshot.
 */
record ContinueToken(long revision, String startKey) {

    String encode() {
        ObjectNode o = Json.object();
        o.put("v", "meta.k8s.io/v1").put("rv", revision).put("start", startKey);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(o));
    }

    static ContinueToken decode(String token) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(token.replace('+', '-').replace('/', '_').replace("=", ""));
            JsonNode o = Json.parse(raw);
            if (!"meta.k8s.io/v1".equals(o.path("v").asText()) || !o.path("rv").canConvertToLong()
                    || !o.path("start").isTextual()) {
                throw new IllegalArgumentException("bad token");
            }
            return new ContinueToken(o.path("rv").asLong(), o.path("start").asText());
        } catch (RuntimeException e) {
            throw StatusException.badRequest("continue key is not valid: " + token);
        }
    }
}
