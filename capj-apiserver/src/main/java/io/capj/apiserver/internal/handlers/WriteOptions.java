package io.capj.apiserver.internal.handlers;

import io.capj.apiserver.internal.admission.FieldValidation;
import io.capj.apiserver.internal.http.ApiRequest;
import io.capj.apiserver.internal.http.MediaTypes;
import io.capj.apimachinery.patch.ManagedFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Options common to every write: the field manager, dry run, field validation, and the warnings
 * collected on the way (sent as {@code Warning} headers).
 */
public record WriteOptions(String manager, boolean dryRun, FieldValidation validation, List<String> warnings) {

    public static WriteOptions from(ApiRequest request) {
        String agent = request.header("User-Agent");
        String manager = ManagedFields.manager(request.param("fieldManager"), agent == null ? "" : agent);
        return new WriteOptions(manager, request.dryRun(), FieldValidation.parse(request.param("fieldValidation")),
                new ArrayList<>());
    }

    /** True if the request body is YAML (server-side apply bodies may be either). */
    static boolean isYaml(ApiRequest request) {
        String ct = request.contentType();
        return ct.equals(MediaTypes.YAML) || ct.equals(MediaTypes.APPLY_PATCH);
    }
}
