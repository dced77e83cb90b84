package io.capj.apiserver.internal.protobuf;

/**
 * A protobuf body that cannot be decoded: truncated, a field with the wrong wire type, an impossible value.
 * The message names the field by its JSON path; {@link ProtobufBodies} turns it into a 400.
 */
final class MalformedMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedMessageException(String path, String detail) {
        super(path.isEmpty() ? detail : path + ": " + detail);
    }
}
