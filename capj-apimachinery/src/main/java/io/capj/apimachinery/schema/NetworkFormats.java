package io.capj.apimachinery.schema;

import com.google.re2j.Pattern;

/**
 * IP, CIDR and MAC address syntax as Go's {@code net} package parses it (the "sloppy" IPv4 form with leading zeros
 * that Kubernetes accepts for compatibility), without any name resolution.
 */
final class NetworkFormats {
    private static final Pattern MAC = Pattern.compile("^(?:[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}"
            + "|[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){7}|[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){19}"
            + "|[0-9A-Fa-f]{4}(?:\\.[0-9A-Fa-f]{4}){2}|[0-9A-Fa-f]{4}(?:\\.[0-9A-Fa-f]{4}){3}"
            + "|[0-9A-Fa-f]{4}(?:\\.[0-9A-Fa-f]{4}){9})$");
    private static final Pattern HEX_GROUP = Pattern.compile("^[0-9A-Fa-f]{1,4}$");

    private NetworkFormats() {
    }

    /** Any IP that Go's ParseIP accepts (the ipv4 format additionally requires a dot, ipv6 a colon). */
    static boolean isIp(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String s) {
        if (!s.contains(":") || s.contains(":::")) {
            return false;
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
        String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
        int headGroups = countGroups(head, doubleColon < 0);
        int tailGroups = countGroups(tail, true);
        int groups = headGroups + tailGroups;
        if (headGroups < 0 || tailGroups < 0) {
            return false;
        }
        return doubleColon >= 0 ? groups < 8 : groups == 8;
    }

    /** Counts 16-bit groups (an embedded IPv4 address counts two); -1 if malformed. */
    private static int countGroups(String part, boolean ipv4Allowed) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] groups = part.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            boolean last = i == groups.length - 1;
            if (last && ipv4Allowed && isIpv4(groups[i])) {
                count += 2;
            } else if (HEX_GROUP.matcher(groups[i]).matches()) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }

    static boolean isCidr(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String ip = s.substring(0, slash);
        String bits = s.substring(slash + 1);
        if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int n = Integer.parseInt(bits);
        return isIpv4(ip) ? n <= 32 : isIpv6(ip) && n <= 128;
    }

    static boolean isMac(String s) {
        return MAC.matcher(s).matches();
    }
}
