package io.capj.apimachinery.jsonpath;

/** A JSONPath that does not parse, or that fails on a document (e.g. an index out of bounds), with upstream's text. */
public final class JsonPathException extends IllegalArgumentException {

    public JsonPathException(String message) {
        super(message);
    }
}
