package io.capj.apiserver.internal.discovery;

import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ordering of groups and versions in discovery, as kube-aggregator orders APIServices: groups by descending
 * group priority (kube-apiserver's table for built-in groups, 1000 for CustomResourceDefinition groups) then by
 * name; versions kube-aware ({@code v2 > v1 > v1beta2 > v1beta1 > v1alpha1 > foo}), the first being preferred.
 */
final class VersionPriority {
    private static final Pattern KUBE_VERSION = Pattern.compile("^v(\\d+)(?:(alpha|beta)(\\d+))?$");
    private static final int DEFAULT_GROUP_PRIORITY = 1000;
    private static final Map<String, Integer> GROUP_PRIORITIES = Map.ofEntries(
            Map.entry("", 18000), Map.entry("apiregistration.k8s.io", 18000), Map.entry("apps", 17800),
            Map.entry("events.k8s.io", 17750), Map.entry("authentication.k8s.io", 17700),
            Map.entry("authorization.k8s.io", 17600), Map.entry("autoscaling", 17500), Map.entry("batch", 17400),
            Map.entry("certificates.k8s.io", 17300), Map.entry("networking.k8s.io", 17200),
            Map.entry("policy", 17100), Map.entry("rbac.authorization.k8s.io", 17000),
            Map.entry("storage.k8s.io", 16800), Map.entry("admissionregistration.k8s.io", 16700),
            Map.entry("apiextensions.k8s.io", 16700), Map.entry("scheduling.k8s.io", 16600),
            Map.entry("coordination.k8s.io", 16500), Map.entry("node.k8s.io", 16300),
            Map.entry("discovery.k8s.io", 16200), Map.entry("flowcontrol.apiserver.k8s.io", 16100),
            Map.entry("internal.apiserver.k8s.io", 16000), Map.entry("resource.k8s.io", 15900),
            Map.entry("storagemigration.k8s.io", 15800));

    /** Groups in discovery order. */
    static final Comparator<String> GROUPS = Comparator
            .comparingInt((String g) -> -GROUP_PRIORITIES.getOrDefault(g, DEFAULT_GROUP_PRIORITY))
            .thenComparing(Comparator.naturalOrder());

    /** Versions in discovery order: most preferred first. */
    static final Comparator<String> VERSIONS = (a, b) -> compareKubeAware(b, a);

    private VersionPriority() {
    }

    /** apimachinery's {@code CompareKubeAwareVersionStrings}: positive if {@code a} is the higher version. */
    static int compareKubeAware(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int[] va = parse(a);
        int[] vb = parse(b);
        if (va == null && vb == null) {
            return b.compareTo(a); // non-kube versions: lexically smaller sorts first
        }
        if (va == null || vb == null) {
            return va == null ? -1 : 1;
        }
        for (int i = 0; i < 3; i++) {
            if (va[i] != vb[i]) {
                return Integer.compare(va[i], vb[i]);
            }
        }
        return 0;
    }

    /** {type (GA 2, beta 1, alpha 0), major, minor}, or null if not kube-like. */
    private static int[] parse(String v) {
        Matcher m = KUBE_VERSION.matcher(v);
        if (!m.matches()) {
            return null;
        }
        try {
            int major = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                return new int[] {2, major, 0};
            }
            return new int[] {m.group(2).equals("beta") ? 1 : 0, major, Integer.parseInt(m.group(3))};
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }
}
