package io.capj.runtime;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Objects;

/**
 * A kind the runtime can watch: its group/version/kind, its plural resource name and scope, and the Java
 * type its objects are read as: a fabric8 model class for kinds known at compile time, or
 * {@link GenericKubernetesResource} for kinds discovered at run time (provider kinds read as unstructured
 * data). Equality is by group, version and kind only, so one kind maps to one shared informer.
 *
 * @param <T> the type objects of this kind are read as
 */
public final class ResourceKind<T extends HasMetadata> {
    private final String group;
    private final String version;
    private final String kind;
    private final String plural;
    private final boolean namespaced;
    private final Class<T> type;

    private ResourceKind(String group, String version, String kind, String plural, boolean namespaced,
            Class<T> type) {
        this.group = group == null ? "" : group;
        this.version = Objects.requireNonNull(version, "version");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.plural = Objects.requireNonNull(plural, "plural");
        this.namespaced = namespaced;
        this.type = type;
    }

    /** The kind of a fabric8 model class (or a {@code CustomResource} subclass with its annotations). */
    public static <T extends HasMetadata> ResourceKind<T> of(Class<T> type) {
        return new ResourceKind<>(HasMetadata.getGroup(type), HasMetadata.getVersion(type),
                HasMetadata.getKind(type), HasMetadata.getPlural(type), Namespaced.class.isAssignableFrom(type),
                type);
    }

    /** A kind known only at run time, read as {@link GenericKubernetesResource}. */
    public static ResourceKind<GenericKubernetesResource> generic(String group, String version, String kind,
            String plural, boolean namespaced) {
        return new ResourceKind<>(group, version, kind, plural, namespaced, GenericKubernetesResource.class);
    }

    public String group() {
        return group;
    }

    public String version() {
        return version;
    }

    public String kind() {
        return kind;
    }

    public String plural() {
        return plural;
    }

    public boolean namespaced() {
        return namespaced;
    }

    public Class<T> type() {
        return type;
    }

    /** {@code group/version}, or just {@code version} for the core group, as in {@code apiVersion}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** Whether objects are read as {@link GenericKubernetesResource} rather than a model class. */
    public boolean isGeneric() {
        return type == GenericKubernetesResource.class;
    }

    /** The fabric8 description of this kind's REST resource. */
    public ResourceDefinitionContext definitionContext() {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(namespaced).build();
    }

    /** Whether an ownerReference's {@code apiVersion}/{@code kind} name this kind. */
    public boolean matches(String apiVersion, String kindName) {
        return kind.equals(kindName) && apiVersion().equals(apiVersion);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceKind<?> k && k.group.equals(group) && k.version.equals(version)
                && k.kind.equals(kind);
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, version, kind);
    }

    @Override
    public String toString() {
        return apiVersion() + ", Kind=" + kind;
    }
}
