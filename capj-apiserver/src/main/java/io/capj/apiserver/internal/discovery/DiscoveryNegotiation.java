package io.capj.apiserver.internal.discovery;

/**
 * Chooses the discovery format from an Accept header. kubectl 1.27-1.29 list only {@code v2beta1}, 1.30+ list
 * {@code v2} then {@code v2beta1}, client-go HEAD adds {@code ;profile=nopeer} variants; answering a
 * v2beta1-only client with v2 made kubectl 1.27 lose every CRD. So: v2 if any acceptable range asks for it,
 * else v2beta1 if any does, else legacy. Unknown parameters such as {@code profile} are ignored; a range with
 * {@code q=0} is not acceptable.
 */
public final class DiscoveryNegotiation {
    private static final String GROUP = "apidiscovery.k8s.io";
    private static final String KIND = "APIGroupDiscoveryList";

    private DiscoveryNegotiation() {
    }

    public static DiscoveryFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return DiscoveryFormat.LEGACY;
        }
        boolean v2 = false;
        boolean v2beta1 = false;
        for (String range : accept.split(",")) {
            String version = aggregatedVersion(range);
            v2 |= "v2".equals(version);
            v2beta1 |= "v2beta1".equals(version);
        }
        if (v2) {
            return DiscoveryFormat.AGGREGATED_V2;
        }
        return v2beta1 ? DiscoveryFormat.AGGREGATED_V2BETA1 : DiscoveryFormat.LEGACY;
    }

    /** The {@code v} parameter if this media range asks for aggregated discovery as JSON, else null. */
    private static String aggregatedVersion(String range) {
        String[] parts = range.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return null;
        }
        String group = null;
        String version = null;
        String as = null;
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = parts[i].substring(0, eq).trim().toLowerCase();
            String value = unquote(parts[i].substring(eq + 1).trim());
            switch (key) {
                case "g" -> group = value;
                case "v" -> version = value;
                case "as" -> as = value;
                case "q" -> {
                    if (isZero(value)) {
                        return null;
                    }
                }
                default -> {
                    // profile and anything else do not change the document we send
                }
            }
        }
        return GROUP.equals(group) && KIND.equals(as) ? version : null;
    }

    private static boolean isZero(String q) {
        try {
            return Double.parseDouble(q) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
