package io.capj.apiserver.security;

import java.util.List;
import java.util.Objects;

/**
 * An authenticated caller, as Kubernetes' {@code user.Info}: what RBAC subjects, audit and
 * {@code SelfSubjectReview} see.
 *
 * @param name   the user name ({@code CN} of a client certificate, second column of the token file)
 * @param uid    a stable id, or the empty string when the credential carries none (client certificates)
 * @param groups the groups, in credential order, always ending with {@value #AUTHENTICATED_GROUP} once
 *               returned by the {@link Authenticator}
 */
public record UserInfo(String name, String uid, List<String> groups) {
    /** Upstream gives every authenticated caller this group. */
    public static final String AUTHENTICATED_GROUP = "system:authenticated";
    /** Members bypass authorization (cluster-admin), as upstream. */
    public static final String MASTERS_GROUP = "system:masters";

    public UserInfo {
        Objects.requireNonNull(name, "name");
        uid = uid == null ? "" : uid;
        groups = List.copyOf(groups);
    }

    /** This user with {@value #AUTHENTICATED_GROUP} appended unless already present. */
    public UserInfo authenticated() {
        if (groups.contains(AUTHENTICATED_GROUP)) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(groups);
        all.add(AUTHENTICATED_GROUP);
        return new UserInfo(name, uid, all);
    }

    /** True when the user is in {@code group}. */
    public boolean inGroup(String group) {
        return groups.contains(group);
    }
}
