package io.capj.apiserver.internal;

import io.capj.apiserver.internal.handlers.TableRenderer;
import io.capj.apiserver.internal.table.TableConverter;
import io.capj.apiserver.internal.table.TableOptions;
import java.time.Clock;

/** Connects the verb handlers to the Table printer. */
final class Tables {
    private Tables() {
    }

    static TableRenderer renderer(Clock clock) {
        TableConverter converter = new TableConverter();
        return (type, objects, listMeta, includeObject, headers, version) -> {
            TableOptions options = new TableOptions(TableOptions.parseIncludeObject(includeObject), !headers,
                    "meta.k8s.io/" + version);
            return converter.convert(type.definition(), objects, listMeta, options, clock.instant());
        };
    }
}
