package io.capj.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which Cluster API contract a provider CRD implements, and which of its API versions core should use.
 *
 * <p>Provider CRDs carry labels {@code cluster.x-k8s.io/<contract>: <version>[_<version>...]}, e.g.
 * {@code cluster.x-k8s.io/v1beta2: v1beta1_v1beta2}. Resolution follows upstream: walk the contracts
 * compatible with ours from newest to oldest (v1beta2 also accepts v1beta1 until v1beta1 is EOL), take the
 * first label that is present and non-empty, and choose its newest version in Kubernetes order. Unlike
 * upstream we also drop listed versions that the CRD does not serve, because using one would fail on the
 * first request; when the chosen label lists no served version the error names the CRD and the label.
 */
public final class ContractVersion {
    /** The API group whose versions name contracts; also the label prefix. */
    public static final String GROUP = "cluster.x-k8s.io";
    public static final String V1BETA1 = "v1beta1";
    public static final String V1BETA2 = "v1beta2";
    /** The contract this capj implements; by convention it matches our core API version. */
    public static final String CURRENT = V1BETA2;

    private ContractVersion() {
    }

    /**
     * The outcome of resolution: the contract whose paths to use and the API version of the provider's group
     * to read and write objects with.
     */
    public record Resolved(String crdName, String contract, String group, String version) {
        /** {@code group/version}, e.g. {@code infrastructure.cluster.x-k8s.io/v1beta2}. */
        public String apiVersion() {
            return group == null || group.isEmpty() ? version : group + "/" + version;
        }

        /** True when the provider implements the older contract and its fallback paths apply. */
        public boolean isV1Beta1() {
            return ContractVersion.isV1Beta1(contract);
        }
    }

    /** Contracts compatible with {@code contract}, newest first, including itself. */
    public static List<String> compatibleWith(String contract) {
        String version = contractVersion(contract);
        List<String> compatible = new ArrayList<>(List.of(version));
        if (V1BETA2.equals(version)) {
            compatible.add(V1BETA1);
        }
        compatible.sort(KubeAwareVersions.ORDER.reversed());
        return Collections.unmodifiableList(compatible);
    }

    /** The label key for a contract: {@code cluster.x-k8s.io/v1beta2}. Accepts the bare or prefixed form. */
    public static String labelKey(String contract) {
        return GROUP + "/" + contractVersion(contract);
    }

    /** True for the v1beta1 contract (bare or label form), whose fallback paths differ from v1beta2. */
    public static boolean isV1Beta1(String contract) {
        return V1BETA1.equals(contractVersion(contract));
    }

    /**
     * The CRD name upstream's contract requires for a kind: {@code <plural>.<group>} with the lower-cased kind
     * pluralised by English rules ({@code DevMachine} → {@code devmachines.infrastructure.cluster.x-k8s.io}).
     */
    public static String crdName(String group, String kind) {
        return plural(kind.toLowerCase(Locale.ROOT)) + "." + group;
    }

    /** Resolves against the contract this capj implements ({@link #CURRENT}). */
    public static Resolved resolve(JsonNode crd) {
        return resolve(crd, CURRENT);
    }

    /**
     * Resolves a CustomResourceDefinition given as JSON against {@code contract} ({@code v1beta2} or
     * {@code cluster.x-k8s.io/v1beta2}).
     *
     * @throws ContractException naming the CRD and the label(s) when no compatible label is usable
     */
    public static Resolved resolve(JsonNode crd, String contract) {
        JsonNode metadata = crd.path("metadata");
        String name = metadata.path("name").asText("");
        Map<String, String> labels = new LinkedHashMap<>();
        metadata.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText("")));
        String group = crd.path("spec").path("group").asText("");
        JsonNode versions = crd.path("spec").path("versions");
        Set<String> served = null;
        if (versions.isArray()) {
            served = new LinkedHashSet<>();
            for (JsonNode v : versions) {
                if (v.path("served").asBoolean(false)) {
                    served.add(v.path("name").asText());
                }
            }
        }
        return resolve(name, group, labels, served, contract);
    }

    /**
     * Resolves from CRD metadata alone (as read with a metadata-only get).
     *
     * @param served the versions the CRD serves, or {@code null} when unknown (every listed version counts)
     * @throws ContractException naming the CRD and the label(s) when no compatible label is usable
     */
    public static Resolved resolve(String crdName, String group, Map<String, String> labels, Set<String> served,
            String contract) {
        List<String> candidates = compatibleWith(contract);
        for (String candidate : candidates) {
            String key = labelKey(candidate);
            String value = labels.get(key);
            if (value == null || value.isEmpty()) {
                continue;
            }
            List<String> listed = new ArrayList<>(Arrays.asList(value.split("_")));
            listed.removeIf(String::isEmpty);
            if (served != null) {
                listed.retainAll(served);
            }
            if (listed.isEmpty()) {
                throw new ContractException("CRD " + crdName + " label " + key + "=" + value
                        + " lists no version that the CRD serves (served: " + served + ")");
            }
            listed.sort(KubeAwareVersions.ORDER);
            return new Resolved(crdName, candidate, group, listed.get(listed.size() - 1));
        }
        List<String> keys = candidates.stream().map(ContractVersion::labelKey).toList();
        throw new ContractException("cannot find any versions matching contract versions " + candidates
                + " for CRD " + crdName + ": contract version label(s) " + String.join(", ", keys)
                + " are missing or empty");
    }

    /**
     * The contract an API version of a provider implements, from the CRD's labels: the first
     * {@code cluster.x-k8s.io/<contract>} label, newest contract first, whose value lists {@code version}.
     * Used when an object already names its apiVersion (e.g. a reference written by a user).
     *
     * @throws ContractException naming the CRD when no contract label lists {@code version}
     */
    public static String contractForVersion(JsonNode crd, String version) {
        JsonNode labels = crd.path("metadata").path("labels");
        String prefix = GROUP + "/";
        List<String> contracts = new ArrayList<>();
        labels.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith(prefix)
                    && Arrays.asList(e.getValue().asText("").split("_")).contains(version)) {
                contracts.add(e.getKey().substring(prefix.length()));
            }
        });
        if (contracts.isEmpty()) {
            throw new ContractException("cannot find any contract version matching version " + version + " for CRD "
                    + crd.path("metadata").path("name").asText(""));
        }
        contracts.sort(KubeAwareVersions.ORDER.reversed());
        return contracts.get(0);
    }

    private static String contractVersion(String contract) {
        if (contract == null || contract.isEmpty()) {
            throw new IllegalArgumentException("contract version must not be empty");
        }
        String prefix = GROUP + "/";
        return contract.startsWith(prefix) ? contract.substring(prefix.length()) : contract;
    }

    private static String plural(String word) {
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("z") || word.endsWith("ch")
                || word.endsWith("sh")) {
            return word + "es";
        }
        if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word + "s";
    }
}
