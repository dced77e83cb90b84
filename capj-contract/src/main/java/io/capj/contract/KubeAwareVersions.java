package io.capj.contract;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders Kubernetes-style version strings as apimachinery's {@code CompareKubeAwareVersionStrings} does:
 * GA above beta above alpha, then major, then minor ({@code v1alpha1 < v1beta1 < v1beta2 < v1 < v2}); any
 * string that is not kube-like sorts below every kube-like one, and among themselves lexically.
 */
final class KubeAwareVersions {
    /** Ascending order: the newest version is the greatest. */
    static final Comparator<String> ORDER = KubeAwareVersions::compare;

    private static final Pattern KUBE = Pattern.compile("^v([1-9][0-9]*)(?:(alpha|beta)([1-9][0-9]*))?$");

    private KubeAwareVersions() {
    }

    static int compare(String a, String b) {
        Matcher ma = KUBE.matcher(a);
        Matcher mb = KUBE.matcher(b);
        boolean ka = ma.matches();
        boolean kb = mb.matches();
        if (!ka || !kb) {
            if (ka != kb) {
                return ka ? 1 : -1;
            }
            return a.compareTo(b);
        }
        int byStability = Integer.compare(stability(ma.group(2)), stability(mb.group(2)));
        if (byStability != 0) {
            return byStability;
        }
        int byMajor = Long.compare(Long.parseLong(ma.group(1)), Long.parseLong(mb.group(1)));
        if (byMajor != 0) {
            return byMajor;
        }
        return Long.compare(minor(ma.group(3)), minor(mb.group(3)));
    }

    private static int stability(String qualifier) {
        if (qualifier == null) {
            return 2;
        }
        return "beta".equals(qualifier) ? 1 : 0;
    }

    private static long minor(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
