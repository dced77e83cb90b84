package io.capj.apimachinery.admission;

import io.capj.apimachinery.GroupVersionKind;
import java.util.Map;

/** The admission hooks of a server, by group/version/kind; kinds without one get schema validation only. */
@FunctionalInterface
public interface AdmissionHooks {

    /** The hook for {@code gvk}, or null. */
    AdmissionHook forKind(GroupVersionKind gvk);

    AdmissionHooks NONE = gvk -> null;

    static AdmissionHooks of(Map<GroupVersionKind, AdmissionHook> hooks) {
        return hooks::get;
    }
}
