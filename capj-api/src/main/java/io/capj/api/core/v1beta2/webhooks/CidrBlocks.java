package io.capj.api.core.v1beta2.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** CIDR notation as Go's {@code net.ParseCIDR} accepts it: an IPv4 or IPv6 literal, a slash and a prefix length. */
public final class CidrBlocks {
    private static final Pattern IPV4_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private CidrBlocks() {
    }

    /** One {@code Invalid value: "x": invalid CIDR address: x} per unparsable entry of {@code cidrs}. */
    public static List<FieldError> validate(String path, JsonNode cidrs) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; i < cidrs.size(); i++) {
            String cidr = cidrs.get(i).asText();
            if (!isCidr(cidr)) {
                errs.add(FieldError.invalid(path + "[" + i + "]", cidr, "invalid CIDR address: " + cidr));
            }
        }
        return errs;
    }

    /** True for {@code 10.0.0.0/8}, {@code fd00::/64}; false for {@code 10.0.0.0}, {@code 10.0.0.0/33}. */
    public static boolean isCidr(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || slash != cidr.lastIndexOf('/')) {
            return false;
        }
        String address = cidr.substring(0, slash);
        String prefix = cidr.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}")) {
            return false;
        }
        int bits = Integer.parseInt(prefix);
        if (isIPv4(address)) {
            return bits <= 32;
        }
        return isIPv6(address) && bits <= 128;
    }

    private static boolean isIPv4(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!IPV4_OCTET.matcher(part).matches() || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIPv6(String address) {
        // Only hex digits, colons and dots reach InetAddress, so it parses a literal and never resolves a name.
        if (!address.contains(":") || !IPV6_CHARS.matcher(address).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(address);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
