package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.http.ApiRequest;
import io.capj.apiserver.internal.http.Reply;
import io.capj.apiserver.internal.http.RequestInfo;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apiserver.internal.store.ObjectStore.ListResult;

/** GET on a collection: selectors, paging with consistent continue tokens, resourceVersion semantics. */
public final class ListHandler {
    private static final String CONTINUE_TOO_OLD = "The provided continue parameter is too old to display a"
            + " consistent list result. You can start a new list without the continue parameter, or use the"
            + " continue token in this response to retrieve the remainder of the results. Continuing with the"
            + " provided token results in an inconsistent list - objects that were created, modified, or deleted"
            + " between the time the first chunk was returned and now may show up in the list.";

    private final ApiContext ctx;
    private final Responses responses;

    public ListHandler(ApiContext ctx, Responses responses) {
        this.ctx = ctx;
        this.responses = responses;
    }

    public Reply handle(ApiRequest request, RequestInfo info, ResourceType type) {
        Selection selection = Selection.from(request, type);
        int limit = (int) Math.min(request.number("limit"), Integer.MAX_VALUE);
        long revision = 0;
        String start = null;
        String token = request.param("continue");
        if (!token.isEmpty()) {
            if (!request.param("resourceVersion").isEmpty() && !request.param("resourceVersion").equals("0")) {
                throw StatusException.badRequest("specifying resource version is not allowed when using continue");
            }
            ContinueToken t = ContinueToken.decode(token);
            if (t.revision() < ctx.objects().store().compactedRevision()) {
                throw StatusException.gone(CONTINUE_TOO_OLD);
            }
            revision = t.revision();
            start = t.startKey();
        } else {
            revision = requestedRevision(request);
        }
        ListResult result = ctx.objects().list(type, info.namespace(), revision, start, limit, selection);
        ObjectNode meta = Json.object();
        meta.put("resourceVersion", Long.toString(result.revision()));
        if (result.nextKey() != null) {
            meta.put("continue", new ContinueToken(result.revision(), result.nextKey()).encode());
            if (result.remaining() > 0) {
                meta.put("remainingItemCount", result.remaining());
            }
        }
        return responses.list(request, type, result.items(), meta);
    }

    /** 0 (now) unless resourceVersionMatch=Exact names a revision. */
    private long requestedRevision(ApiRequest request) {
        String rv = request.param("resourceVersion");
        String match = request.param("resourceVersionMatch");
        if (!match.isEmpty() && rv.isEmpty()) {
            throw StatusException.badRequest("resourceVersionMatch is forbidden unless resourceVersion is provided");
        }
        long n = parseRevision(rv);
        return switch (match) {
            case "", "NotOlderThan" -> {
                ResourceVersions.awaitNotOlderThan(ctx, n);
                yield 0;
            }
            case "Exact" -> {
                if (n == 0) {
                    throw StatusException.badRequest("resourceVersionMatch \"Exact\" is forbidden for resourceVersion \"0\"");
                }
                yield n;
            }
            default -> throw StatusException.badRequest("resourceVersionMatch: Unsupported value: \"" + match
                    + "\": supported values: \"Exact\", \"NotOlderThan\"");
        };
    }

    static long parseRevision(String rv) {
        if (rv.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(rv);
        } catch (NumberFormatException e) {
            throw StatusException.badRequest("invalid resource version \"" + rv + "\"");
        }
    }
}
