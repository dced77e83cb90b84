package io.capj.apimachinery.schema;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A URL accepted by Go's {@code url.ParseRequestURI}: an absolute URI or an absolute path, the rule behind the
 * {@code uri} format and the CEL {@code url()}/{@code isURL()} functions. As a request URI, a {@code #fragment} is part
 * of the query or path. Instances are the runtime values of CEL's {@code kubernetes.URL} type.
 */
record KubernetesUrl(String scheme, String host, String port, boolean ipv6Host, String path, String rawQuery) {

    /** Parses {@code s} or throws {@link IllegalArgumentException} with Go's reason. */
    static KubernetesUrl parse(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("parse \"\": empty url");
        }
        if (s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("parse " + quote(s) + ": net/url: invalid control character in URL");
        }
        String scheme = scheme(s);
        String rest = scheme.isEmpty() ? s : s.substring(scheme.length() + 1);
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new KubernetesUrl(scheme, "", "", false, "", query); // opaque, like mailto:x
            }
            throw new IllegalArgumentException("parse " + quote(s) + ": invalid URI for request");
        }
        if (!scheme.isEmpty() && rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            String path = slash < 0 ? "" : rest.substring(slash);
            return authority(s, scheme, authority, checkEscapes(s, path), query);
        }
        return new KubernetesUrl(scheme, "", "", false, checkEscapes(s, rest), query);
    }

    static boolean isValid(String s) {
        try {
            parse(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Host with port; IPv6 hosts in brackets. */
    String hostWithPort() {
        String h = ipv6Host ? "[" + host + "]" : host;
        return port.isEmpty() ? h : h + ":" + port;
    }

    /** The path with characters outside Go's path set percent-encoded. */
    String escapedPath() {
        StringBuilder b = new StringBuilder();
        for (byte c : path.getBytes(StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            if (Character.isLetterOrDigit(u) && u < 0x80 || "-_.~$&+,/:;=@%!*'()".indexOf(u) >= 0) {
                b.append((char) u);
            } else {
                b.append('%').append(String.format("%02X", u));
            }
        }
        return b.toString();
    }

    /** Query parameters in "matrix" form, keys and values unescaped, in order of appearance. */
    Map<String, List<String>> query() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = unescape(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : unescape(pair.substring(eq + 1));
            result.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return result;
    }

    private static KubernetesUrl authority(String s, String scheme, String authority, String path, String query) {
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        String port = "";
        boolean ipv6 = hostPort.startsWith("[");
        if (ipv6) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("parse " + quote(s) + ": missing ']' in host");
            }
            host = hostPort.substring(1, close);
            port = port(s, hostPort.substring(close + 1));
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? "" : port(s, hostPort.substring(colon));
        }
        for (char c : host.toCharArray()) {
            if (c == ' ' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '\\'
                    || c == '^' || c == '`') {
                throw new IllegalArgumentException("parse " + quote(s) + ": invalid character \"" + c
                        + "\" in host name");
            }
        }
        return new KubernetesUrl(scheme, host, port, ipv6, path, query);
    }

    private static String port(String s, String colonPort) {
        if (colonPort.isEmpty()) {
            return "";
        }
        if (!colonPort.startsWith(":") || !colonPort.substring(1).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("parse " + quote(s) + ": invalid port " + quote(colonPort)
                    + " after host");
        }
        return colonPort.substring(1);
    }

    /** Go's getScheme: letters first, then letters, digits, '+', '-', '.'; anything else means no scheme. */
    private static String scheme(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) && c < 0x80) {
                continue;
            }
            if ((Character.isDigit(c) || c == '+' || c == '-' || c == '.') && i > 0) {
                continue;
            }
            if (c == ':' && i > 0) {
                return s.substring(0, i);
            }
            if (c == ':') {
                throw new IllegalArgumentException("parse " + quote(s) + ": missing protocol scheme");
            }
            return "";
        }
        return "";
    }

    private static String checkEscapes(String s, String part) {
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) == '%' && (i + 2 >= part.length() || !isHex(part.charAt(i + 1))
                    || !isHex(part.charAt(i + 2)))) {
                String bad = part.substring(i, Math.min(part.length(), i + 3));
                throw new IllegalArgumentException("parse " + quote(s) + ": invalid URL escape " + quote(bad));
            }
        }
        return part;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
