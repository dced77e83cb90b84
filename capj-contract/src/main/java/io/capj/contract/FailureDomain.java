package io.capj.contract;

import java.util.Map;

/**
 * One failure domain as v1beta2 lists it ({@code status.failureDomains[]}); v1beta1's map form
 * ({@code name → {controlPlane, attributes}}) is normalised to this shape, sorted by name.
 */
public record FailureDomain(String name, boolean controlPlane, Map<String, String> attributes) {
    public FailureDomain {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
