package io.capj.apimachinery.patch;

/**
 * An object does not fit its merge schema where server-side apply needs it to: a map-list item without
 * any key field, a set holding objects, duplicate items in an applied configuration. The message is
 * upstream's: the path, then what is wrong ({@code .status.conditions: element 0: associative list with
 * keys has an element that omits all key fields ["type"] ...}).
 */
final class SchemaMismatchException extends IllegalArgumentException {
    SchemaMismatchException(FieldPath path, String detail) {
        super(path.isRoot() ? detail : path + ": " + detail);
    }
}
